import { describe, expect, it } from 'vitest';
import { CreateRoadshowBody } from '../../shared/roadshow.js';
import { CreateInviteBody, LoginBody, SignupBody, UpdateProfileBody, UpdateStartupBody } from '../../shared/schemas.js';
import { clientEvents } from '../../shared/events.js';

describe('shared schemas', () => {
  it('normalises emails and rejects malformed ones', () => {
    expect(LoginBody.parse({ email: '  Chen@Hatchery.DEMO ', password: 'x' }).email).toBe('chen@hatchery.demo');
    expect(LoginBody.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false);
    expect(LoginBody.safeParse({ email: 'a@b.co' }).success).toBe(false);
  });

  it('sign-up needs a long password, a real time zone and at least one language', () => {
    const ok = { token: 'x'.repeat(20), email: 'a@b.co', password: 'long-enough-pw', name: 'A', timeZone: 'Asia/Shanghai', languages: ['zh'] };
    expect(SignupBody.safeParse(ok).success).toBe(true);
    expect(SignupBody.safeParse({ ...ok, password: 'short' }).success).toBe(false);
    expect(SignupBody.safeParse({ ...ok, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(SignupBody.safeParse({ ...ok, languages: [] }).success).toBe(false);
    expect(SignupBody.safeParse({ ...ok, languages: ['fr'] }).success).toBe(false);
  });

  it('invite bodies default their expiry and bound it', () => {
    expect(CreateInviteBody.parse({ role: 'mentor' }).expiresInHours).toBe(168);
    expect(CreateInviteBody.safeParse({ role: 'king' }).success).toBe(false);
    expect(CreateInviteBody.safeParse({ role: 'mentor', expiresInHours: 0 }).success).toBe(false);
  });

  it('profile and startup patches refuse unknown fields (no role escalation through PATCH)', () => {
    expect(UpdateProfileBody.safeParse({ role: 'operator' }).success).toBe(false);
    expect(UpdateProfileBody.safeParse({ headline: 'CEO' }).success).toBe(true);
    expect(UpdateStartupBody.safeParse({ website: 'javascript:alert(1)' }).success).toBe(false);
    expect(UpdateStartupBody.safeParse({ website: 'https://ok.example' }).success).toBe(true);
  });

  it('roadshow start times need an explicit offset', () => {
    const base = { title: 'Demo Day', timeZone: 'UTC' };
    expect(CreateRoadshowBody.safeParse({ ...base, startsAt: '2026-12-01T10:00:00Z' }).success).toBe(true);
    expect(CreateRoadshowBody.safeParse({ ...base, startsAt: '2026-12-01T10:00:00+08:00' }).success).toBe(true);
    expect(CreateRoadshowBody.safeParse({ ...base, startsAt: 'tomorrow' }).success).toBe(false);
  });

  it('every client event has a payload schema that rejects junk', () => {
    for (const [name, def] of Object.entries(clientEvents)) {
      expect(def.payload.safeParse('junk').success, name).toBe(false);
    }
  });
});
