/**
 * Zod schemas for every REST body and socket payload. Types are inferred from them, so the
 * protocol lives once. The server parses every incoming payload with these before domain code.
 */
import { z } from 'zod';
import { LANGUAGES, PRESENCE_STATUSES, ROADSHOW_STATUSES, ROLES, STARTUP_STAGES } from './constants.js';

export { LANGUAGES, PRESENCE_STATUSES, ROADSHOW_STATUSES, ROLES, STARTUP_STAGES };

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const StartupStage = z.enum(STARTUP_STAGES);
export type StartupStage = z.infer<typeof StartupStage>;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** An IANA time zone name that this runtime knows (e.g. Asia/Shanghai). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const Password = z.string().min(10, 'at least 10 characters').max(200);
const Tag = z.string().trim().min(1).max(40);
const Id = z.string().min(1).max(64);

// ---------- entities (server → client) ----------

export const PublicUser = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  name: z.string(),
  headline: z.string(),
  bio: z.string(),
  languages: z.array(Language),
  timeZone: z.string(),
  tags: z.array(z.string()),
  startupIds: z.array(Id),
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof PublicUser>;

export const Startup = z.object({
  id: Id,
  name: z.string(),
  oneLiner: z.string(),
  industry: z.string(),
  stage: StartupStage,
  website: z.string(),
  memberIds: z.array(Id),
  createdAt: z.string(),
});
export type Startup = z.infer<typeof Startup>;

export const Invite = z.object({
  id: Id,
  role: Role,
  email: z.string().nullable(),
  startupId: Id.nullable(),
  createdBy: Id,
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  usedBy: Id.nullable(),
  revokedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof Invite>;

export const RoadshowStatus = z.enum(ROADSHOW_STATUSES);
export type RoadshowStatus = z.infer<typeof RoadshowStatus>;

/** A roadshow as the lobby shows it (the roadshows domain extends this). */
export const RoadshowSummary = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  language: Language,
  status: RoadshowStatus,
  /** People who said "I'll attend". */
  registrations: z.number().int(),
});
export type RoadshowSummary = z.infer<typeof RoadshowSummary>;

// ---------- REST bodies (client → server) ----------

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const SignupBody = z.object({
  token: z.string().min(10).max(200),
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(80),
  timeZone: TimeZone,
  languages: z.array(Language).min(1).max(2),
});
export type SignupBody = z.infer<typeof SignupBody>;

export const CreateInviteBody = z.object({
  role: Role,
  email: Email.optional(),
  startupId: Id.optional(),
  /** Hours until the invite expires (default 7 days). */
  expiresInHours: z.number().int().min(1).max(24 * 90).default(24 * 7),
});
export type CreateInviteBody = z.input<typeof CreateInviteBody>;

export const UpdateProfileBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    headline: z.string().trim().max(140),
    bio: z.string().trim().max(4000),
    languages: z.array(Language).min(1).max(2),
    timeZone: TimeZone,
    tags: z.array(Tag).max(20),
  })
  .partial()
  .strict();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

const Website = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)]);

export const CreateStartupBody = z.object({
  name: z.string().trim().min(1).max(80),
  oneLiner: z.string().trim().max(200).default(''),
  industry: z.string().trim().max(60).default(''),
  stage: StartupStage.default('idea'),
  website: Website.default(''),
});
export type CreateStartupBody = z.input<typeof CreateStartupBody>;

export const UpdateStartupBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    oneLiner: z.string().trim().max(200),
    industry: z.string().trim().max(60),
    stage: StartupStage,
    website: Website,
  })
  .partial()
  .strict();
export type UpdateStartupBody = z.infer<typeof UpdateStartupBody>;

export const AddMemberBody = z.object({ userId: Id });
export type AddMemberBody = z.infer<typeof AddMemberBody>;


export const ListUsersQuery = z.object({ role: Role.optional() });

// ---------- REST responses ----------

export const MeResponse = z.object({ user: PublicUser, startups: z.array(Startup) });
export type MeResponse = z.infer<typeof MeResponse>;

export const InviteCheckResponse = z.object({
  role: Role,
  email: z.string().nullable(),
  startupName: z.string().nullable(),
  expiresAt: z.string(),
});
export type InviteCheckResponse = z.infer<typeof InviteCheckResponse>;

export const CreatedInviteResponse = z.object({ invite: Invite, token: z.string(), url: z.string() });
export type CreatedInviteResponse = z.infer<typeof CreatedInviteResponse>;

// ---------- socket payloads ----------

export const HandshakeAuth = z.object({ protocolVersion: z.number().int() });
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const PresenceStatus = z.enum(PRESENCE_STATUSES);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

/** One online person in the lobby. */
export const PresenceEntry = z.object({
  userId: Id,
  name: z.string(),
  role: Role,
  startupId: Id.nullable(),
  startupName: z.string().nullable(),
  status: PresenceStatus,
  /** How many tabs/devices this person has open. */
  connections: z.number().int(),
  since: z.string(),
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

export const LobbySchedule = z.object({ live: z.array(RoadshowSummary), next: z.array(RoadshowSummary) });
export type LobbySchedule = z.infer<typeof LobbySchedule>;

export const LobbySnapshot = z.object({
  online: z.array(PresenceEntry),
  schedule: LobbySchedule,
  serverTime: z.string(),
});
export type LobbySnapshot = z.infer<typeof LobbySnapshot>;

export const LobbySubscribeBody = z.object({}).strict();
export const SetPresenceStatusBody = z.object({ status: PresenceStatus }).strict();
export type SetPresenceStatusBody = z.infer<typeof SetPresenceStatusBody>;

export const PresenceLeft = z.object({ userId: Id });
export type PresenceLeft = z.infer<typeof PresenceLeft>;

export const ServerNotice = z.object({ reason: z.string(), message: z.string() });
export type ServerNotice = z.infer<typeof ServerNotice>;

export const SetRoadshowStatusBody = z.object({ status: RoadshowStatus }).strict();
export type SetRoadshowStatusBody = z.infer<typeof SetRoadshowStatusBody>;
