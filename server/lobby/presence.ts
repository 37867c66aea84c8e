/**
 * Who is online. One entry per person, counting their open connections (tabs, devices). A person
 * goes offline only after their last connection has been gone for the grace period, so a reload or
 * a Socket.IO reconnect never makes them flicker out of the lobby.
 */
import { EventEmitter } from 'node:events';
import type { PresenceEntry, PresenceStatus } from '../../shared/schemas.js';

type PresenceState =
  | { kind: 'online'; sockets: Set<string> }
  /** All connections gone; `timer` removes the person unless one comes back first. */
  | { kind: 'leaving'; timer: NodeJS.Timeout };

interface Person {
  entry: Omit<PresenceEntry, 'connections'>;
  state: PresenceState;
}

export interface PresenceEvents {
  joined: [PresenceEntry];
  updated: [PresenceEntry];
  left: [string];
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

export class PresenceRegistry extends EventEmitter<PresenceEvents> {
  readonly #people = new Map<string, Person>();
  /** The sorted list handed to every new lobby subscriber, rebuilt only after a change. */
  #listCache: PresenceEntry[] | undefined;
  #closed = false;

  constructor(private readonly graceMs: number) {
    super();
    // Any change invalidates the cached list (every change is announced through one of these).
    const invalidate = () => (this.#listCache = undefined);
    this.on('joined', invalidate);
    this.on('updated', invalidate);
    this.on('left', invalidate);
  }

  #view(p: Person): PresenceEntry {
    return { ...p.entry, connections: p.state.kind === 'online' ? p.state.sockets.size : 0 };
  }

  /** Registers a connection; emits `joined` for a person who was offline, `updated` otherwise. */
  connect(socketId: string, info: Omit<PresenceEntry, 'connections' | 'status' | 'since'>): PresenceEntry {
    if (this.#closed) throw new Error('presence registry closed');
    const person = this.#people.get(info.userId);
    if (!person) {
      const p: Person = {
        entry: { ...info, status: 'available', since: new Date().toISOString() },
        state: { kind: 'online', sockets: new Set([socketId]) },
      };
      this.#people.set(info.userId, p);
      const view = this.#view(p);
      this.emit('joined', view);
      return view;
    }
    switch (person.state.kind) {
      case 'leaving':
        clearTimeout(person.state.timer);
        person.state = { kind: 'online', sockets: new Set([socketId]) };
        break;
      case 'online':
        person.state.sockets.add(socketId);
        break;
    }
    person.entry = { ...person.entry, ...info };
    const view = this.#view(person);
    this.emit('updated', view);
    return view;
  }

  /** Drops a connection; the person leaves after the grace period if it was their last. */
  disconnect(userId: string, socketId: string): void {
    const person = this.#people.get(userId);
    if (!person || person.state.kind !== 'online') return;
    person.state.sockets.delete(socketId);
    if (person.state.sockets.size > 0) {
      this.emit('updated', this.#view(person));
      return;
    }
    const timer = setTimeout(() => this.#remove(userId), this.graceMs);
    timer.unref();
    person.state = { kind: 'leaving', timer };
    this.#listCache = undefined; // connections dropped to 0 without an event
  }

  /** Removes a person at once if they have no live connection left (e.g. after logout). */
  leaveNow(userId: string): void {
    const person = this.#people.get(userId);
    if (person && person.state.kind === 'leaving') {
      clearTimeout(person.state.timer);
      this.#remove(userId);
    }
  }

  #remove(userId: string): void {
    if (this.#people.delete(userId)) this.emit('left', userId);
  }

  /** Replaces what the entry shows about a person (after a profile or startup change), if online. */
  updateInfo(userId: string, info: Omit<PresenceEntry, 'connections' | 'status' | 'since'>): void {
    const person = this.#people.get(userId);
    if (!person) return;
    person.entry = { ...person.entry, ...info };
    this.emit('updated', this.#view(person));
  }

  setStatus(userId: string, status: PresenceStatus): PresenceEntry | undefined {
    const person = this.#people.get(userId);
    if (!person) return undefined;
    person.entry = { ...person.entry, status };
    const view = this.#view(person);
    this.emit('updated', view);
    return view;
  }

  /** People online now (including those inside their grace period), by name. */
  list(): PresenceEntry[] {
    this.#listCache ??= [...this.#people.values()].map((p) => this.#view(p)).sort((a, b) => byName.compare(a.name, b.name));
    return this.#listCache;
  }

  get size(): number {
    return this.#people.size;
  }

  /** Clears every timer; idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const p of this.#people.values()) if (p.state.kind === 'leaving') clearTimeout(p.state.timer);
    this.#people.clear();
    this.removeAllListeners();
  }
}
