/** The lobby's realtime side: presence on connect/disconnect and the schedule pushed to subscribers. */
import type { Logger } from 'pino';
import type { Store } from '../store/types.js';
import type { Gateway, HatcherySocket } from '../realtime/gateway.js';
import { PresenceRegistry } from './presence.js';
import type { ScheduleService } from './schedule.js';

type StartupInfo = { startupId: string | null; startupName: string | null };

/** Socket.IO room everyone who opened the lobby joins. */
export const LOBBY_ROOM = 'lobby';

export class Lobby {
  readonly presence: PresenceRegistry;

  constructor(
    private readonly gateway: Gateway,
    private readonly store: Store,
    private readonly schedule: ScheduleService,
    graceMs: number,
    private readonly log: Logger,
  ) {
    this.presence = new PresenceRegistry(graceMs);
    const io = gateway.io;
    this.presence.on('joined', (e) => io.to(LOBBY_ROOM).emit('presence:joined', e));
    this.presence.on('updated', (e) => io.to(LOBBY_ROOM).emit('presence:updated', e));
    this.presence.on('left', (userId) => io.to(LOBBY_ROOM).emit('presence:left', { userId }));
    schedule.on('changed', (s) => io.to(LOBBY_ROOM).emit('lobby:schedule', s));

    gateway.handle('lobby:subscribe', async (_payload, socket) => {
      await socket.join(LOBBY_ROOM);
      const schedule = await this.schedule.schedule();
      // NOTE: one broadcast right away gives the client a recovery offset, so a dropped connection
      // can be recovered (with missed events replayed) even if nothing else was pushed yet.
      setImmediate(() => io.to(socket.id).emit('lobby:schedule', schedule));
      return { online: this.presence.list(), schedule, serverTime: new Date().toISOString() };
    });
    gateway.handle('presence:setStatus', async (payload, socket) => {
      const entry = this.presence.setStatus(socket.data.userId, payload.status);
      return entry!;
    });
  }

  /** Reloads what the lobby shows about a person (name, role, startup) and pushes it if they are online. */
  async refreshPerson(userId: string): Promise<void> {
    const user = await this.store.users.byId(userId);
    if (!user) return;
    this.presence.updateInfo(userId, { userId, name: user.name, role: user.role, ...(await this.#startupOf(userId)) });
  }

  /** The startup a person's presence entry shows: their first one, if any. */
  async #startupOf(userId: string): Promise<StartupInfo> {
    const ids = await this.store.startups.idsForUser(userId);
    const startup = ids[0] ? await this.store.startups.byId(ids[0]) : undefined;
    return { startupId: startup?.id ?? null, startupName: startup?.name ?? null };
  }

  /** Presence details loaded while the socket handshakes, so `onConnection` can stay synchronous. */
  readonly #pending = new WeakMap<HatcherySocket, StartupInfo>();

  /** Socket.IO middleware (runs after authentication): loads what the presence entry shows. */
  readonly middleware = (socket: HatcherySocket, next: (err?: Error) => void): void => {
    this.#startupOf(socket.data.userId).then(
      (info) => {
        this.#pending.set(socket, info);
        next();
      },
      (err: Error) => next(err),
    );
  };

  /** A socket finished authenticating: it counts as one more connection of its person. */
  onConnection(socket: HatcherySocket): void {
    const caller = this.gateway.caller(socket);
    const startup = this.#pending.get(socket) ?? { startupId: null, startupName: null };
    this.presence.connect(socket.id, {
      userId: caller.user.id,
      name: caller.user.name,
      role: caller.user.role,
      ...startup,
    });
    socket.once('disconnect', (reason) => {
      this.log.debug({ userId: caller.user.id, socketId: socket.id, reason }, 'disconnect()');
      this.presence.disconnect(caller.user.id, socket.id);
    });
  }

  close(): void {
    this.presence.close();
    this.schedule.removeAllListeners();
  }
}
