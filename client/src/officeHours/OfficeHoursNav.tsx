import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../session/sessionStore';
import { ohPaths } from './ohPaths';

/** The office-hours pages as tabs: mentors, my sessions and (for mentors) my availability. */
export function OfficeHoursNav() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    { to: ohPaths.directory, label: t('officeHours.links.directory'), end: true },
    { to: ohPaths.sessions, label: t('officeHours.links.sessions'), end: true },
    ...(me.role === 'mentor' ? [{ to: ohPaths.availability, label: t('officeHours.links.availability'), end: true }] : []),
  ];
  return (
    <nav className="tabs oh-nav" aria-label={t('officeHours.title')}>
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end} className={({ isActive }) => `tab${isActive ? ' is-active' : ''}`}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
