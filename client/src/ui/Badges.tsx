import { useTranslation } from 'react-i18next';
import type { Language, PresenceStatus, Role, RoadshowStatus, StartupStage } from '../../../shared/schemas';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <span className={`badge badge--role-${role}`}>{t(`roles.${role}`)}</span>;
}

export function StageBadge({ stage }: { stage: StartupStage }) {
  const { t } = useTranslation();
  return <span className={`badge badge--stage`}>{t(`stages.${stage}`)}</span>;
}

export function LanguageBadge({ language }: { language: Language }) {
  const { t } = useTranslation();
  return <span className="badge badge--lang">{t(`languages.${language}`)}</span>;
}

export function RoadshowStatusBadge({ status }: { status: RoadshowStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--rs-${status}`}>
      {status === 'live' && <span className="live-pulse" aria-hidden="true" />}
      {t(`roadshow.status.${status}`)}
    </span>
  );
}

export function StatusDot({ status, withLabel = false }: { status: PresenceStatus; withLabel?: boolean }) {
  const { t } = useTranslation();
  const label = t(`presence.status.${status}`);
  return (
    <span className="status">
      <span className={`status-dot status-dot--${status}`} role="img" aria-label={label} title={label} />
      {withLabel && <span className="status-label">{label}</span>}
    </span>
  );
}

export function Tag({ children }: { children: string }) {
  return <span className="chip">{children}</span>;
}
