import { describe, expect, it } from 'vitest';
import { applySnapshot, createLobbyStore, removePresence, upsertPresence } from '../../../client/src/lobby/lobbyStore.js';
import type { PresenceEntry } from '../../../shared/schemas.js';

const entry = (userId: string, name: string, extra: Partial<PresenceEntry> = {}): PresenceEntry => ({
  userId,
  name,
  role: 'founder',
  startupId: null,
  startupName: null,
  status: 'available',
  connections: 1,
  since: '2026-11-26T00:00:00Z',
  ...extra,
});

describe('lobby store helpers', () => {
  it('upsert adds new people and replaces existing ones in place', () => {
    let list = upsertPresence([], entry('a', 'A'));
    list = upsertPresence(list, entry('b', 'B'));
    list = upsertPresence(list, entry('a', 'A', { status: 'busy' }));
    expect(list.map((e) => [e.userId, e.status])).toEqual([
      ['a', 'busy'],
      ['b', 'available'],
    ]);
  });

  it('remove drops a person and keeps the same array when they were not there', () => {
    const list = [entry('a', 'A')];
    expect(removePresence(list, 'a')).toEqual([]);
    expect(removePresence(list, 'zzz')).toBe(list);
  });

  it('a snapshot makes the store ready and measures clock skew', () => {
    const store = createLobbyStore();
    expect(store.getState().snapshot.kind).toBe('loading');
    const receivedAt = Date.parse('2026-11-26T10:00:00Z');
    store.setState(
      applySnapshot({ online: [entry('a', 'A')], schedule: { live: [], next: [] }, serverTime: '2026-11-26T10:00:02Z' }, receivedAt),
    );
    expect(store.getState().snapshot.kind).toBe('ready');
    expect(store.getState().online).toHaveLength(1);
    expect(store.getState().clockSkewMs).toBe(2000);
  });
});
