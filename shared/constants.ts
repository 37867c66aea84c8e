/** Enumerations shared by server and client, free of zod so the browser bundle stays small. */
export const ROLES = ['founder', 'mentor', 'investor', 'operator'] as const;
export type Role = (typeof ROLES)[number];
export const STARTUP_STAGES = ['idea', 'pre-seed', 'seed', 'series-a', 'growth'] as const;
export const LANGUAGES = ['en', 'zh'] as const;
export const ROADSHOW_STATUSES = ['scheduled', 'backstage', 'live', 'ended'] as const;
export const PRESENCE_STATUSES = ['available', 'busy', 'away'] as const;

/** Narrows an unknown value to a Role (e.g. from a URL query). */
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

// ---------- roadshows ----------
/** What an agenda item is: a startup's pitch (with Q&A), a break, or a talk by a host. */
export const AGENDA_ITEM_KINDS = ['pitch', 'break', 'talk'] as const;
/** Where someone is in a live roadshow: hosts run it, presenters pitch, guests were promoted, the rest watch. */
export const STAGE_ROLES = ['host', 'presenter', 'guest', 'audience'] as const;
export type StageRole = (typeof STAGE_ROLES)[number];
/** pending: waits for a host (moderated Q&A); approved: everyone sees it; hidden: hosts only. */
export const QUESTION_STATUSES = ['pending', 'approved', 'hidden'] as const;
export const QUESTION_ACTIONS = ['approve', 'hide', 'answer', 'unanswer', 'pin', 'unpin'] as const;
/** Reaction kinds (the client draws them as emoji). */
export const REACTIONS = ['clap', 'heart', 'fire', 'rocket', 'laugh', 'think'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const TIMER_ACTIONS = ['start', 'pause', 'reset', 'next', 'goto'] as const;

// ---------- office hours ----------
/** What mentors coach on (shown translated). */
export const OFFICE_HOUR_TOPICS = ['fundraising', 'go-to-market', 'product', 'technology', 'legal', 'hiring', 'operations', 'pitching'] as const;
export type OfficeHourTopic = (typeof OFFICE_HOUR_TOPICS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: Monday = 1
export const BOOKING_STATUSES = ['confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
