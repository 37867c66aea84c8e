import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../shared/roadshow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Avatar } from '../ui/Avatar';
import { useRoadshowRoomClient } from './roadshowRoomContext';

/** One chat line: who, when, what; delete (hosts, or my own) and mute the author (hosts). */
export function ChatMessageItem({ message: m, mine, canModerate, canDelete }: { message: ChatMessage; mine: boolean; canModerate: boolean; canDelete: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const client = useRoadshowRoomClient();
  return (
    <li className={`rs-chat-msg${mine ? ' is-mine' : ''}`} data-testid="chat-message" data-message-id={m.id} data-author-id={m.author.id}>
      <Avatar name={m.author.name} seed={m.author.id} size="sm" />
      <div className="rs-chat-body">
        <div className="rs-chat-meta">
          <span className="rs-chat-author">{m.author.name}</span>
          <span className="muted small">{time.time(m.createdAt)}</span>
          {(canDelete || (canModerate && !mine)) && (
            <span className="rs-chat-actions">
              {canModerate && !mine && (
                <button type="button" className="link-button small" data-testid="chat-mute" onClick={() => void client.muteChat(m.author.id, true)}>
                  {t('chat.mute', { name: m.author.name })}
                </button>
              )}
              {canDelete && (
                <button type="button" className="link-button small rs-chat-delete" data-testid="chat-delete" aria-label={t('chat.deleteLabel')} onClick={() => void client.deleteChat(m.id)}>
                  {t('chat.delete')}
                </button>
              )}
            </span>
          )}
        </div>
        <p className="rs-chat-text">{m.text}</p>
      </div>
    </li>
  );
}
