/**
 * Typed request/acknowledgement over the shared socket for the `media:*` events, with a timeout.
 * A refused or timed-out request throws a `MediaRequestError` carrying the server's `ApiError`.
 */
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import type { AckResult, ClientEventName, ClientToServerEvents } from '../../../shared/events';
import type { LobbySocket } from '../lobby/LobbyClient';

export type MediaRequestName = Extract<ClientEventName, `media:${string}`>;
export type MediaRequestPayload<E extends MediaRequestName> = Parameters<ClientToServerEvents[E]>[0];
export type MediaRequestData<E extends MediaRequestName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends AckResult<infer T> ? T : never;

/** How long one signalling request may wait for its acknowledgement. */
export const REQUEST_TIMEOUT_MS = 10_000;

export class MediaRequestError extends Error {
  constructor(
    readonly event: MediaRequestName,
    readonly error: ApiError,
    /** True when no answer came (timeout / dropped socket) rather than a refusal. */
    readonly timedOut = false,
  ) {
    super(`${event}: ${error.message}`);
    this.name = 'MediaRequestError';
  }

  get reason(): ApiError['reason'] {
    return this.error.reason;
  }
}

/** Sends one media request and resolves with the ack's data; throws `MediaRequestError` otherwise. */
export async function mediaRequest<E extends MediaRequestName>(
  socket: LobbySocket,
  event: E,
  payload: MediaRequestPayload<E>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<MediaRequestData<E>> {
  const timed = socket.timeout(timeoutMs);
  // NOTE: Socket.IO's overloads cannot be resolved for a generic event name; the event map still types both ends.
  const emit = timed.emitWithAck.bind(timed) as unknown as (ev: E, p: MediaRequestPayload<E>) => Promise<AckResult<MediaRequestData<E>>>;
  let result: AckResult<MediaRequestData<E>>;
  try {
    result = await emit(event, payload);
  } catch {
    throw new MediaRequestError(event, { reason: ErrorReason.Internal, message: `${event} timed out` }, true);
  }
  if (!result.ok) throw new MediaRequestError(event, result.error);
  return result.data;
}

/** Any thrown value as an ApiError, for the store. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof MediaRequestError) return err.error;
  return { reason: ErrorReason.Internal, message: err instanceof Error ? err.message : String(err) };
}

/** Reasons a rejoin cannot fix: stop retrying and tell the user. */
const FINAL_REASONS = new Set<string>([ErrorReason.Forbidden, ErrorReason.NotFound, ErrorReason.Unauthenticated, ErrorReason.SessionEnded, ErrorReason.BadRequest]);
export const isFinalError = (err: unknown): boolean => err instanceof MediaRequestError && !err.timedOut && FINAL_REASONS.has(err.reason);
