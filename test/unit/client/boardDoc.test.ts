import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addColumn,
  addNote,
  columnsOf,
  deleteColumn,
  deleteNote,
  ensureDefaultColumns,
  moveNote,
  notesOf,
  readBoard,
  removeDuplicateColumns,
  renameColumn,
  setNoteColor,
  setNoteText,
  toggleVote,
} from '../../../client/src/collab/board/boardDoc.js';
import { NOTE_SLOT } from '../../../client/src/collab/board/boardGeometry.js';
import { DOC_SCHEMAS } from '../../../shared/collabConstants.js';

/** Two replicas that exchange every update, like two founders on the same board. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return [a, b] as const;
}

describe('the board inside its Y.Doc', () => {
  it('uses exactly the top-level types of DOC_SCHEMAS.board', () => {
    const doc = new Y.Doc();
    ensureDefaultColumns(doc, ['Ideas', 'Doing', 'Done']);
    addNote(doc, { columnId: 'ideas', createdBy: 'u1' });
    expect([...doc.share.keys()].sort()).toEqual(Object.keys(DOC_SCHEMAS.board).sort());
    expect(notesOf(doc)).toBeInstanceOf(Y.Map);
    expect(columnsOf(doc)).toBeInstanceOf(Y.Array);
  });

  it('creates the default columns only on an empty board', () => {
    const doc = new Y.Doc();
    expect(ensureDefaultColumns(doc, ['Ideas', 'Doing', 'Done'])).toBe(true);
    expect(ensureDefaultColumns(doc, ['x', 'y', 'z'])).toBe(false);
    expect(readBoard(doc).columns).toEqual([
      { id: 'ideas', title: 'Ideas' },
      { id: 'doing', title: 'Doing' },
      { id: 'done', title: 'Done' },
    ]);
  });

  it('two editors creating the defaults at once end with one set, and the copies are cleaned up identically', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    ensureDefaultColumns(a, ['Ideas', 'Doing', 'Done']);
    ensureDefaultColumns(b, ['想法', '进行中', '已完成']);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(columnsOf(a).length).toBe(6);
    // Shown once already (first copy wins, the same on both sides)…
    expect(readBoard(a).columns).toEqual(readBoard(b).columns);
    expect(readBoard(a).columns.map((c) => c.id)).toEqual(['ideas', 'doing', 'done']);
    // …and both clean up the same copies, concurrently.
    expect(removeDuplicateColumns(a)).toBe(3);
    expect(removeDuplicateColumns(b)).toBe(3);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(columnsOf(a).length).toBe(3);
    expect(readBoard(a)).toEqual(readBoard(b));
  });

  it('adds notes below the others in their column, and moves, edits, colours and deletes them', () => {
    const [a, b] = pair();
    ensureDefaultColumns(a, ['Ideas', 'Doing', 'Done']);
    const n1 = addNote(a, { columnId: 'ideas', createdBy: 'u1', text: 'one' }, new Date('2026-11-27T10:00:00Z'));
    const n2 = addNote(a, { columnId: 'ideas', createdBy: 'u1', text: 'two' }, new Date('2026-11-27T10:01:00Z'));
    const other = addNote(a, { columnId: 'doing', createdBy: 'u1' }, new Date('2026-11-27T10:02:00Z'));
    const notes = () => Object.fromEntries(readBoard(b).notes.map((n) => [n.id, n]));
    expect(notes()[n1]).toMatchObject({ text: 'one', color: 'yellow', columnId: 'ideas', x: 0, y: 0, createdBy: 'u1', votes: [] });
    expect(notes()[n2]!.y).toBe(NOTE_SLOT);
    expect(notes()[other]!.y).toBe(0);

    moveNote(a, n1, { columnId: 'done', x: 30.4, y: -12 });
    expect(notes()[n1]).toMatchObject({ columnId: 'done', x: 30, y: 0 });
    setNoteText(b, n1, 'edited by b');
    setNoteColor(b, n1, 'purple');
    expect(readBoard(a).notes.find((n) => n.id === n1)).toMatchObject({ text: 'edited by b', color: 'purple' });
    deleteNote(a, n2);
    expect(notes()[n2]).toBeUndefined();
  });

  it('a move writes only the fields that changed (a drag does not rewrite the column each time)', () => {
    const doc = new Y.Doc();
    ensureDefaultColumns(doc, ['Ideas', 'Doing', 'Done']);
    const id = addNote(doc, { columnId: 'ideas', createdBy: 'u1' });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    moveNote(doc, id, { columnId: 'ideas', x: 0, y: 0 });
    expect(updates).toHaveLength(0);
    moveNote(doc, id, { columnId: 'ideas', x: 0, y: 40 });
    expect(updates).toHaveLength(1);
    // One new value (40), replacing the old y: x and columnId were not written again.
    const structs = Y.decodeUpdate(updates[0]!).structs as unknown as { content: { getContent(): unknown[] } }[];
    expect(structs.flatMap((s) => s.content.getContent())).toEqual([40]);
  });

  it('votes are a set of user ids: toggling twice removes mine, others stay', () => {
    const [a, b] = pair();
    ensureDefaultColumns(a, ['Ideas', 'Doing', 'Done']);
    const id = addNote(a, { columnId: 'ideas', createdBy: 'u1' });
    toggleVote(a, id, 'u1');
    toggleVote(b, id, 'u2');
    expect(readBoard(a).notes[0]!.votes.sort()).toEqual(['u1', 'u2']);
    toggleVote(a, id, 'u1');
    expect(readBoard(b).notes[0]!.votes).toEqual(['u2']);
  });

  it('columns: add, rename, delete (with their notes); a note whose column vanished shows in the first column', () => {
    const [a, b] = pair();
    ensureDefaultColumns(a, ['Ideas', 'Doing', 'Done']);
    const later = addColumn(a, 'Later');
    renameColumn(b, later, 'Next quarter');
    expect(readBoard(a).columns.at(-1)).toEqual({ id: later, title: 'Next quarter' });
    const doomed = addNote(a, { columnId: later, createdBy: 'u1' });
    const kept = addNote(a, { columnId: 'ideas', createdBy: 'u1' });
    deleteColumn(b, later);
    expect(readBoard(a).columns.map((c) => c.id)).toEqual(['ideas', 'doing', 'done']);
    expect(readBoard(a).notes.map((n) => n.id)).toEqual([kept]);
    expect(doomed).toBeTruthy();
    // A concurrent move into a column someone deleted: the note is not lost, it shows in the first column.
    const c = addColumn(a, 'Tmp');
    const n = addNote(a, { columnId: 'doing', createdBy: 'u1' });
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a));
    moveNote(offline, n, { columnId: c, x: 0, y: 0 });
    deleteColumn(a, c);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(offline));
    expect(readBoard(a).notes.find((x) => x.id === n)?.columnId).toBe('ideas');
  });

  it('reads malformed peers without crashing (unknown colour, missing numbers)', () => {
    const doc = new Y.Doc();
    ensureDefaultColumns(doc, ['Ideas', 'Doing', 'Done']);
    const m = new Y.Map<unknown>();
    notesOf(doc).set('weird', m);
    m.set('color', 'chartreuse');
    m.set('x', 'left');
    m.set('columnId', 'ideas');
    notesOf(doc).set('not-a-map', 42 as never);
    expect(readBoard(doc).notes).toEqual([expect.objectContaining({ id: 'weird', color: 'yellow', x: 0, y: 0, text: '', votes: [] })]);
  });
});
