import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../shared/recordings';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useDescribeError } from '../lib/useDescribeError';
import { Alert, ErrorState, Spinner } from '../ui/States';
import { recordingsApi } from './api';

/** Founders of a startup in the recording choose which investors may watch it (PUT …/access). */
export function RestrictAccess({ recording, onSaved }: { recording: RecordingDetail; onSaved: (r: RecordingDetail) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const current = recording.restrictedTo;

  return (
    <section className="card rec-restrict" aria-labelledby="rec-restrict-title" data-testid="replay-restrict" data-restricted={current !== null}>
      <div className="card-head">
        <h2 className="card-title" id="rec-restrict-title">
          {t('recordings.restrict.title')}
        </h2>
        {!editing && (
          <button type="button" className="btn btn--small btn--secondary" data-testid="replay-restrict-change" onClick={() => {
              setEditing(true);
              setSaved(false);
            }}>
            {t('recordings.restrict.change')}
          </button>
        )}
      </div>
      {editing ? (
        <RestrictForm
          recording={recording}
          onCancel={() => setEditing(false)}
          onSaved={(r) => {
            setEditing(false);
            setSaved(true);
            onSaved(r);
          }}
        />
      ) : (
        <p className="rec-restrict-now" data-testid="replay-restrict-summary">
          {current === null
            ? t('recordings.restrict.everyone')
            : current.length === 0
              ? t('recordings.restrict.noneChosen')
              : t('recordings.restrict.onlyList', { names: current.map((u) => u.name).join(', ') })}
        </p>
      )}
      {saved && !editing && <Alert tone="success">{t('recordings.restrict.saved')}</Alert>}
      <p className="field-hint">{t('recordings.restrict.hint')}</p>
    </section>
  );
}

function RestrictForm({ recording, onCancel, onSaved }: { recording: RecordingDetail; onCancel: () => void; onSaved: (r: RecordingDetail) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const investors = useAsync(async () => (await api.listUsers('investor')).users, 'investors');
  const [only, setOnly] = useState(recording.restrictedTo !== null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(recording.restrictedTo?.map((u) => u.id) ?? []));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = async () => {
    setPending(true);
    setError(null);
    try {
      onSaved((await recordingsApi.setAccess(recording.id, only ? [...chosen] : null)).recording);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="rec-restrict-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="checkbox">
        <input type="radio" name="rec-access" checked={!only} data-testid="replay-restrict-everyone" onChange={() => setOnly(false)} />
        {t('recordings.restrict.everyone')}
      </label>
      <label className="checkbox">
        <input type="radio" name="rec-access" checked={only} data-testid="replay-restrict-only" onChange={() => setOnly(true)} />
        {t('recordings.restrict.only')}
      </label>
      {only && (
        <div className="rec-restrict-investors">
          {investors.state.kind === 'loading' && <Spinner />}
          {investors.state.kind === 'failed' && <ErrorState error={investors.state.error} onRetry={investors.reload} />}
          {investors.state.kind === 'ready' && investors.state.data.length === 0 && <p className="muted small">{t('recordings.restrict.noInvestors')}</p>}
          {investors.state.kind === 'ready' &&
            investors.state.data.map((u) => (
              <label key={u.id} className="checkbox">
                <input type="checkbox" checked={chosen.has(u.id)} data-testid="replay-restrict-investor" data-user-id={u.id} onChange={(e) => toggle(u.id, e.target.checked)} />
                {u.name}
                {u.headline && <span className="muted small"> · {u.headline}</span>}
              </label>
            ))}
        </div>
      )}
      {error !== null && <Alert tone="error">{describe(error)}</Alert>}
      <div className="form-actions">
        <button type="button" className="btn btn--small btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--small btn--primary" disabled={pending} data-testid="replay-restrict-save">
          {pending ? t('common.saving') : t('recordings.restrict.save')}
        </button>
      </div>
    </form>
  );
}
