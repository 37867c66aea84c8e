/**
 * The board inside its Y.Doc (see DOC_SCHEMAS): `notes` (Y.Map of note Y.Maps) and `columns`
 * (Y.Array of `{id, title}` Y.Maps). Reading it as plain objects and the changes editors make.
 */
import * as Y from 'yjs';
import { newId } from '../newId';
import { clampPlace, isNoteColor, nextFreeY, type NoteColor, type NotePlace } from './boardGeometry';

export interface BoardColumn {
  id: string;
  title: string;
}

export interface BoardNote extends NotePlace {
  id: string;
  text: string;
  color: NoteColor;
  createdBy: string;
  createdAt: string;
  /** Ids of the people who voted for it. */
  votes: string[];
}

export interface BoardSnapshot {
  columns: BoardColumn[];
  notes: BoardNote[];
}

export const notesOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('notes');
export const columnsOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray('columns');

/** Ids of the columns a new board starts with (fixed, so two editors opening it at once agree). */
export const DEFAULT_COLUMN_IDS = ['ideas', 'doing', 'done'] as const;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The board as plain objects. Columns with a repeated id (two editors created the defaults at once)
 * show once; a note whose column is gone shows in the first column.
 */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const seen = new Set<string>();
  const columns: BoardColumn[] = [];
  for (const c of columnsOf(doc).toArray()) {
    if (!(c instanceof Y.Map)) continue;
    const id = str(c.get('id'));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    columns.push({ id, title: str(c.get('title')) });
  }
  const notes: BoardNote[] = [];
  notesOf(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const votes = m.get('votes');
    const columnId = str(m.get('columnId'));
    const color = m.get('color');
    notes.push({
      id,
      text: str(m.get('text')),
      color: isNoteColor(color) ? color : 'yellow',
      columnId: seen.has(columnId) ? columnId : (columns[0]?.id ?? columnId),
      x: num(m.get('x')),
      y: num(m.get('y')),
      createdBy: str(m.get('createdBy')),
      createdAt: str(m.get('createdAt')),
      votes: votes instanceof Y.Map ? [...votes.keys()].filter((k) => votes.get(k) === true) : [],
    });
  });
  // NOTE: creation order, not position, so a note being dragged keeps its place in the tab order.
  notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { columns, notes };
}

/** Index of the first column with this id, or -1. */
function columnIndex(doc: Y.Doc, id: string): number {
  return columnsOf(doc)
    .toArray()
    .findIndex((c) => c instanceof Y.Map && c.get('id') === id);
}

function columnMap(id: string, title: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set('id', id);
  m.set('title', title);
  return m;
}

/** Creates the default columns on an empty board; false when it already has columns. */
export function ensureDefaultColumns(doc: Y.Doc, titles: readonly string[]): boolean {
  const columns = columnsOf(doc);
  if (columns.length > 0) return false;
  doc.transact(() => columns.push(DEFAULT_COLUMN_IDS.map((id, i) => columnMap(id, titles[i] ?? id))));
  return true;
}

/** Deletes later copies of a column id (everyone sees the same order, so everyone deletes the same ones). */
export function removeDuplicateColumns(doc: Y.Doc): number {
  const columns = columnsOf(doc);
  const seen = new Set<string>();
  const doomed: number[] = [];
  columns.toArray().forEach((c, i) => {
    const id = c instanceof Y.Map ? str(c.get('id')) : '';
    if (seen.has(id)) doomed.push(i);
    seen.add(id);
  });
  if (doomed.length) doc.transact(() => doomed.reverse().forEach((i) => columns.delete(i, 1)));
  return doomed.length;
}

export function addColumn(doc: Y.Doc, title: string): string {
  const id = newId();
  columnsOf(doc).push([columnMap(id, title)]);
  return id;
}

export function renameColumn(doc: Y.Doc, id: string, title: string): void {
  const i = columnIndex(doc, id);
  if (i !== -1) columnsOf(doc).get(i).set('title', title);
}

/** Deletes a column and the notes in it. */
export function deleteColumn(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const i = columnIndex(doc, id);
    if (i !== -1) columnsOf(doc).delete(i, 1);
    const notes = notesOf(doc);
    for (const [noteId, m] of [...notes.entries()]) if (m instanceof Y.Map && m.get('columnId') === id) notes.delete(noteId);
  });
}

export interface NewNote {
  columnId: string;
  text?: string;
  color?: NoteColor;
  createdBy: string;
}

/** Adds a note below the others in its column; returns its id. */
export function addNote(doc: Y.Doc, input: NewNote, now = new Date()): string {
  const id = newId();
  const inColumn = readBoard(doc).notes.filter((n) => n.columnId === input.columnId);
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    notesOf(doc).set(id, m);
    m.set('id', id);
    m.set('text', input.text ?? '');
    m.set('color', input.color ?? 'yellow');
    m.set('columnId', input.columnId);
    m.set('x', 0);
    m.set('y', nextFreeY(inColumn));
    m.set('createdBy', input.createdBy);
    m.set('createdAt', now.toISOString());
    m.set('votes', new Y.Map<boolean>());
  });
  return id;
}

function note(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = notesOf(doc).get(id);
  return m instanceof Y.Map ? m : null;
}

/** Moves a note (only the fields that changed are written). */
export function moveNote(doc: Y.Doc, id: string, place: NotePlace): void {
  const m = note(doc, id);
  if (!m) return;
  const p = clampPlace(place);
  doc.transact(() => {
    if (m.get('columnId') !== p.columnId) m.set('columnId', p.columnId);
    if (m.get('x') !== p.x) m.set('x', p.x);
    if (m.get('y') !== p.y) m.set('y', p.y);
  });
}

export function setNoteText(doc: Y.Doc, id: string, text: string): void {
  const m = note(doc, id);
  if (m && m.get('text') !== text) m.set('text', text);
}

export function setNoteColor(doc: Y.Doc, id: string, color: NoteColor): void {
  note(doc, id)?.set('color', color);
}

/** Adds or removes my vote. */
export function toggleVote(doc: Y.Doc, id: string, userId: string): void {
  const m = note(doc, id);
  if (!m) return;
  doc.transact(() => {
    let votes = m.get('votes');
    if (!(votes instanceof Y.Map)) {
      votes = new Y.Map<boolean>();
      m.set('votes', votes);
    }
    const v = votes as Y.Map<boolean>;
    if (v.get(userId) === true) v.delete(userId);
    else v.set(userId, true);
  });
}

export function deleteNote(doc: Y.Doc, id: string): void {
  notesOf(doc).delete(id);
}
