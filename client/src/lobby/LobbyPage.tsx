import { useTranslation } from 'react-i18next';
import type { RoadshowSummary } from '../../../shared/schemas';
import { ApiRequestError, NETWORK_ERROR_STATUS } from '../lib/api';
import { zoneLabel, zoneOffsetMinutes } from '../lib/time';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useNow } from '../lib/useNow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMe } from '../session/sessionStore';
import { Icon, type IconName } from '../ui/Icon';
import { Alert, EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { useLobbyClient } from './LobbyClientContext';
import { useLobby } from './lobbyStore';
import { OnlineList } from './OnlineList';
import { RoadshowCard } from './RoadshowCard';
import { ScheduleRoadshowForm } from './ScheduleRoadshowForm';
import { StatusSelector } from './StatusSelector';
import { useCanSchedule } from './useCanSchedule';

type Greeting = 'morning' | 'afternoon' | 'evening';

function greetingFor(hour: number): Greeting {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

/** The space's home: who is here, what is live, what is next. */
export function LobbyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('lobby.documentTitle'));
  const me = useMe();
  const now = useNow(30_000);
  const time = useTimeFormat();
  const client = useLobbyClient();
  const snapshot = useLobby((s) => s.snapshot);
  const loadedAt = useLobby((s) => s.loadedAt);
  const online = useLobby((s) => s.online);
  const schedule = useLobby((s) => s.schedule);

  const hour = new Date(now + zoneOffsetMinutes(time.zone, new Date(now)) * 60_000).getUTCHours();
  const myEntry = online.find((e) => e.userId === me.id) ?? null;
  const loading = loadedAt === null && snapshot.kind === 'loading';
  const failedFirst = loadedAt === null && snapshot.kind === 'failed';
  const refused = useLobby((s) => s.connection.kind === 'refused');
  const retry = () => client?.retry();
  const canSchedule = useCanSchedule(me);

  return (
    <div className="page">
      <PageHeader
        testId="lobby-title"
        title={t(`lobby.greeting.${greetingFor(hour)}`, { name: me.name })}
        subtitle={t('lobby.subtitle', { time: time.dateTime(now), city: zoneLabel(time.zone, time.locale) })}
      />
      {snapshot.kind === 'failed' && loadedAt !== null && (
        <Alert tone="warning">
          {t('lobby.staleData')}{' '}
          <button type="button" className="link-button" onClick={retry}>
            {t('common.retry')}
          </button>
        </Alert>
      )}
      {failedFirst ? (
        <ErrorState
          error={new ApiRequestError(snapshot.error.reason === 'internal' ? NETWORK_ERROR_STATUS : 400, snapshot.error)}
          title={t('lobby.loadFailed')}
          onRetry={refused ? undefined : retry}
        />
      ) : (
        <div className="lobby-grid">
          <section className="lobby-live" aria-labelledby="live-heading">
            <SectionTitle id="live-heading" title={t('lobby.live.title')} count={loading ? null : schedule.live.length} live={schedule.live.length > 0} />
            {loading ? <SkeletonRows rows={1} variant="card" /> : <RoadshowList testId="live-list" items={schedule.live} now={now} empty={t('lobby.live.empty')} emptyHint={t('lobby.live.emptyHint')} icon="broadcast" />}
          </section>

          <aside className="lobby-online card" aria-labelledby="online-heading">
            <div className="card-head">
              <SectionTitle id="online-heading" title={t('lobby.online.title')} count={loading ? null : online.length} />
            </div>
            <StatusSelector current={myEntry?.status ?? null} disabled={loading || myEntry === null} />
            {loading ? <SkeletonRows rows={4} /> : <OnlineList online={online} myId={me.id} />}
          </aside>

          <section className="lobby-next" aria-labelledby="next-heading">
            <SectionTitle id="next-heading" title={t('lobby.next.title')} count={loading ? null : schedule.next.length} />
            {loading ? <SkeletonRows rows={2} variant="card" /> : <RoadshowList testId="next-list" items={schedule.next} now={now} empty={t('lobby.next.empty')} emptyHint={t('lobby.next.emptyHint')} icon="calendar" />}
            {canSchedule && !loading && <ScheduleRoadshowForm now={now} />}
          </section>
        </div>
      )}
    </div>
  );
}

function SectionTitle({ id, title, count, live }: { id: string; title: string; count: number | null; live?: boolean }) {
  return (
    <h2 className="section-title" id={id}>
      {live && <span className="live-pulse" aria-hidden="true" />}
      {title}
      {count !== null && count > 0 && <span className="count">{count}</span>}
    </h2>
  );
}

function RoadshowList({ testId, items, now, empty, emptyHint, icon }: { testId: string; items: RoadshowSummary[]; now: number; empty: string; emptyHint: string; icon: IconName }) {
  return (
    <div className="rs-list" data-testid={testId}>
      {items.length === 0 ? (
        <EmptyState icon={<Icon name={icon} size={26} />} title={empty} hint={emptyHint} />
      ) : (
        items.map((r) => <RoadshowCard key={r.id} roadshow={r} now={now} />)
      )}
    </div>
  );
}
