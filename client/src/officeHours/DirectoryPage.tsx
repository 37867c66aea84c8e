import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { MentorCardView } from './MentorCardView';
import { OfficeHoursNav } from './OfficeHoursNav';
import { useMentors } from './useMentors';

/** `/office-hours`: the mentors who hold office hours, their next free slots and open doors. */
export function DirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('officeHours.title'));
  const { state, reload } = useMentors();
  return (
    <div className="page oh-page">
      <PageHeader title={t('officeHours.title')} subtitle={t('officeHours.subtitle')} testId="oh-title" />
      <OfficeHoursNav />
      {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (state.data.length === 0 ? (
          <EmptyState icon={<Icon name="calendar" size={26} />} title={t('officeHours.directory.empty')} hint={t('officeHours.directory.emptyHint')} />
        ) : (
          <div className="card-grid oh-directory" data-testid="oh-directory">
            {state.data.map((card) => (
              <MentorCardView key={card.mentor.id} card={card} />
            ))}
          </div>
        ))}
    </div>
  );
}
