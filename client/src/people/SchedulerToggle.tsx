import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useDescribeError } from '../lib/useDescribeError';

/** Operators let a mentor schedule roadshows (and so host them), or stop them. */
export function SchedulerToggle({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { state, setData } = useAsync(async () => (await api.roadshowSchedulers()).userIds, `schedulers:${userId}`);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allowed = state.kind === 'ready' && state.data.includes(userId);

  const toggle = async (next: boolean) => {
    setPending(true);
    setError(null);
    try {
      const { userIds } = await api.setRoadshowScheduler(userId, next);
      setData(() => userIds);
    } catch (err) {
      setError(describe(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="scheduler-toggle">
      <label className="checkbox">
        <input type="checkbox" checked={allowed} disabled={state.kind !== 'ready' || pending} data-testid="allow-schedule" onChange={(e) => void toggle(e.target.checked)} />
        {t('profile.allowSchedule')}
      </label>
      <p className="field-hint">{t('profile.allowScheduleHint')}</p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
