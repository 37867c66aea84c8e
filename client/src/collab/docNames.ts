/** Document names and page paths of a startup's pitch doc and board. */
import type { DocKind } from '../../../shared/collabConstants';

export type StartupDocKind = Extract<DocKind, 'pitch' | 'board'>;

/** `pitch:<startupId>` / `board:<startupId>`, as the server names them. */
export const startupDocName = (kind: StartupDocKind, startupId: string): string => `${kind}:${startupId}`;

/** The page of a startup's document. */
export const startupDocPath = (kind: StartupDocKind, startupId: string): string => `/startups/${encodeURIComponent(startupId)}/${kind}`;

/** The WebSocket base URL of the document server on this page's host (the room name is appended). */
export function collabBaseUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/collab`;
}
