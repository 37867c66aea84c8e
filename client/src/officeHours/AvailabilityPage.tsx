import { useTranslation } from 'react-i18next';
import type { Availability } from '../../../shared/officeHours';
import { zoneLabel } from '../lib/time';
import { useDescribeError } from '../lib/useDescribeError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMe } from '../session/sessionStore';
import { Icon } from '../ui/Icon';
import { Alert, EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { AvailabilityGrid } from './AvailabilityGrid';
import { fitsGrid } from './availabilityGrid';
import { AvailabilitySettings } from './AvailabilitySettings';
import { ExceptionsEditor } from './ExceptionsEditor';
import { OfficeHoursNav } from './OfficeHoursNav';
import { SlotPreview } from './SlotPreview';
import { useAvailabilityDraft, useMyAvailability } from './useAvailabilityDraft';

/** `/office-hours/availability`: a mentor's weekly hours (a grid in their zone), slot settings, exceptions. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('officeHours.availability.title'));
  const me = useMe();
  const { state, reload } = useMyAvailability();
  return (
    <div className="page oh-page oh-availability-page">
      <PageHeader title={t('officeHours.availability.title')} subtitle={t('officeHours.availability.subtitle')} testId="oh-availability-title" />
      <OfficeHoursNav />
      {me.role !== 'mentor' ? (
        <EmptyState icon={<Icon name="lock" size={26} />} title={t('officeHours.availability.notMentor')} />
      ) : state.kind === 'loading' ? (
        <SkeletonRows rows={3} variant="card" />
      ) : state.kind === 'failed' ? (
        <ErrorState error={state.error} onRetry={reload} />
      ) : (
        <AvailabilityEditor saved={state.data.availability} published={state.data.published} />
      )}
    </div>
  );
}

function AvailabilityEditor({ saved, published }: { saved: Availability; published: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useDescribeError();
  const { draft, current, dirty, update, save, submit } = useAvailabilityDraft(saved);
  return (
    <>
      <div className="oh-availability-layout">
        <section className="card oh-grid-card">
          <div className="card-head">
            <h2 className="card-title">{t('officeHours.availability.gridTitle')}</h2>
            <span className="muted small">{zoneLabel(draft.timeZone, time.locale)}</span>
          </div>
          <p className="muted small oh-grid-hint">{t('officeHours.availability.gridHint')}</p>
          {!fitsGrid(saved.weekly) && <Alert tone="info">{t('officeHours.availability.offGrid')}</Alert>}
          <AvailabilityGrid cells={draft.cells} timeZone={draft.timeZone} onChange={(cells) => update({ cells })} />
          <div className="oh-grid-foot">
            <span className="muted small" data-testid="oh-window-count">
              {t('officeHours.availability.windows', { count: current.weekly.length })}
            </span>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => update({ cells: new Set() })} disabled={draft.cells.size === 0}>
              {t('officeHours.availability.clear')}
            </button>
          </div>
        </section>
        <div className="oh-availability-side">
          <section className="card">
            <AvailabilitySettings draft={draft} update={update} />
          </section>
          <section className="card">
            <h2 className="card-title">{t('officeHours.availability.exceptions')}</h2>
            <p className="muted small oh-card-hint">{t('officeHours.availability.exceptionsHint')}</p>
            <ExceptionsEditor exceptions={draft.exceptions} timeZone={draft.timeZone} onChange={(exceptions) => update({ exceptions })} />
          </section>
          <section className="card">
            <h2 className="card-title">{t('officeHours.availability.previewTitle')}</h2>
            <p className="muted small oh-card-hint">{t('officeHours.availability.previewHint')}</p>
            <SlotPreview availability={current} />
          </section>
        </div>
      </div>
      <div className="oh-save-bar" aria-live="polite">
        {!published && save.kind !== 'saved' && <p className="muted small oh-save-note">{t('officeHours.availability.neverPublished')}</p>}
        {save.kind === 'saved' && !dirty && <Alert tone="success" testId="oh-availability-saved">{t('officeHours.availability.saved')}</Alert>}
        {save.kind === 'failed' && <Alert tone="error">{describe(save.error)}</Alert>}
        {dirty && <span className="oh-unsaved small">{t('officeHours.availability.unsaved')}</span>}
        <button
          type="button"
          className="btn btn--primary"
          data-testid="oh-availability-save"
          disabled={save.kind === 'saving' || (!dirty && published)}
          onClick={() => void submit()}
        >
          {save.kind === 'saving' ? t('common.saving') : t('officeHours.availability.save')}
        </button>
      </div>
    </>
  );
}
