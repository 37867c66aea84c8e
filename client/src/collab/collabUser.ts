/** Who I am in a shared document: the awareness state others see (caret label, presence avatar). */
import type { Role } from '../../../shared/schemas';

export interface CollabUser {
  /** The user's id (several tabs of one person share it). */
  id: string;
  /** Shown on the caret label and in the presence list. */
  name: string;
  /** `#rrggbb`: y-prosemirror only draws carets in 6-digit hex colours. */
  color: string;
  role: Role;
}

/** Well-separated mid-tone hues that keep white caret labels readable. */
export const CARET_COLORS = ['#dc2626', '#ea580c', '#b45309', '#16a34a', '#0d9488', '#0284c7', '#2563eb', '#7c3aed', '#c026d3', '#db2777'];

function colorIndex(userId: string): number {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return h % CARET_COLORS.length;
}

/** A stable colour per person, so the same person keeps the same caret colour in every document. */
export function colorForUser(userId: string): string {
  return CARET_COLORS[colorIndex(userId)]!;
}

/**
 * Colours for the people in a document: everyone keeps their own colour unless someone with a smaller
 * id already has it, then takes the next free one, so two people present never share a colour (until
 * there are more people than colours). Everyone computes the same answer from the same people.
 */
export function assignColors(userIds: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<number>();
  for (const id of [...new Set(userIds)].sort()) {
    let i = colorIndex(id);
    if (taken.size < CARET_COLORS.length) while (taken.has(i)) i = (i + 1) % CARET_COLORS.length;
    taken.add(i);
    out.set(id, CARET_COLORS[i]!);
  }
  return out;
}

/** Reads a peer's awareness `user` field, or null when it is missing or malformed. */
export function parseCollabUser(value: unknown): CollabUser | null {
  const v = value as Partial<CollabUser> | null | undefined;
  if (!v || typeof v.id !== 'string' || typeof v.name !== 'string') return null;
  return { id: v.id, name: v.name, color: typeof v.color === 'string' ? v.color : '#6b7280', role: (v.role ?? 'founder') as Role };
}

export interface PresentPerson extends CollabUser {
  /** Whether this is me (in this tab or another). */
  me: boolean;
}

/**
 * One entry per person from the awareness states (several tabs count once), me first, then by name,
 * each with the colour `assignColors` gives them among the people present.
 */
export function peopleFromAwareness(states: Iterable<[number, Record<string, unknown>]>, myId: string): PresentPerson[] {
  const byId = new Map<string, PresentPerson>();
  for (const [, state] of states) {
    const user = parseCollabUser(state?.user);
    if (user && !byId.has(user.id)) byId.set(user.id, { ...user, me: user.id === myId });
  }
  const colors = assignColors(byId.keys());
  return [...byId.values()]
    .map((p) => ({ ...p, color: colors.get(p.id) ?? p.color }))
    .sort((a, b) => (a.me !== b.me ? (a.me ? -1 : 1) : a.name.localeCompare(b.name)));
}
