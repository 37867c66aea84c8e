import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../shared/roadshow';
import { useNow } from '../lib/useNow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { RoleBadge } from '../ui/Badges';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';

/** One person in the room; hosts get admit, promote / send back and mute. */
export function AttendeeRow({ attendee: a }: { attendee: Attendee }) {
  const { t } = useTranslation();
  const me = useMe();
  const time = useTimeFormat();
  const now = useNow(30_000);
  const client = useRoadshowRoomClient();
  const canHost = useRoadshowRoom((s) => s.canHost);
  const live = useRoadshowRoom((s) => s.state?.status === 'live' || s.state?.status === 'backstage');
  const canTakePart = useCanTakePart();
  const isMe = a.userId === me.id;
  const host = canHost && canTakePart;

  return (
    <li
      className={`rs-attendee${a.handRaised ? ' has-hand' : ''}`}
      data-testid="attendee"
      data-user-id={a.userId}
      data-hand={String(a.handRaised)}
      data-stage-role={a.stageRole}
      data-admission={a.admission}
    >
      <Avatar name={a.name} seed={a.userId} size="sm" />
      <div className="rs-attendee-main">
        <span className="rs-attendee-name">
          {a.name} {isMe && <span className="muted small">{t('attendees.you')}</span>}
        </span>
        <span className="rs-attendee-tags">
          <RoleBadge role={a.role} />
          {a.stageRole !== 'audience' && <span className={`badge badge--stage-${a.stageRole}`}>{t(`attendees.stageRole.${a.stageRole}`)}</span>}
          {a.handRaised && (
            <span className="rs-hand-badge" title={a.handRaisedAt ? t('attendees.handUp', { when: time.relative(a.handRaisedAt, now) }) : undefined}>
              ✋{a.handRaisedAt && <span className="muted small"> {time.relative(a.handRaisedAt, now)}</span>}
            </span>
          )}
          {a.chatMuted && <span className="badge badge--hidden">{t('attendees.mutedBadge')}</span>}
        </span>
      </div>
      {host && !isMe && (
        <div className="rs-attendee-actions">
          {a.admission === 'waiting' ? (
            <button type="button" className="btn btn--small btn--secondary" data-testid="admit" onClick={() => void client.admit({ userId: a.userId })}>
              {t('attendees.admit')}
            </button>
          ) : (
            <>
              {live && a.stageRole === 'audience' && (
                <button type="button" className="btn btn--small btn--secondary" data-testid="promote" onClick={() => void client.setStage(a.userId, true)}>
                  {t('attendees.promote')}
                </button>
              )}
              {live && a.stageRole === 'guest' && (
                <button type="button" className="btn btn--small btn--ghost" data-testid="demote" onClick={() => void client.setStage(a.userId, false)}>
                  {t('attendees.demote')}
                </button>
              )}
              <button
                type="button"
                className="btn btn--small btn--ghost"
                data-testid="mute"
                aria-pressed={a.chatMuted}
                onClick={() => void client.muteChat(a.userId, !a.chatMuted)}
              >
                {a.chatMuted ? t('attendees.unmute') : t('attendees.mute')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
