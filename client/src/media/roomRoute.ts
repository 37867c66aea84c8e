/** Room ids in URLs: `/rooms/:kind/:id` ↔ `kind:id`. Kept free of zod (the browser bundle stays small). */
import type { MEDIA_ROOM_KINDS, MediaRoomId } from '../../../shared/media';

export type MediaRoomKind = (typeof MEDIA_ROOM_KINDS)[number];

/** The kinds of room the server knows; mirrors shared/media.ts (checked by the `satisfies`). */
const ROOM_KINDS = ['startup', 'roadshow', 'booking', 'dealroom'] as const satisfies readonly MediaRoomKind[];
const ROOM_ID_PART = /^[A-Za-z0-9_-]{1,64}$/;

const isRoomKind = (v: string): v is MediaRoomKind => (ROOM_KINDS as readonly string[]).includes(v);

/** The room id for a URL's kind and id, or null if the URL cannot name a room. */
export function toRoomId(kind: string, id: string): MediaRoomId | null {
  return isRoomKind(kind) && ROOM_ID_PART.test(id) ? `${kind}:${id}` : null;
}

/** The page that shows a room. */
export const roomPath = (kind: MediaRoomKind, id: string): string => `/rooms/${kind}/${encodeURIComponent(id)}`;
