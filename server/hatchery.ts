/** The whole space in one process: HTTP API, Socket.IO gateway, lobby, store. Owns their lifecycles. */
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HatcheryConfig } from './config.js';
import { createLogger } from './logger.js';
import { SqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';
import { IdentityService } from './identity/service.js';
import { Metrics } from './metrics.js';
import { Gateway } from './realtime/gateway.js';
import { ScheduleService } from './lobby/schedule.js';
import { Lobby } from './lobby/lobby.js';
import { createApp } from './http/app.js';
import { createApiRouter } from './http/routes.js';
import { createAdmin, seedDemo } from './demo.js';
import { ErrorReason } from '../shared/protocol.js';
import { MediaService } from './media/mediaService.js';
import { RoadshowService } from './roadshows/roadshowService.js';
import { RoadshowRooms } from './roadshows/roadshowRooms.js';
import { CollabServer } from './collab/collabServer.js';
import { DocumentService } from './collab/documents.js';
import { OfficeHoursService } from './officeHours/service.js';
import { Notifier } from './officeHours/notifications.js';
import { DropInQueues } from './officeHours/queue.js';
import { OfficeHourSessions } from './officeHours/sessions.js';
import { RecordingService } from './recordings/service.js';
import { RecordingLibrary } from './recordings/library.js';

export class Hatchery {
  readonly #httpServer: HttpServer;
  /** Hourly sweep of expired sessions; cleared on close. */
  readonly #sweeper: NodeJS.Timeout;
  #closed = false;
  #closing: Promise<void> | undefined;

  private constructor(
    readonly config: HatcheryConfig,
    readonly log: Logger,
    readonly store: Store,
    readonly identity: IdentityService,
    readonly gateway: Gateway,
    readonly lobby: Lobby,
    readonly media: MediaService,
    readonly roadshowRooms: RoadshowRooms,
    readonly collab: CollabServer,
    readonly officeHourSessions: OfficeHourSessions,
    readonly recordings: RecordingService,
    private readonly tempRecordings: string | null,
    httpServer: HttpServer,
  ) {
    this.#httpServer = httpServer;
    this.#sweeper = setInterval(() => {
      store.sessions.deleteExpired(new Date().toISOString()).catch((err: unknown) => log.warn({ err }, 'session sweep failed'));
    }, 3600_000);
    this.#sweeper.unref();
  }

  /** Opens the store, runs first-run bootstrap and wires every domain. Call `listen()` next. */
  static async create(config: HatcheryConfig, log: Logger = createLogger(config.logLevel)): Promise<Hatchery> {
    const dbPath = config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'hatchery.sqlite');
    const store = await SqliteStore.create(dbPath);
    await bootstrap(store, config, log);

    const identity = new IdentityService(store, config, log.child({ domain: 'identity' }));
    const schedule = new ScheduleService(store);
    // NOTE: the request handler must exist before Socket.IO attaches, so that engine.io wraps it and
    // /socket.io/ requests never reach Express too; `app` is filled in below once its deps exist.
    let app: ReturnType<typeof createApp> | undefined;
    const httpServer = createServer((req, res) => app!(req, res));
    const allowedOrigins = [...config.allowedOrigins, ...(config.publicUrl ? [new URL(config.publicUrl).origin] : [])];
    const gateway = new Gateway(httpServer, identity, allowedOrigins, log.child({ domain: 'gateway' }));
    const lobby = new Lobby(gateway, store, schedule, config.presenceGraceMs, log.child({ domain: 'lobby' }));
    gateway.io.use(lobby.middleware);
    const media = await MediaService.create(config.media, gateway, store, log.child({ domain: 'media' }));
    const roadshows = new RoadshowService(store, schedule);
    // NOTE: an in-memory store gets a throw-away recordings folder, removed on close.
    const tempRecordings = config.dataDir === ':memory:' && !config.recordings.dir ? mkdtempSync(join(tmpdir(), 'hatchery-recordings-')) : null;
    const recordings = new RecordingService(
      store,
      { ...config.recordings, dir: config.recordings.dir ?? tempRecordings ?? join(config.dataDir, 'recordings') },
      log.child({ domain: 'recordings' }),
    );
    await recordings.recover();
    const roadshowRooms = new RoadshowRooms({
      store,
      service: roadshows,
      schedule,
      media,
      gateway,
      log: log.child({ domain: 'roadshows' }),
      idleMs: config.roadshowIdleMs,
      recordings,
    });
    const collab = new CollabServer({ httpServer, identity, store, config: config.collab, allowedOrigins, log: log.child({ domain: 'collab' }) });
    const docs = new DocumentService(store, collab);
    const officeHours = new OfficeHoursService(store);
    const notifier = new Notifier(store, gateway.io);
    const queues = new DropInQueues(gateway, store, officeHours, notifier);
    const sessions = new OfficeHourSessions(store, officeHours, notifier, media, collab, log.child({ domain: 'officeHours' }));
    identity.on('personChanged', (userId) => {
      lobby.refreshPerson(userId).catch((err: unknown) => log.warn({ err, userId }, 'refreshPerson() | failed'));
    });
    gateway.io.on('connection', (socket) => {
      gateway.attach(socket);
      lobby.onConnection(socket);
    });

    const metrics = new Metrics({
      sockets: () => gateway.io.engine.clientsCount,
      onlineUsers: () => lobby.presence.size,
      media: () => media.liveTotals(),
    });
    const api = createApiRouter({
      identity,
      schedule,
      media,
      roadshows,
      roadshowRooms,
      docs,
      collab,
      officeHours: { service: officeHours, queues, notifier, sessions, store },
      recordings: new RecordingLibrary(store, notifier, (id) => recordings.progress(id)),
      recordingJobs: recordings,
      config,
      onLogout: (caller) => {
        gateway.endSession(caller.sessionId, { reason: ErrorReason.SessionEnded, message: 'You signed out.' });
        collab.endSession(caller.sessionId);
        // The sockets are gone now; if that was the person's last, they leave the lobby at once.
        setImmediate(() => lobby.presence.leaveNow(caller.user.id));
      },
    });
    app = createApp({ identity, metrics, log, clientDist: config.clientDist, health: () => store.ping(), api });
    return new Hatchery(config, log, store, identity, gateway, lobby, media, roadshowRooms, collab, sessions, recordings, tempRecordings, httpServer);
  }

  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#httpServer.once('error', reject);
      this.#httpServer.listen(this.config.port, this.config.host, () => resolve(this.url));
    });
  }

  get url(): string {
    const addr = this.#httpServer.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  }

  /** Graceful shutdown: stop accepting, tell sockets why and close them, close the store. Idempotent. */
  close(reason = 'The server is restarting. Reconnecting…'): Promise<void> {
    if (this.#closing) return this.#closing;
    this.#closing = (async () => {
      this.#closed = true;
      this.log.info({ reason }, 'close() | shutting down');
      clearInterval(this.#sweeper);
      this.lobby.close();
      this.roadshowRooms.close();
      this.officeHourSessions.close();
      // Recordings in progress are stopped and their files finished before the media and store go.
      await this.recordings.close();
      this.media.close();
      // Documents store what is pending before the store closes.
      await this.collab.close();
      // io.close() also closes the HTTP server (stops accepting) after disconnecting every socket.
      await this.gateway.close(reason);
      this.#httpServer.closeAllConnections();
      await this.store.close();
      if (this.tempRecordings) rmSync(this.tempRecordings, { recursive: true, force: true });
      this.log.info('close() | closed');
    })();
    return this.#closing;
  }

  get closed(): boolean {
    return this.#closed;
  }
}

async function bootstrap(store: Store, config: HatcheryConfig, log: Logger): Promise<void> {
  if ((await store.users.count()) > 0) return;
  if (config.demo) await seedDemo(store, log);
  else if (config.adminEmail && config.adminPassword) await createAdmin(store, config.adminEmail, config.adminPassword, log);
  else log.warn('no users yet: set HATCHERY_ADMIN_EMAIL and HATCHERY_ADMIN_PASSWORD (or HATCHERY_DEMO=1) and restart');
}
