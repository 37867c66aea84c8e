import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../session/sessionStore';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { ActivePollBar } from './ActivePollBar';
import { ChatMessageItem } from './ChatMessageItem';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';
import { useDescribeAck } from './useDescribeAck';

const CHAT_MAX = 500;

/** The room's chat: the latest messages (kept scrolled to the newest) and a send box. */
export function ChatPanel({ onShowPolls }: { onShowPolls: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useRoadshowRoomClient();
  const describe = useDescribeAck();
  const chat = useRoadshowRoom((s) => s.chat);
  const canHost = useRoadshowRoom((s) => s.canHost);
  const muted = useRoadshowRoom((s) => s.me?.chatMuted ?? false);
  const canTakePart = useCanTakePart();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const stick = useRef(true);

  // Follow new messages unless the reader scrolled up to read older ones.
  useEffect(() => {
    const list = listRef.current;
    if (list && stick.current) list.scrollTop = list.scrollHeight;
  }, [chat]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    setError(null);
    setText('');
    stick.current = true;
    const result = await client.chat(body);
    if (!result.ok) {
      setText(body);
      setError(describe(result.error, result.timedOut));
    }
  };

  return (
    <div className="rs-chat">
      <ActivePollBar onShowPolls={onShowPolls} />
      {chat.length === 0 ? (
        <EmptyState icon={<Icon name="users" size={22} />} title={t('chat.empty')} />
      ) : (
        <ol
          className="rs-chat-list"
          ref={listRef}
          aria-live="polite"
          onScroll={(e) => {
            const el = e.currentTarget;
            stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
        >
          {chat.map((m) => (
            <ChatMessageItem key={m.id} message={m} mine={m.author.id === me.id} canModerate={canHost && canTakePart} canDelete={canTakePart && (canHost || m.author.id === me.id)} />
          ))}
        </ol>
      )}
      {!canTakePart ? (
        <p className="muted small rs-closed-note">{t('chat.closed')}</p>
      ) : muted ? (
        <p className="rs-muted-note" role="status" data-testid="chat-muted">
          {t('chat.muted')}
        </p>
      ) : (
        <form className="rs-chat-form" onSubmit={(e) => void onSubmit(e)}>
          <label htmlFor="rs-chat-text" className="sr-only">
            {t('chat.label')}
          </label>
          <input
            id="rs-chat-text"
            className="input"
            maxLength={CHAT_MAX}
            value={text}
            placeholder={t('chat.placeholder')}
            autoComplete="off"
            data-testid="chat-input"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="btn btn--primary btn--small" disabled={!text.trim()} data-testid="chat-send">
            {t('chat.send')}
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
