import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../lib/useDescribeError';

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <span className="spinner" role="status" aria-label={label ?? t('common.loading')} />;
}

/** Grey placeholder blocks shown while the first data loads. */
export function SkeletonRows({ rows = 3, variant = 'row' }: { rows?: number; variant?: 'row' | 'card' }) {
  const { t } = useTranslation();
  return (
    <div className={`skeleton-list skeleton-list--${variant}`} aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`skeleton skeleton--${variant}`}>
          {variant === 'row' && <span className="skeleton-circle" />}
          <span className="skeleton-lines">
            <span className="skeleton-line" style={{ width: `${60 + ((i * 17) % 30)}%` }} />
            <span className="skeleton-line skeleton-line--short" />
          </span>
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ icon, title, hint, children }: { icon?: ReactNode; title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="empty">
      {icon && <div className="empty-icon" aria-hidden="true">{icon}</div>}
      <p className="empty-title">{title}</p>
      {hint && <p className="empty-hint">{hint}</p>}
      {children}
    </div>
  );
}

/** A failed load: what went wrong and a Retry button. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{title ?? t('common.loadFailed')}</p>
      <p className="error-state-detail">{describe(error)}</p>
      {onRetry && (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Alert({ tone, children, testId }: { tone: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; testId?: string }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

export function PageHeader({ title, subtitle, actions, testId }: { title: string; subtitle?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <header className="page-header">
      <div>
        <h1 className="page-title" data-testid={testId}>
          {title}
        </h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
