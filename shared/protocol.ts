/** Protocol constants shared by server and client. Bump PROTOCOL_VERSION on any breaking change. */
export const PROTOCOL_VERSION = 1;

/** Error reasons carried by REST error bodies, socket error acks and connection refusals. */
export const ErrorReason = {
  BadRequest: 'bad_request',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  Gone: 'gone',
  TooManyRequests: 'too_many_requests',
  InvalidCredentials: 'invalid_credentials',
  InviteInvalid: 'invite_invalid',
  InviteExpired: 'invite_expired',
  InviteUsed: 'invite_used',
  ProtocolMismatch: 'protocol_mismatch',
  OriginNotAllowed: 'origin_not_allowed',
  SessionEnded: 'session_ended',
  ServerShutdown: 'server_shutdown',
  Internal: 'internal',
} as const;
export type ErrorReason = (typeof ErrorReason)[keyof typeof ErrorReason];

/** The body of every REST error response and the `error` of every failed socket ack. */
export interface ApiError {
  reason: ErrorReason;
  message: string;
  /** Field-level problems when the reason is `bad_request`. */
  issues?: { path: string; message: string }[];
  /** Seconds until trying again makes sense, when the reason is `too_many_requests`. */
  retryAfter?: number;
  /**
   * Which specific refusal this is, when the domain names it (e.g. `oh.slot_full`), so the client can say it
   * in the user's language; `message` is the English sentence.
   */
  code?: string;
}

/** Name of the session cookie (httpOnly, SameSite=Lax). */
export const SESSION_COOKIE = 'hatchery_sid';
