import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceRegistry } from '../../server/lobby/presence.js';

const chen = { userId: 'u1', name: 'Chen', role: 'founder' as const, startupId: 's1', startupName: 'Tide' };

describe('PresenceRegistry', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts tabs and stays online until the last tab has been gone for the grace period', () => {
    const p = new PresenceRegistry(1000);
    const events: string[] = [];
    p.on('joined', (e) => events.push(`joined:${e.connections}`));
    p.on('updated', (e) => events.push(`updated:${e.connections}`));
    p.on('left', (id) => events.push(`left:${id}`));
    p.connect('a', chen);
    p.connect('b', chen);
    expect(p.list()[0]!.connections).toBe(2);
    p.disconnect('u1', 'a');
    expect(p.size).toBe(1);
    p.disconnect('u1', 'b');
    vi.advanceTimersByTime(999);
    expect(p.size).toBe(1);
    vi.advanceTimersByTime(1);
    expect(p.size).toBe(0);
    expect(events).toEqual(['joined:1', 'updated:2', 'updated:1', 'left:u1']);
    p.close();
  });

  it('a reconnect inside the grace period cancels the leave', () => {
    const p = new PresenceRegistry(1000);
    const left = vi.fn();
    p.on('left', left);
    p.connect('a', chen);
    p.disconnect('u1', 'a');
    vi.advanceTimersByTime(500);
    p.connect('a2', chen);
    vi.advanceTimersByTime(5000);
    expect(left).not.toHaveBeenCalled();
    expect(p.list()[0]!.connections).toBe(1);
    p.close();
  });

  it('leaveNow removes at once, and close leaves no timers behind', () => {
    const p = new PresenceRegistry(60_000);
    const left = vi.fn();
    p.on('left', left);
    p.connect('a', chen);
    p.connect('x', { ...chen, userId: 'u2', name: 'Hannah' });
    p.disconnect('u1', 'a');
    p.leaveNow('u1');
    expect(left).toHaveBeenCalledWith('u1');
    p.disconnect('u2', 'x');
    expect(vi.getTimerCount()).toBe(1);
    p.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('setStatus updates the entry', () => {
    const p = new PresenceRegistry(10);
    p.connect('a', chen);
    expect(p.setStatus('u1', 'busy')!.status).toBe('busy');
    expect(p.setStatus('nobody', 'busy')).toBeUndefined();
    p.close();
  });
});
