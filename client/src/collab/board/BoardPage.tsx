import { useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEdit, useOpenDoc } from '../docContext';
import { StartupDocPage } from '../StartupDocPage';
import type { ColumnBox } from './boardGeometry';
import { BoardInteractionProvider } from './boardInteraction';
import { BoardView } from './BoardView';
import { useBoard, useDefaultColumns } from './useBoard';
import { useBoardActions } from './useBoardActions';
import { useNoteDrag } from './useNoteDrag';

/** `/startups/:id/board`: the startup's planning board, live for everyone who has it open. */
export function BoardPage() {
  return <StartupDocPage kind="board">{(_doc, sidePanel) => <BoardWorkspace sidePanel={sidePanel} />}</StartupDocPage>;
}

/** The board, with the version history or sharing beside it while one is open. */
function BoardWorkspace({ sidePanel }: { sidePanel: ReactNode }) {
  const { t } = useTranslation();
  const { connection, access } = useOpenDoc();
  const editable = canEdit(access);
  const snapshot = useBoard(connection.doc);
  useDefaultColumns(connection.doc, editable, snapshot);
  const boardRef = useRef<HTMLDivElement>(null);
  const bodies = useRef<Map<string, HTMLElement>>(new Map());
  const columnBoxes = useCallback(
    (): ColumnBox[] =>
      [...bodies.current.entries()].map(([id, el]) => {
        const r = el.getBoundingClientRect();
        return { id, left: r.left + el.clientLeft, top: r.top + el.clientTop, width: r.width };
      }),
    [],
  );
  const drag = useNoteDrag(connection.doc, boardRef, columnBoxes);
  const { interaction, columnBodies } = useBoardActions(connection, snapshot, editable, drag.onNotePointerDown, () => boardRef.current);
  bodies.current = columnBodies;

  return (
    <BoardInteractionProvider value={interaction}>
      <div className="board-page" data-testid="board-page" data-columns={snapshot.columns.length} data-notes={snapshot.notes.length}>
        <div className="board-main">
          {!editable && <p className="muted small board-readonly-note">{t('collab.board.readOnly')}</p>}
          <BoardView board={snapshot} moving={drag.override} ref={boardRef} {...(editable ? drag.boardHandlers : {})} />
          {editable && (
            <p id="board-note-keys" className="muted small board-keys">
              {t('collab.board.keys')}
            </p>
          )}
        </div>
        {sidePanel}
      </div>
    </BoardInteractionProvider>
  );
}
