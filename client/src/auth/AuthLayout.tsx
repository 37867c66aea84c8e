import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { Logo } from '../layout/Logo';
import { Icon } from '../ui/Icon';

/** The signed-out layout: the product story on one side, the form card on the other. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <aside className="auth-hero">
        <div className="auth-brand">
          <Logo size={36} />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="auth-pitch">
          <h2>{t('auth.tagline')}</h2>
          <p>{t('auth.blurb')}</p>
          <ul className="auth-points">
            <li>
              <span>
                <Icon name="mic" />
              </span>
              {t('auth.pointRoadshows')}
            </li>
            <li>
              <span>
                <Icon name="users" />
              </span>
              {t('auth.pointMentors')}
            </li>
            <li>
              <span>
                <Icon name="globe" />
              </span>
              {t('auth.pointTimeZones')}
            </li>
          </ul>
        </div>
        <p className="auth-foot">{t('auth.inviteOnly')}</p>
      </aside>
      <section className="auth-panel">
        <div className="auth-panel-top">
          <div className="auth-brand auth-brand--compact">
            <Logo size={28} />
            <span className="brand-name">{t('app.name')}</span>
          </div>
          <LanguageSwitcher />
        </div>
        <div className="auth-card">{children}</div>
      </section>
    </div>
  );
}
