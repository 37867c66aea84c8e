/** Configuration from environment variables (documented in README). */
import { resolve } from 'node:path';
import { mediaConfigFromEnv, type MediaConfig } from './media/mediaConfig.js';

export interface HatcheryConfig {
  /** TCP port (0 = any free port, used by tests). */
  port: number;
  /** Interface to bind. */
  host: string;
  /** Where the SQLite file (and later recordings) live; `:memory:` keeps everything in RAM. */
  dataDir: string;
  /** The URL users open; used for invite links, cookie Secure flag and the allowed Origin. */
  publicUrl: string | null;
  /** Extra allowed browser origins for Socket.IO / WebSocket upgrades (comma-separated in env). */
  allowedOrigins: string[];
  logLevel: string;
  /** Seed the demo space on first run. */
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Session lifetime (sliding) in milliseconds. */
  sessionTtlMs: number;
  /** How long a person stays "online" after their last connection drops (covers reloads/reconnects). */
  presenceGraceMs: number;
  /** How long a roadshow room keeps people's places (hand, stage, admission) after everyone left. */
  roadshowIdleMs: number;
  /** Serve the built client from this folder when it exists. */
  clientDist: string;
  /** Login throttling: failures allowed per account / per IP within the window. */
  loginThrottle: { maxPerAccount: number; maxPerIp: number; windowMs: number };
  /** Recordings: where files go (default <dataDir>/recordings; a temp dir for :memory:) and the ffmpeg tools. */
  recordings: { dir: string | null; ffmpegPath: string; ffprobePath: string };
  /** The document server: debounced stores, compaction, unloading, limits. */
  collab: CollabConfig;
  /** mediasoup settings (workers, listen address, ICE servers, audience spreading). */
  media: MediaConfig;
}

export interface CollabConfig {
  /** Store this long after the last change… */
  debounceMs: number;
  /** …but at most this long after the first unsaved one. */
  maxDebounceMs: number;
  /** Compact a document's update log into one snapshot past this many entries. */
  compactAfter: number;
  /** Unload a document this long after its last connection left (when nothing is pending). */
  unloadGraceMs: number;
  /** Largest WebSocket message accepted (bigger closes the connection with 1009). */
  maxMessageBytes: number;
  /** Largest document (stored bytes, approximately); updates beyond it are refused with 4413. */
  maxDocBytes: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HatcheryConfig {
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    port: num(env.PORT ?? env.HATCHERY_PORT, 3000),
    host: env.HATCHERY_HOST ?? '127.0.0.1',
    dataDir: env.HATCHERY_DATA_DIR ? resolve(env.HATCHERY_DATA_DIR) : resolve('data'),
    publicUrl: env.HATCHERY_PUBLIC_URL || null,
    allowedOrigins: (env.HATCHERY_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: env.HATCHERY_LOG_LEVEL ?? env.LOG_LEVEL ?? 'info',
    demo: env.HATCHERY_DEMO === '1' || env.HATCHERY_DEMO === 'true',
    adminEmail: env.HATCHERY_ADMIN_EMAIL || null,
    adminPassword: env.HATCHERY_ADMIN_PASSWORD || null,
    sessionTtlMs: num(env.HATCHERY_SESSION_TTL_HOURS, 24 * 14) * 3600_000,
    presenceGraceMs: num(env.HATCHERY_PRESENCE_GRACE_MS, 3000),
    roadshowIdleMs: num(env.HATCHERY_ROADSHOW_IDLE_MS, 15 * 60_000),
    clientDist: resolve(env.HATCHERY_CLIENT_DIST ?? 'dist/client'),
    loginThrottle: { maxPerAccount: 5, maxPerIp: 20, windowMs: 15 * 60_000 },
    media: mediaConfigFromEnv(env),
    recordings: { dir: env.HATCHERY_RECORDINGS_DIR || null, ffmpegPath: env.HATCHERY_FFMPEG || 'ffmpeg', ffprobePath: env.HATCHERY_FFPROBE || 'ffprobe' },
    collab: {
      debounceMs: num(env.HATCHERY_COLLAB_DEBOUNCE_MS, 1500),
      maxDebounceMs: num(env.HATCHERY_COLLAB_MAX_DEBOUNCE_MS, 10_000),
      compactAfter: num(env.HATCHERY_COLLAB_COMPACT_AFTER, 100),
      unloadGraceMs: num(env.HATCHERY_COLLAB_UNLOAD_GRACE_MS, 5000),
      maxMessageBytes: num(env.HATCHERY_COLLAB_MAX_MESSAGE_BYTES, 2 * 1024 * 1024),
      maxDocBytes: num(env.HATCHERY_COLLAB_MAX_DOC_BYTES, 16 * 1024 * 1024),
    },
  };
}

/** Defaults for tests: in-memory store, any port, quiet logs. */
/** Overrides for tests: any field, and any part of the media or collab settings. */
export type ConfigOverrides = Partial<Omit<HatcheryConfig, 'media' | 'collab' | 'recordings'>> & {
  media?: Partial<MediaConfig>;
  collab?: Partial<CollabConfig>;
  recordings?: Partial<HatcheryConfig['recordings']>;
};

export function testConfig(overrides: ConfigOverrides = {}): HatcheryConfig {
  return {
    ...configFromEnv({}),
    port: 0,
    dataDir: ':memory:',
    logLevel: 'silent',
    presenceGraceMs: 200,
    ...overrides,
    media: { ...mediaConfigFromEnv({}), workers: 1, ...overrides.media },
    collab: { ...configFromEnv({}).collab, debounceMs: 50, maxDebounceMs: 300, unloadGraceMs: 100, ...overrides.collab },
    recordings: { ...configFromEnv({}).recordings, ...overrides.recordings },
  };
}
