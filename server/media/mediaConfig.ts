/** Media (mediasoup) settings from the environment; documented in README. */
import { cpus } from 'node:os';
import type { types } from 'mediasoup';
import { IceServer } from '../../shared/media.js';
import { z } from 'zod';

export interface MediaConfig {
  /** Number of mediasoup workers (one per core by default). */
  workers: number;
  /** Local IP the WebRTC transports listen on. */
  listenIp: string;
  /** Address announced to browsers (public IP or hostname) when it differs from listenIp. */
  announcedAddress: string | undefined;
  rtcMinPort: number;
  rtcMaxPort: number;
  /** STUN/TURN servers handed to browsers (e.g. a coturn relay for strict firewalls). */
  iceServers: IceServer[];
  /** A router with this many consumers sends new viewers to another router (piped) on another worker. */
  consumersPerRouter: number;
  /** Limits per room and per peer. */
  maxPeersPerRoom: number;
  maxConsumersPerPeer: number;
  logLevel: types.WorkerLogLevel;
}

export function mediaConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MediaConfig {
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
  let iceServers: IceServer[] = [];
  if (env.HATCHERY_ICE_SERVERS) {
    const parsed = z.array(IceServer).safeParse(JSON.parse(env.HATCHERY_ICE_SERVERS));
    if (!parsed.success) throw new Error(`HATCHERY_ICE_SERVERS is not a JSON array of ICE servers: ${parsed.error.message}`);
    iceServers = parsed.data;
  }
  return {
    workers: Math.max(1, num(env.HATCHERY_MEDIA_WORKERS, cpus().length)),
    listenIp: env.HATCHERY_MEDIA_LISTEN_IP ?? '127.0.0.1',
    announcedAddress: env.HATCHERY_MEDIA_ANNOUNCED_ADDRESS || undefined,
    rtcMinPort: num(env.HATCHERY_MEDIA_MIN_PORT, 40000),
    rtcMaxPort: num(env.HATCHERY_MEDIA_MAX_PORT, 49999),
    iceServers,
    consumersPerRouter: num(env.HATCHERY_MEDIA_CONSUMERS_PER_ROUTER, 500),
    maxPeersPerRoom: num(env.HATCHERY_MEDIA_MAX_PEERS_PER_ROOM, 1000),
    maxConsumersPerPeer: num(env.HATCHERY_MEDIA_MAX_CONSUMERS_PER_PEER, 100),
    logLevel: (env.HATCHERY_MEDIA_LOG_LEVEL as types.WorkerLogLevel) ?? 'warn',
  };
}

/** The codecs every router offers: Opus, VP8 and H264 (for Safari and hardware encoders). */
export const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1, 'x-google-start-bitrate': 1000 },
  },
];
