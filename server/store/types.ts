/**
 * The storage contract. SQLite (embedded default) implements it; a PostgreSQL store for scale-out
 * implements the same interface and runs the same contract tests. All methods are async so both fit.
 */
import type { Language, Role, StartupStage } from '../../shared/schemas.js';
import type { RoadshowRepo } from './roadshowTypes.js';
import type { DocRepo } from './docTypes.js';
import type { OfficeHoursRepo } from './officeHoursTypes.js';
import type { RecordingRepo } from './recordingTypes.js';

export type { RoadshowRecord } from './roadshowTypes.js';

export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  name: string;
  headline: string;
  bio: string;
  languages: Language[];
  timeZone: string;
  tags: string[];
  createdAt: string;
}

export interface StartupRecord {
  id: string;
  name: string;
  oneLiner: string;
  industry: string;
  stage: StartupStage;
  website: string;
  createdAt: string;
}

export interface SessionRecord {
  /** sha256 of the cookie token: a leaked database does not leak live sessions. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string;
}

export interface InviteRecord {
  id: string;
  tokenHash: string;
  role: Role;
  email: string | null;
  startupId: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
  revokedAt: string | null;
}

export type NewUser = Omit<UserRecord, 'createdAt'>;
export type UserPatch = Partial<Omit<UserRecord, 'id' | 'createdAt' | 'passwordHash' | 'email'>>;
export type StartupPatch = Partial<Omit<StartupRecord, 'id' | 'createdAt'>>;

export interface Store {
  /** Answers when the store is reachable (health check). */
  ping(): Promise<void>;
  close(): Promise<void>;

  users: {
    create(user: NewUser): Promise<UserRecord>;
    byId(id: string): Promise<UserRecord | undefined>;
    byEmail(email: string): Promise<UserRecord | undefined>;
    list(filter?: { role?: Role }): Promise<UserRecord[]>;
    update(id: string, patch: UserPatch): Promise<UserRecord | undefined>;
    count(): Promise<number>;
  };
  startups: {
    create(startup: Omit<StartupRecord, 'createdAt'>): Promise<StartupRecord>;
    byId(id: string): Promise<StartupRecord | undefined>;
    list(): Promise<StartupRecord[]>;
    update(id: string, patch: StartupPatch): Promise<StartupRecord | undefined>;
    addMember(startupId: string, userId: string): Promise<void>;
    removeMember(startupId: string, userId: string): Promise<void>;
    memberIds(startupId: string): Promise<string[]>;
    idsForUser(userId: string): Promise<string[]>;
  };
  sessions: {
    create(session: SessionRecord): Promise<void>;
    byTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
    touch(tokenHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
    delete(tokenHash: string): Promise<void>;
    deleteExpired(now: string): Promise<number>;
  };
  invites: {
    create(invite: InviteRecord): Promise<void>;
    byTokenHash(tokenHash: string): Promise<InviteRecord | undefined>;
    byId(id: string): Promise<InviteRecord | undefined>;
    list(): Promise<InviteRecord[]>;
    /** Marks the invite used only if it is still unused, unrevoked and unexpired; returns whether it did. */
    consume(id: string, userId: string, now: string): Promise<boolean>;
    revoke(id: string, now: string): Promise<boolean>;
  };
  roadshows: RoadshowRepo;
  docs: DocRepo;
  officeHours: OfficeHoursRepo;
  recordings: RecordingRepo;
  /**
   * Runs `fn` in one transaction: the user is created and the invite consumed together, or neither.
   * NOTE: the callback receives the same store; SQLite serializes writers so this is atomic.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

