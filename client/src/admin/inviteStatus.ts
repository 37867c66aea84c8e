import type { Invite } from '../../../shared/schemas';

export type InviteStatus = 'pending' | 'used' | 'expired' | 'revoked';

/** Same precedence as the server's rule: used and revoked win over expired. */
export function inviteStatus(invite: Pick<Invite, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: number): InviteStatus {
  if (invite.usedAt) return 'used';
  if (invite.revokedAt) return 'revoked';
  if (Date.parse(invite.expiresAt) <= now) return 'expired';
  return 'pending';
}
