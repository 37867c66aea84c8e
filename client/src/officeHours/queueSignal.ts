/**
 * Typed request/acknowledgement for the drop-in `queue:*` events over the shared socket, with a timeout.
 * Nothing throws: every call resolves with a result the UI can show.
 */
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import type { AckResult, ClientEventName, ClientToServerEvents } from '../../../shared/events';
import type { LobbySocket } from '../lobby/LobbyClient';

export type QueueRequestName = Extract<ClientEventName, `queue:${string}`>;
export type QueueRequestPayload<E extends QueueRequestName> = Parameters<ClientToServerEvents[E]>[0];
export type QueueRequestData<E extends QueueRequestName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends AckResult<infer T> ? T : never;

/** The outcome of one queue action; `timedOut` tells "no answer" apart from a refusal. */
export type QueueResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; timedOut: boolean };

/** How long one queue request may wait for its acknowledgement. */
export const QUEUE_REQUEST_TIMEOUT_MS = 10_000;

/** Sends one queue request; resolves with the ack's data or the reason it failed. */
export async function queueRequest<E extends QueueRequestName>(
  socket: LobbySocket,
  event: E,
  payload: QueueRequestPayload<E>,
  timeoutMs = QUEUE_REQUEST_TIMEOUT_MS,
): Promise<QueueResult<QueueRequestData<E>>> {
  if (!socket.connected) return { ok: false, error: { reason: ErrorReason.Internal, message: `${event}: not connected` }, timedOut: true };
  const timed = socket.timeout(timeoutMs);
  // NOTE: Socket.IO's overloads cannot be resolved for a generic event name; the event map still types both ends.
  const emit = timed.emitWithAck.bind(timed) as unknown as (ev: E, p: QueueRequestPayload<E>) => Promise<AckResult<QueueRequestData<E>>>;
  try {
    const result = await emit(event, payload);
    return result.ok ? result : { ok: false, error: result.error, timedOut: false };
  } catch {
    return { ok: false, error: { reason: ErrorReason.Internal, message: `${event} timed out` }, timedOut: true };
  }
}
