/**
 * Typed request/acknowledgement for the `roadshow:*` events over the shared socket, with a timeout.
 * Unlike media requests, nothing here throws: every call resolves with a result the UI can show.
 */
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import type { AckResult, ClientEventName, ClientToServerEvents } from '../../../shared/events';
import type { LobbySocket } from '../lobby/LobbyClient';

export type RoadshowRequestName = Extract<ClientEventName, `roadshow:${string}`>;
export type RoadshowRequestPayload<E extends RoadshowRequestName> = Parameters<ClientToServerEvents[E]>[0];
export type RoadshowRequestData<E extends RoadshowRequestName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends AckResult<infer T> ? T : never;

/** The outcome of one room action; `timedOut` tells "no answer" apart from a refusal. */
export type RoadshowResult<T> = { ok: true; data: T } | { ok: false; error: ApiError; timedOut: boolean };

/** How long one room request may wait for its acknowledgement. */
export const ROADSHOW_REQUEST_TIMEOUT_MS = 10_000;

/** Sends one room request; resolves with the ack's data or the reason it failed. */
export async function roadshowRequest<E extends RoadshowRequestName>(
  socket: LobbySocket,
  event: E,
  payload: RoadshowRequestPayload<E>,
  timeoutMs = ROADSHOW_REQUEST_TIMEOUT_MS,
): Promise<RoadshowResult<RoadshowRequestData<E>>> {
  if (!socket.connected) {
    return { ok: false, error: { reason: ErrorReason.Internal, message: `${event}: not connected` }, timedOut: true };
  }
  const timed = socket.timeout(timeoutMs);
  // NOTE: Socket.IO's overloads cannot be resolved for a generic event name; the event map still types both ends.
  const emit = timed.emitWithAck.bind(timed) as unknown as (ev: E, p: RoadshowRequestPayload<E>) => Promise<AckResult<RoadshowRequestData<E>>>;
  try {
    const result = await emit(event, payload);
    return result.ok ? result : { ok: false, error: result.error, timedOut: false };
  } catch {
    return { ok: false, error: { reason: ErrorReason.Internal, message: `${event} timed out` }, timedOut: true };
  }
}
