import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { RoleBadge } from '../ui/Badges';
import { useDismiss } from './useDismiss';
import { useLogout } from './useLogout';

/** The signed-in person's menu: who they are, their profile links and Sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const { logout, pending } = useLogout();
  const location = useLocation();
  useDismiss(ref, open, close);
  useEffect(close, [location.pathname, close]);

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-menu-button"
        data-testid="user-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('userMenu.open', { name: me.name })}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={me.name} seed={me.id} size="sm" />
        <span className="user-menu-name">{me.name}</span>
        <span className="caret" aria-hidden="true" />
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-header">
            <Avatar name={me.name} seed={me.id} size="md" />
            <div className="menu-who">
              <strong>{me.name}</strong>
              {me.email && <span className="muted small">{me.email}</span>}
              <RoleBadge role={me.role} />
            </div>
          </div>
          <Link role="menuitem" className="menu-item" to={`/people/${me.id}`}>
            {t('userMenu.myProfile')}
          </Link>
          <Link role="menuitem" className="menu-item" to="/settings/profile">
            {t('userMenu.settings')}
          </Link>
          <button role="menuitem" type="button" className="menu-item menu-item--danger" data-testid="logout" disabled={pending} onClick={() => void logout()}>
            {t('userMenu.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
