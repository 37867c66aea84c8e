import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDoc } from '../docStore';
import { columnsOf, ensureDefaultColumns, notesOf, readBoard, removeDuplicateColumns, type BoardSnapshot } from './boardDoc';

/** The board in the Y.Doc as plain objects, re-read whenever anyone changes it. */
export function useBoard(doc: Y.Doc): BoardSnapshot {
  const [board, setBoard] = useState<BoardSnapshot>(() => readBoard(doc));
  useEffect(() => {
    const reread = () => setBoard(readBoard(doc));
    const notes = notesOf(doc);
    const columns = columnsOf(doc);
    notes.observeDeep(reread);
    columns.observeDeep(reread);
    reread();
    return () => {
      notes.unobserveDeep(reread);
      columns.unobserveDeep(reread);
    };
  }, [doc]);
  return board;
}

/**
 * An editor opening an empty board creates "Ideas", "Doing", "Done" — only once the server's state
 * is merged (an empty local copy says nothing). If two editors did it at once, the copies are removed.
 */
export function useDefaultColumns(doc: Y.Doc, canEdit: boolean, board: BoardSnapshot): void {
  const { t } = useTranslation();
  const synced = useDoc((s) => s.connection.kind === 'synced');
  const raw = columnsOf(doc).length;
  useEffect(() => {
    if (!canEdit || !synced) return;
    if (raw === 0) ensureDefaultColumns(doc, [t('collab.board.defaultColumns.ideas'), t('collab.board.defaultColumns.doing'), t('collab.board.defaultColumns.done')]);
    else if (raw > board.columns.length) removeDuplicateColumns(doc);
  }, [doc, canEdit, synced, raw, board.columns.length, t]);
}
