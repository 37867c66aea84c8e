/** Identity: sign-in, sessions, invites, profiles and startups. Every method checks its caller. */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { HatcheryConfig } from '../config.js';
import { BadRequest, Conflict, Forbidden, HttpError, NotFound, TooManyRequests, Unauthenticated } from '../errors.js';
import type { Store, UserRecord, StartupRecord, InviteRecord } from '../store/types.js';
import { ErrorReason } from '../../shared/protocol.js';
import type {
  CreateInviteBody,
  CreateStartupBody,
  Invite,
  InviteCheckResponse,
  PublicUser,
  Role,
  SignupBody,
  Startup,
  UpdateProfileBody,
  UpdateStartupBody,
} from '../../shared/schemas.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.js';
import { FailureThrottle, systemClock, type Clock } from './throttle.js';
import { hashToken, newId, newToken } from './tokens.js';
import { inviteMatchesEmail, inviteStartupAllowed, inviteState, isSessionExpired, slideSession } from './rules.js';

/** The signed-in caller of a request or socket. */
export interface Caller {
  user: UserRecord;
  sessionId: string;
}

export class IdentityService extends EventEmitter<{ personChanged: [string] }> {
  readonly #accountThrottle: FailureThrottle;
  readonly #ipThrottle: FailureThrottle;

  constructor(
    private readonly store: Store,
    private readonly config: HatcheryConfig,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    super();
    const t = config.loginThrottle;
    this.#accountThrottle = new FailureThrottle(t.maxPerAccount, t.windowMs, clock);
    this.#ipThrottle = new FailureThrottle(t.maxPerIp, t.windowMs, clock);
  }

