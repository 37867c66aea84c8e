import { describe, expect, it } from 'vitest';
import { inviteMatchesEmail, inviteStartupAllowed, inviteState, isSessionExpired, slideSession } from '../../server/identity/rules.js';
import { FailureThrottle } from '../../server/identity/throttle.js';

const now = new Date('2026-11-26T12:00:00Z');
const invite = (o: Partial<{ expiresAt: string; usedAt: string | null; revokedAt: string | null }> = {}) => ({
  expiresAt: '2026-11-27T12:00:00Z',
  usedAt: null,
  revokedAt: null,
  ...o,
});

describe('invite rules', () => {
  it('is valid before expiry, expired at and after it', () => {
    expect(inviteState(invite(), now)).toBe('valid');
    expect(inviteState(invite({ expiresAt: now.toISOString() }), now)).toBe('expired');
    expect(inviteState(invite({ expiresAt: '2026-11-20T00:00:00Z' }), now)).toBe('expired');
  });
  it('used and revoked win over expiry', () => {
    expect(inviteState(invite({ usedAt: '2026-11-25T00:00:00Z', expiresAt: '2026-11-20T00:00:00Z' }), now)).toBe('used');
    expect(inviteState(invite({ revokedAt: '2026-11-25T00:00:00Z' }), now)).toBe('revoked');
  });
  it('an invite bound to an email only works for that email (case-insensitive)', () => {
    expect(inviteMatchesEmail({ email: null }, 'any@x.co')).toBe(true);
    expect(inviteMatchesEmail({ email: 'a@x.co' }, 'A@X.co')).toBe(true);
    expect(inviteMatchesEmail({ email: 'a@x.co' }, 'b@x.co')).toBe(false);
  });
  it('only founder invites may name a startup', () => {
    expect(inviteStartupAllowed('founder', 's1')).toBe(true);
    expect(inviteStartupAllowed('investor', 's1')).toBe(false);
    expect(inviteStartupAllowed('investor', null)).toBe(true);
  });
});

describe('session expiry', () => {
  const ttl = 14 * 24 * 3600_000;
  it('expires exactly at expiresAt', () => {
    expect(isSessionExpired({ expiresAt: '2026-11-26T12:00:01Z' }, now)).toBe(false);
    expect(isSessionExpired({ expiresAt: '2026-11-26T12:00:00Z' }, now)).toBe(true);
  });
  it('slides only after a tenth of the lifetime has been used', () => {
    const fresh = new Date(now.getTime() + ttl - 1000).toISOString();
    expect(slideSession({ expiresAt: fresh }, now, ttl)).toBeNull();
    const older = new Date(now.getTime() + ttl * 0.5).toISOString();
    expect(slideSession({ expiresAt: older }, now, ttl)).toBe(new Date(now.getTime() + ttl).toISOString());
  });
});

describe('login throttle', () => {
  it('blocks after max failures in the window and frees the key when the window passes', () => {
    let t = 0;
    const throttle = new FailureThrottle(5, 15 * 60_000, { now: () => t });
    for (let i = 0; i < 4; i++) throttle.fail('k');
    expect(throttle.retryAfterSeconds('k')).toBe(0);
    throttle.fail('k');
    expect(throttle.retryAfterSeconds('k')).toBe(15 * 60);
    t = 10 * 60_000;
    expect(throttle.retryAfterSeconds('k')).toBe(5 * 60);
    t = 15 * 60_000 + 1;
    expect(throttle.retryAfterSeconds('k')).toBe(0);
  });
  it('reset clears a key', () => {
    const throttle = new FailureThrottle(1, 1000, { now: () => 0 });
    throttle.fail('k');
    expect(throttle.retryAfterSeconds('k')).toBeGreaterThan(0);
    throttle.reset('k');
    expect(throttle.retryAfterSeconds('k')).toBe(0);
  });
});
