import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import type { DocVersion } from '../../../../shared/collab';
import { api } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { useTimeFormat } from '../../lib/useTimeFormat';
import { Icon } from '../../ui/Icon';
import { ErrorState, SkeletonRows } from '../../ui/States';
import { readBoard } from '../board/boardDoc';
import { BoardView } from '../board/BoardView';
import type { StartupDocKind } from '../docNames';
import { useEscape } from '../useEscape';

// NOTE: the board page does not need TipTap; the pitch preview loads with the first pitch preview.
const PitchPreview = lazy(() => import('./PitchPreview').then((m) => ({ default: m.PitchPreview })));

/** A saved version's full state, applied to a scratch Y.Doc that nobody edits or syncs. */
async function loadVersionDoc(name: string, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await api.docVersionUpdate(name, id));
  return doc;
}

/** A read-only look at a saved version, with "Restore this version" for editors. */
export function VersionPreview(props: { kind: StartupDocKind; name: string; version: DocVersion; canRestore: boolean; restoring: boolean; onRestore: () => void; onClose: () => void }) {
  const { kind, name, version } = props;
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { state, reload } = useAsync(() => loadVersionDoc(name, version.id), `${name}:${version.id}`);
  useEscape(true, props.onClose);
  return (
    <div className="doc-modal" role="dialog" aria-modal="true" aria-labelledby="version-preview-title" data-testid="version-preview-pane" data-version-id={version.id}>
      <div className="doc-modal-card card">
        <header className="doc-modal-head">
          <div>
            <h2 className="card-title" id="version-preview-title">
              {t('collab.versions.previewTitle', { name: version.name })}
            </h2>
            <p className="muted small">
              {t('collab.versions.savedBy', { name: version.createdBy.name })} · {time.dateTime(version.createdAt)}
            </p>
          </div>
          <div className="doc-modal-actions">
            {props.canRestore && (
              <button type="button" className="btn btn--primary btn--small" data-testid="version-preview-restore" disabled={props.restoring} onClick={props.onRestore}>
                <Icon name="restore" size={15} />
                {t('collab.versions.restoreThis')}
              </button>
            )}
            <button type="button" className="btn btn--secondary btn--small" data-testid="version-preview-close" onClick={props.onClose}>
              {t('common.close')}
            </button>
          </div>
        </header>
        <div className="doc-modal-body">
          {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
          {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
          {state.kind === 'ready' &&
            (kind === 'pitch' ? (
              <Suspense fallback={<SkeletonRows rows={3} variant="card" />}>
                <PitchPreview doc={state.data} />
              </Suspense>
            ) : (
              <BoardView board={readBoard(state.data)} className="board--static" />
            ))}
        </div>
      </div>
    </div>
  );
}