  #now(): Date {
    return new Date(this.clock.now());
  }

  // ---------- sessions ----------

  /** Creates a session for `userId`; returns the cookie token (only its hash is stored). */
  async startSession(userId: string, meta: { userAgent: string; ip: string }): Promise<string> {
    const token = newToken();
    const now = this.#now();
    await this.store.sessions.create({
      tokenHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.config.sessionTtlMs).toISOString(),
      lastSeenAt: now.toISOString(),
      userAgent: meta.userAgent.slice(0, 300),
      ip: meta.ip,
    });
    return token;
  }

  /** Resolves a cookie token to its caller, or undefined when missing/expired. Slides the expiry. */
  async authenticate(token: string | undefined): Promise<Caller | undefined> {
    if (!token || token.length > 200) return undefined;
    const tokenHash = hashToken(token);
    const session = await this.store.sessions.byTokenHash(tokenHash);
    if (!session) return undefined;
    const now = this.#now();
    if (isSessionExpired(session, now)) {
      await this.store.sessions.delete(tokenHash);
      return undefined;
    }
    const user = await this.store.users.byId(session.userId);
    if (!user) return undefined;
    const newExpiry = slideSession(session, now, this.config.sessionTtlMs);
    if (newExpiry) await this.store.sessions.touch(tokenHash, now.toISOString(), newExpiry);
    return { user, sessionId: tokenHash };
  }

  async endSession(sessionId: string): Promise<void> {
    await this.store.sessions.delete(sessionId);
  }

  // ---------- login ----------

  /** Checks credentials with per-account and per-IP throttling; returns the user on success. */
  async login(email: string, password: string, ip: string): Promise<UserRecord> {
    const accountKey = email.toLowerCase();
    const wait = Math.max(this.#accountThrottle.retryAfterSeconds(accountKey), this.#ipThrottle.retryAfterSeconds(ip));
    if (wait > 0) throw new TooManyRequests(`Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} min.`, wait);
    const user = await this.store.users.byEmail(accountKey);
    // NOTE: verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) {
      this.#accountThrottle.fail(accountKey);
      this.#ipThrottle.fail(ip);
      this.log.info({ email: accountKey, ip }, 'login() | failed');
      throw new HttpError(401, ErrorReason.InvalidCredentials, 'Email or password is wrong.');
    }
    this.#accountThrottle.reset(accountKey);
    return user;
  }

  // ---------- invites ----------

  async createInvite(caller: Caller, body: CreateInviteBody & { expiresInHours: number }, baseUrl: string) {
    requireRole(caller, 'operator');
    if (!inviteStartupAllowed(body.role, body.startupId)) throw new BadRequest('Only founder invites can name a startup.');
    if (body.startupId && !(await this.store.startups.byId(body.startupId))) throw new NotFound('Startup not found.');
    const token = newToken();
    const now = this.#now();
    const record: InviteRecord = {
      id: newId(),
      tokenHash: hashToken(token),
      role: body.role,
      email: body.email ?? null,
      startupId: body.startupId ?? null,
      createdBy: caller.user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + body.expiresInHours * 3600_000).toISOString(),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    };
    await this.store.invites.create(record);
    this.log.info({ inviteId: record.id, role: record.role }, 'createInvite() | created');
    return { invite: inviteView(record), token, url: `${baseUrl}/signup?token=${encodeURIComponent(token)}` };
  }

  async listInvites(caller: Caller): Promise<Invite[]> {
    requireRole(caller, 'operator');
    return (await this.store.invites.list()).map(inviteView);
  }

  async revokeInvite(caller: Caller, id: string): Promise<void> {
    requireRole(caller, 'operator');
    const invite = await this.store.invites.byId(id);
    if (!invite) throw new NotFound('Invite not found.');
    if (!(await this.store.invites.revoke(id, this.#now().toISOString()))) throw new Conflict('This invite was already used or revoked.');
  }

  /** Public: tells the sign-up page what an invite is for, or why it cannot be used. */
  async checkInvite(token: string): Promise<InviteCheckResponse> {
    const invite = await this.#usableInvite(token);
    const startup = invite.startupId ? await this.store.startups.byId(invite.startupId) : undefined;
    return { role: invite.role, email: invite.email, startupName: startup?.name ?? null, expiresAt: invite.expiresAt };
  }

  async #usableInvite(token: string): Promise<InviteRecord> {
    const invite = await this.store.invites.byTokenHash(hashToken(token));
    if (!invite) throw new HttpError(404, ErrorReason.InviteInvalid, 'This invite link is not valid.');
    const state = inviteState(invite, this.#now());
    if (state === 'expired') throw new HttpError(410, ErrorReason.InviteExpired, 'This invite has expired. Ask for a new one.');
    if (state === 'used') throw new HttpError(410, ErrorReason.InviteUsed, 'This invite was already used.');
    if (state === 'revoked') throw new HttpError(410, ErrorReason.InviteInvalid, 'This invite was revoked.');
    return invite;
  }

  /** Creates the account an invite is for, consuming the invite in the same transaction. */
  async signup(body: SignupBody): Promise<UserRecord> {
    const invite = await this.#usableInvite(body.token);
    if (!inviteMatchesEmail(invite, body.email)) throw new BadRequest('This invite is for a different email address.');
    const passwordHash = await hashPassword(body.password);
    const userId = newId();
    return this.store.transaction(async () => {
      if (await this.store.users.byEmail(body.email)) throw new Conflict('An account with this email already exists.');
      const user = await this.store.users.create({
        id: userId,
        email: body.email,
        passwordHash,
        role: invite.role,
        name: body.name,
        headline: '',
        bio: '',
        languages: body.languages,
        timeZone: body.timeZone,
        tags: [],
      });
      // NOTE: consume() is a conditional UPDATE, so of two racing sign-ups only one gets the invite.
      if (!(await this.store.invites.consume(invite.id, userId, this.#now().toISOString()))) {
        throw new HttpError(410, ErrorReason.InviteUsed, 'This invite was already used.');
      }
      if (invite.startupId) await this.store.startups.addMember(invite.startupId, userId);
      this.log.info({ userId, role: user.role, inviteId: invite.id }, 'signup() | account created');
      return user;
    });
  }

  // ---------- people ----------

  async publicUser(user: UserRecord, viewer: Caller | undefined): Promise<PublicUser> {
    const startupIds = await this.store.startups.idsForUser(user.id);
    const canSeeEmail = viewer && (viewer.user.id === user.id || viewer.user.role === 'operator');
    return {
      id: user.id,
      email: canSeeEmail ? user.email : '',
      role: user.role,
      name: user.name,
      headline: user.headline,
      bio: user.bio,
      languages: user.languages,
      timeZone: user.timeZone,
      tags: user.tags,
      startupIds,
      createdAt: user.createdAt,
    };
  }

  async getUser(caller: Caller, id: string): Promise<PublicUser> {
    const user = await this.store.users.byId(id);
    if (!user) throw new NotFound('Person not found.');
    return this.publicUser(user, caller);
  }

  async listUsers(caller: Caller, role?: Role): Promise<PublicUser[]> {
    const users = await this.store.users.list(role ? { role } : undefined);
    return Promise.all(users.map((u) => this.publicUser(u, caller)));
  }

  async updateProfile(caller: Caller, userId: string, patch: UpdateProfileBody): Promise<PublicUser> {
    if (caller.user.id !== userId && caller.user.role !== 'operator') throw new Forbidden('You can only edit your own profile.');
    const user = await this.store.users.update(userId, patch);
    if (!user) throw new NotFound('Person not found.');
    this.emit('personChanged', userId);
    return this.publicUser(user, caller);
  }

  // ---------- startups ----------

  async startupView(s: StartupRecord): Promise<Startup> {
    return { ...s, memberIds: await this.store.startups.memberIds(s.id) };
  }

  async listStartups(): Promise<Startup[]> {
    return Promise.all((await this.store.startups.list()).map((s) => this.startupView(s)));
  }

  async getStartup(id: string): Promise<Startup> {
    const s = await this.store.startups.byId(id);
    if (!s) throw new NotFound('Startup not found.');
    return this.startupView(s);
  }

  /** Operators create startups for anyone; a founder who creates one becomes its first member. */
  async createStartup(caller: Caller, body: Required<CreateStartupBody>): Promise<Startup> {
    requireRole(caller, 'operator', 'founder');
    const s = await this.store.startups.create({ id: newId(), ...body });
    if (caller.user.role === 'founder') {
      await this.store.startups.addMember(s.id, caller.user.id);
      this.emit('personChanged', caller.user.id);
    }
    return this.startupView(s);
  }

  async #requireStartupEditor(caller: Caller, startupId: string): Promise<void> {
    const s = await this.store.startups.byId(startupId);
    if (!s) throw new NotFound('Startup not found.');
    if (caller.user.role === 'operator') return;
    const members = await this.store.startups.memberIds(startupId);
    if (!members.includes(caller.user.id)) throw new Forbidden("Only the startup's founders or an operator can change it.");
  }

  async updateStartup(caller: Caller, id: string, patch: UpdateStartupBody): Promise<Startup> {
    await this.#requireStartupEditor(caller, id);
    const s = await this.store.startups.update(id, patch);
    for (const member of await this.store.startups.memberIds(id)) this.emit('personChanged', member);
    return this.startupView(s!);
  }

  async addStartupMember(caller: Caller, startupId: string, userId: string): Promise<Startup> {
    await this.#requireStartupEditor(caller, startupId);
    const user = await this.store.users.byId(userId);
    if (!user) throw new NotFound('Person not found.');
    if (user.role !== 'founder') throw new BadRequest('Only founders can be members of a startup.');
    await this.store.startups.addMember(startupId, userId);
    this.emit('personChanged', userId);
    return this.getStartup(startupId);
  }

  async removeStartupMember(caller: Caller, startupId: string, userId: string): Promise<Startup> {
    await this.#requireStartupEditor(caller, startupId);
    await this.store.startups.removeMember(startupId, userId);
    this.emit('personChanged', userId);
    return this.getStartup(startupId);
  }
}

/** Throws 403 unless the caller has one of `roles`. */
export function requireRole(caller: Caller | undefined, ...roles: Role[]): asserts caller is Caller {
  if (!caller) throw new Unauthenticated();
  if (!roles.includes(caller.user.role)) throw new Forbidden(`This needs the ${roles.join(' or ')} role.`);
}

export function inviteView(i: InviteRecord): Invite {
  const { tokenHash: _omit, ...rest } = i;
  return rest;
}
