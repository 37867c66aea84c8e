/** Enumerations shared by server and client, free of zod so the browser bundle stays small. */
export const ROLES = ['founder', 'mentor', 'investor', 'operator'] as const;
export type Role = (typeof ROLES)[number];
export const STARTUP_STAGES = ['idea', 'pre-seed', 'seed', 'series-a', 'growth'] as const;
export const LANGUAGES = ['en', 'zh'] as const;
export const ROADSHOW_STATUSES = ['scheduled', 'backstage', 'live', 'ended'] as const;
export const PRESENCE_STATUSES = ['available', 'busy', 'away'] as const;

/** Narrows an unknown value to a Role (e.g. from a URL query). */
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);
