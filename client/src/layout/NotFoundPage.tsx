import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page page--narrow">
      <EmptyState icon={<Icon name="compass" size={28} />} title={t('notFound.title')} hint={t('notFound.hint')}>
        <Link className="btn btn--primary" to="/">
          {t('notFound.home')}
        </Link>
      </EmptyState>
    </div>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div className="page page--narrow" data-testid="forbidden">
      <EmptyState icon={<Icon name="lock" size={28} />} title={t('forbidden.title')} hint={t('forbidden.hint')}>
        <Link className="btn btn--primary" to="/">
          {t('notFound.home')}
        </Link>
      </EmptyState>
    </div>
  );
}
