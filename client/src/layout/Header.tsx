import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { NotificationsBell } from '../officeHours/NotificationsBell';
import { useMe } from '../session/sessionStore';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { UserMenu } from './UserMenu';

/** The top bar: brand, main navigation, language switcher and the user menu. */
export function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    { to: '/', label: t('nav.lobby'), end: true },
    { to: '/people', label: t('nav.people'), end: false },
    { to: '/startups', label: t('nav.startups'), end: false },
    { to: '/office-hours', label: t('officeHours.nav'), end: false },
    { to: '/recordings', label: t('recordings.nav'), end: false },
    ...(me.role === 'operator' ? [{ to: '/admin/invites', label: t('nav.invites'), end: false }] : []),
  ];
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand" aria-label={t('nav.home')}>
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <nav className="nav" aria-label={t('nav.label')}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.end} className={({ isActive }) => `nav-link${isActive ? ' is-active' : ''}`}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-right">
          <NotificationsBell />
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
