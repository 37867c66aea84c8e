/** What the document server's close codes mean to the editor: retry, or stop and say why. */
import { CollabClose } from '../../../shared/collabConstants';

/** Why a connection was refused, as an i18n key under `collab.refused`. */
export type RefusalKind = 'unauthenticated' | 'forbidden' | 'notFound' | 'loadFailed' | 'tooLarge' | 'badMessage' | 'outdated';

const REFUSALS: Partial<Record<number, RefusalKind>> = {
  [CollabClose.Unauthenticated]: 'unauthenticated',
  [CollabClose.Forbidden]: 'forbidden',
  [CollabClose.NotFound]: 'notFound',
  [CollabClose.LoadFailed]: 'loadFailed',
  [CollabClose.TooLarge]: 'tooLarge',
  [CollabClose.BadMessage]: 'badMessage',
  [CollabClose.ProtocolMismatch]: 'outdated',
};

/**
 * The refusal a close code means, or null when reconnecting may help (network drop, 4503 shutdown,
 * 1006…). NOTE: 4500 is a refusal here although y-websocket would retry it: the server does not
 * serve a document that failed to load, so retrying every 2.5 s only adds load; "Try again" is manual.
 */
export function refusalOf(code: number | undefined): RefusalKind | null {
  return code === undefined ? null : (REFUSALS[code] ?? null);
}

/** Refusals after which the local copy is wiped: I may no longer see this document. */
export const forgetsLocalCopy = (kind: RefusalKind): boolean => kind === 'forbidden' || kind === 'notFound';
