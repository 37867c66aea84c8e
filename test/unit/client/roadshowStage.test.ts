import { describe, expect, it } from 'vitest';
import { formatClock, readTimer, timerElapsed } from '../../../client/src/roadshows/pitchTimer.js';
import { stageTiles } from '../../../client/src/roadshows/stageTiles.js';
import type { Tile } from '../../../client/src/media/tiles.js';
import type { MediaPeer } from '../../../shared/media.js';
import type { Attendee } from '../../../shared/roadshow.js';

describe('pitch timer', () => {
  const item = { pitchMinutes: 5, qaMinutes: 3 };

  it('adds the time since the state arrived only while running', () => {
    expect(timerElapsed({ running: true, elapsedMs: 10_000 }, 1_000, 4_000)).toBe(13_000);
    expect(timerElapsed({ running: false, elapsedMs: 10_000 }, 1_000, 4_000)).toBe(10_000);
    expect(timerElapsed({ running: true, elapsedMs: 0 }, 5_000, 4_000)).toBe(0); // a clock step back never goes negative
  });

  it('moves from pitch to Q&A to overtime with the time left (or over) in each', () => {
    expect(readTimer(item, 60_000)).toMatchObject({ phase: 'pitch', phaseMs: 240_000 });
    expect(readTimer(item, 300_000)).toMatchObject({ phase: 'qa', phaseMs: 180_000 });
    expect(readTimer(item, 480_000 + 5_000)).toMatchObject({ phase: 'overtime', phaseMs: 5_000, progress: 1 });
    expect(readTimer({ pitchMinutes: 5, qaMinutes: 0 }, 299_999).phase).toBe('pitch');
  });

  it('formats mm:ss, counting minutes past an hour, rounding countdowns up', () => {
    expect(formatClock(3_999)).toBe('00:03');
    expect(formatClock(3_001, true)).toBe('00:04');
    expect(formatClock(75 * 60_000)).toBe('75:00');
    expect(formatClock(-5)).toBe('00:00');
  });
});

describe('stage tiles', () => {
  const tile = (userId: string, peerId: string, extra: Partial<Tile> = {}): Tile => ({
    key: `${peerId}:camera`, peerId, userId, name: userId, role: 'founder', source: 'camera', local: false,
    track: null, consumerId: null, micMuted: false, activeSpeaker: false, ...extra,
  });
  const peer = (userId: string, peerId: string, publishing: boolean): MediaPeer => ({
    peerId, userId, name: userId, role: 'founder', canPublish: publishing,
    producers: publishing ? [{ id: `${peerId}-v`, kind: 'video', source: 'camera', paused: false }] : [],
  });
  const attendee = (userId: string, stageRole: Attendee['stageRole']): Attendee => ({
    userId, name: userId, role: 'founder', stageRole, handRaised: false, handRaisedAt: null, chatMuted: false, admission: 'admitted',
  });

  it('shows presenters and guests at once, hosts and others only while they publish, and me only while I may publish', () => {
    const tiles = [tile('chen', 'p1'), tile('ops', 'p2'), tile('ex-presenter', 'p3'), tile('guest', 'p4'), tile('me', 'p5', { local: true })];
    const peers = [peer('chen', 'p1', false), peer('ops', 'p2', false), peer('ex-presenter', 'p3', false), peer('guest', 'p4', false)];
    const attendees = [attendee('chen', 'presenter'), attendee('ops', 'host'), attendee('ex-presenter', 'audience'), attendee('guest', 'guest')];
    expect(stageTiles(tiles, peers, attendees, false).map((t) => t.userId)).toEqual(['chen', 'guest']);
    const hostPublishing = [peer('chen', 'p1', false), peer('ops', 'p2', true), peer('ex-presenter', 'p3', false), peer('guest', 'p4', false)];
    expect(stageTiles(tiles, hostPublishing, attendees, true).map((t) => t.userId)).toEqual(['chen', 'ops', 'guest', 'me']);
  });
});
