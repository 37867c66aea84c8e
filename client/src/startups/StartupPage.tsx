import { useState } from 'react';
import { startupDocPath } from '../collab/docNames';
import { useStartupDocLinks } from '../collab/useStartupDocLinks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { roomPath } from '../media/roomRoute';
import { canEnterTeamRoom } from '../media/useRoomAccess';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { StageBadge } from '../ui/Badges';
import { Alert, ErrorState, SkeletonRows } from '../ui/States';
import { StartupFieldsForm } from './StartupFields';
import { StartupMembers } from './StartupMembers';
import { useStartup } from './useStartup';

/** One startup: its story and founders; its founders and operators edit it in place. */
export function StartupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const s = useStartup(id);
  const [editing, setEditing] = useState(false);
  const docLinks = useStartupDocLinks(me, s.state.kind === 'ready' ? s.state.data.startup : { id, memberIds: [] });
  useDocumentTitle(s.state.kind === 'ready' ? s.state.data.startup.name : t('startups.title'));

  if (s.state.kind !== 'ready') {
    return (
      <div className="page page--medium">
        <Link to="/startups" className="back-link">
          ← {t('startups.back')}
        </Link>
        {s.state.kind === 'loading' ? <SkeletonRows rows={2} variant="card" /> : <ErrorState error={s.state.error} onRetry={s.reload} />}
      </div>
    );
  }

  const { startup, people } = s.state.data;
  const canEdit = me.role === 'operator' || startup.memberIds.includes(me.id);
  const members = startup.memberIds.flatMap((mid) => people.find((p) => p.id === mid) ?? []);
  const candidates = people.filter((p) => p.role === 'founder' && !startup.memberIds.includes(p.id));

  return (
    <div className="page page--medium" data-testid="startup" data-startup-id={startup.id}>
      <Link to="/startups" className="back-link">
        ← {t('startups.back')}
      </Link>
      <section className="card profile-hero">
        <Avatar square name={startup.name} seed={startup.id} size="xl" />
        <div className="profile-hero-main">
          <h1 className="profile-name">{startup.name}</h1>
          <div className="profile-badges">
            <StageBadge stage={startup.stage} />
            {startup.industry && <span className="badge badge--neutral">{startup.industry}</span>}
          </div>
          {startup.oneLiner && <p className="profile-headline">{startup.oneLiner}</p>}
          {startup.website && (
            <a href={startup.website} target="_blank" rel="noreferrer noopener" className="small">
              {startup.website.replace(/^https?:\/\//, '')} ↗
            </a>
          )}
        </div>
        <div className="profile-hero-actions">
          {canEnterTeamRoom(me, startup) && (
            <Link to={roomPath('startup', startup.id)} className="btn btn--primary" data-testid="join-team-room" title={t('startups.teamRoomHint')}>
              <Icon name="video" size={18} />
              {t('startups.joinTeamRoom')}
            </Link>
          )}
          {docLinks.includes('pitch') && (
            <Link to={startupDocPath('pitch', startup.id)} className="btn btn--secondary" data-testid="startup-pitch-doc">
              <Icon name="fileText" size={18} />
              {t('startups.pitchDoc')}
            </Link>
          )}
          {docLinks.includes('board') && (
            <Link to={startupDocPath('board', startup.id)} className="btn btn--secondary" data-testid="startup-board">
              <Icon name="board" size={18} />
              {t('startups.board')}
            </Link>
          )}
          {canEdit && !editing && (
            <button type="button" className="btn btn--secondary" data-testid="startup-edit" onClick={() => setEditing(true)}>
              {t('startups.edit')}
            </button>
          )}
        </div>
      </section>

      {editing && (
        <section className="card card--form">
          <h2 className="card-title">{t('startups.editTitle')}</h2>
          <StartupFieldsForm
            idPrefix="edit-startup"
            initial={startup}
            submitLabel={t('common.save')}
            pending={s.pending}
            error={s.error}
            fieldErrors={s.fieldErrors}
            onCancel={() => {
              s.clearError();
              setEditing(false);
            }}
            onSubmit={(values) =>
              void s.update(values).then((ok) => {
                if (ok) setEditing(false);
              })
            }
          />
        </section>
      )}
      {!editing && s.error && <Alert tone="error">{s.error}</Alert>}

      <StartupMembers
        members={members}
        candidates={candidates}
        canEdit={canEdit}
        pending={s.pending}
        onAdd={(uid) => void s.addMember(uid)}
        onRemove={(uid) => void s.removeMember(uid)}
      />
    </div>
  );
}
