/** Pure identity rules (no I/O), unit-tested on their own. */
import type { InviteRecord, SessionRecord } from '../store/types.js';
import type { Role } from '../../shared/schemas.js';

export type InviteState = 'valid' | 'expired' | 'used' | 'revoked';

/** Whether an invite can still be used at `now`; used and revoked win over expired. */
export function inviteState(invite: Pick<InviteRecord, 'expiresAt' | 'usedAt' | 'revokedAt'>, now: Date): InviteState {
  if (invite.usedAt) return 'used';
  if (invite.revokedAt) return 'revoked';
  if (Date.parse(invite.expiresAt) <= now.getTime()) return 'expired';
  return 'valid';
}

/** An invite bound to an email may only be used with that email. */
export function inviteMatchesEmail(invite: Pick<InviteRecord, 'email'>, email: string): boolean {
  return invite.email === null || invite.email.toLowerCase() === email.toLowerCase();
}

/** Founders may join a startup through an invite; other roles are never bound to a startup. */
export function inviteStartupAllowed(role: Role, startupId: string | null | undefined): boolean {
  return startupId == null || role === 'founder';
}

export function isSessionExpired(session: Pick<SessionRecord, 'expiresAt'>, now: Date): boolean {
  return Date.parse(session.expiresAt) <= now.getTime();
}

/**
 * Sliding expiry: a session used after a tenth of its lifetime has passed is extended. Returns the new
 * expiry, or null when no write is needed (keeps the store quiet under many requests).
 */
export function slideSession(session: Pick<SessionRecord, 'expiresAt'>, now: Date, ttlMs: number): string | null {
  const remaining = Date.parse(session.expiresAt) - now.getTime();
  if (remaining > ttlMs * 0.9) return null;
  return new Date(now.getTime() + ttlMs).toISOString();
}
