/** The agenda being edited: plain rows with a stable key, moved and checked without React (easy to test). */
import type { AgendaItem, AgendaItemInput, AgendaItemKind } from '../../../shared/roadshow';

export type AgendaKind = AgendaItemKind;

export interface AgendaDraftItem {
  /** Stable React key (the item id, or a local one for new rows). */
  key: string;
  /** The saved item's id, kept so its questions stay attached; absent for a new row. */
  id?: string;
  kind: AgendaKind;
  title: string;
  startupId: string | null;
  pitchMinutes: number;
  qaMinutes: number;
}

/** Minutes a new row starts with. */
export const NEW_ITEM_MINUTES: Record<AgendaKind, { pitch: number; qa: number }> = {
  pitch: { pitch: 5, qa: 3 },
  break: { pitch: 10, qa: 0 },
  talk: { pitch: 10, qa: 0 },
};

export const fromAgenda = (agenda: AgendaItem[]): AgendaDraftItem[] =>
  agenda.map((i) => ({ key: i.id, id: i.id, kind: i.kind, title: i.title, startupId: i.startupId, pitchMinutes: i.pitchMinutes, qaMinutes: i.qaMinutes }));

/** The PUT body's agenda: ids kept, titles trimmed, Q&A only for pitches. */
export const toAgendaInput = (items: AgendaDraftItem[]): AgendaItemInput[] =>
  items.map((i) => ({
    ...(i.id ? { id: i.id } : {}),
    kind: i.kind,
    title: i.title.trim(),
    startupId: i.kind === 'pitch' ? i.startupId : null,
    pitchMinutes: i.pitchMinutes,
    qaMinutes: i.kind === 'pitch' ? i.qaMinutes : 0,
  }));

let localKeys = 0;
export function newAgendaItem(kind: AgendaKind, title: string): AgendaDraftItem {
  const m = NEW_ITEM_MINUTES[kind];
  return { key: `new-${++localKeys}`, kind, title, startupId: null, pitchMinutes: m.pitch, qaMinutes: m.qa };
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveAgendaItem<T>(items: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items;
  const next = items.slice();
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** What stops the agenda from being saved, or null. */
export function agendaProblem(items: AgendaDraftItem[]): 'needTitle' | 'needStartup' | null {
  if (items.some((i) => i.kind === 'pitch' && !i.startupId)) return 'needStartup';
  if (items.some((i) => !i.title.trim())) return 'needTitle';
  return null;
}

export const agendaMinutes = (items: Pick<AgendaDraftItem, 'kind' | 'pitchMinutes' | 'qaMinutes'>[]): number =>
  items.reduce((sum, i) => sum + (Number.isFinite(i.pitchMinutes) ? i.pitchMinutes : 0) + (i.kind === 'pitch' && Number.isFinite(i.qaMinutes) ? i.qaMinutes : 0), 0);
