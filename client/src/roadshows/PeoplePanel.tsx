import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../shared/roadshow';
import { AttendeeRow } from './AttendeeRow';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';

const STAGE_ORDER = { host: 0, presenter: 1, guest: 2, audience: 3 } as const;

/**
 * Who is here. Hosts also see the waiting room (admit one or all) and the raised hands in the order
 * they went up, each person once, with promote / send back and chat mute.
 */
export function PeoplePanel() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const attendees = useRoadshowRoom((s) => s.attendees?.attendees);
  const canHost = useRoadshowRoom((s) => s.canHost);
  const { waiting, hands, others } = useMemo(() => {
    const list = attendees ?? [];
    const hands = list.filter((a) => a.admission === 'admitted' && a.handRaised).sort((a, b) => (a.handRaisedAt ?? '').localeCompare(b.handRaisedAt ?? ''));
    const others = list
      .filter((a) => a.admission === 'admitted' && !a.handRaised)
      .sort((a, b) => STAGE_ORDER[a.stageRole] - STAGE_ORDER[b.stageRole] || a.name.localeCompare(b.name));
    return { waiting: list.filter((a) => a.admission === 'waiting'), hands, others };
  }, [attendees]);

  return (
    <div className="rs-people">
      {canHost && waiting.length > 0 && (
        <Section title={t('attendees.waiting')} count={waiting.length} testId="waiting-list">
          <div className="rs-people-bulk">
            <button type="button" className="btn btn--primary btn--small" data-testid="admit-all" onClick={() => void client.admit({ all: true })}>
              {t('attendees.admitAll')}
            </button>
          </div>
          <PeopleList people={waiting} />
        </Section>
      )}
      {canHost && (
        <Section title={t('attendees.hands')} count={hands.length} testId="hands-list">
          {hands.length === 0 ? <p className="muted small">{t('attendees.noHands')}</p> : <PeopleList people={hands} ordered />}
        </Section>
      )}
      <Section title={t('attendees.inRoom')} count={canHost ? others.length : others.length + hands.length} testId="attendee-list">
        {others.length + (canHost ? 0 : hands.length) === 0 ? <p className="muted small">{t('attendees.empty')}</p> : <PeopleList people={canHost ? others : [...hands, ...others]} />}
      </Section>
    </div>
  );
}

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <section className="rs-people-section" data-testid={testId}>
      <h3 className="rs-people-title">
        {title}
        {count > 0 && <span className="count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

function PeopleList({ people, ordered = false }: { people: Attendee[]; ordered?: boolean }) {
  const Tag = ordered ? 'ol' : 'ul';
  return (
    <Tag className={`rs-people-list${ordered ? ' rs-people-list--ordered' : ''}`}>
      {people.map((a) => (
        <AttendeeRow key={a.userId} attendee={a} />
      ))}
    </Tag>
  );
}
