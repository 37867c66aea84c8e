/**
 * A pool of mediasoup workers, one per core. Rooms are placed on the least-loaded worker; a worker
 * that dies is replaced at once and the rooms on it are told (they close and their clients rejoin).
 */
import { EventEmitter } from 'node:events';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaConfig } from './mediaConfig.js';

interface Slot {
  worker: types.Worker;
  /** Routers + consumers placed on this worker: the load used for placement. */
  load: number;
}

/** Live mediasoup objects on one worker, counted from mediasoup's observer events (pipes included). */
export interface LiveCounts {
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
}

export class WorkerPool extends EventEmitter<{ workerDied: [types.Worker]; workerReplaced: [types.Worker] }> {
  readonly #slots: Slot[] = [];
  readonly #live = new WeakMap<types.Worker, LiveCounts>();
  #closed = false;

  private constructor(
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  static async create(config: MediaConfig, log: Logger): Promise<WorkerPool> {
    const pool = new WorkerPool(config, log);
    for (let i = 0; i < config.workers; i++) pool.#slots.push({ worker: await pool.#spawn(), load: 0 });
    log.info({ workers: config.workers }, 'WorkerPool.create() | ready');
    return pool;
  }

  async #spawn(): Promise<types.Worker> {
    const worker = await mediasoup.createWorker({
      logLevel: this.config.logLevel,
      rtcMinPort: this.config.rtcMinPort,
      rtcMaxPort: this.config.rtcMaxPort,
    });
    worker.on('died', (err) => this.#onDied(worker, err));
    this.#countLive(worker);
    return worker;
  }

  /** Keeps exact counts of what lives on a worker, so stats double as a leak check. */
  #countLive(worker: types.Worker): void {
    const c: LiveCounts = { routers: 0, transports: 0, producers: 0, consumers: 0 };
    this.#live.set(worker, c);
    worker.observer.on('newrouter', (router) => {
      c.routers++;
      router.observer.once('close', () => c.routers--);
      router.observer.on('newtransport', (transport) => {
        c.transports++;
        transport.observer.once('close', () => c.transports--);
        transport.observer.on('newproducer', (p) => {
          c.producers++;
          p.observer.once('close', () => c.producers--);
        });
        transport.observer.on('newconsumer', (k) => {
          c.consumers++;
          k.observer.once('close', () => c.consumers--);
        });
      });
    });
  }

  /** What lives on `worker` now. */
  liveCounts(worker: types.Worker): LiveCounts {
    return { ...(this.#live.get(worker) ?? { routers: 0, transports: 0, producers: 0, consumers: 0 }) };
  }

  #onDied(worker: types.Worker, err: Error): void {
    if (this.#closed) return;
    this.log.error({ pid: worker.pid, err: err.message }, 'worker died | replacing it; rooms on it will close and clients rejoin');
    const slot = this.#slots.find((s) => s.worker === worker);
    this.emit('workerDied', worker);
    if (!slot) return;
    slot.load = Number.POSITIVE_INFINITY; // never place anything on it meanwhile
    this.#spawn().then(
      (fresh) => {
        if (this.#closed) {
          fresh.close();
          return;
        }
        slot.worker = fresh;
        slot.load = 0;
        this.log.info({ oldPid: worker.pid, pid: fresh.pid }, 'worker replaced');
        this.emit('workerReplaced', fresh);
      },
      (e: unknown) => this.log.error({ err: e }, 'worker replacement failed'),
    );
  }

  /** The worker with the least load, preferring ones not in `avoid` (e.g. the room's other routers). */
  leastLoaded(avoid: ReadonlySet<types.Worker> = new Set()): types.Worker {
    const usable = this.#slots.filter((s) => !s.worker.closed && Number.isFinite(s.load));
    if (usable.length === 0) throw new Error('no mediasoup worker available');
    const preferred = usable.filter((s) => !avoid.has(s.worker));
    const pick = (preferred.length > 0 ? preferred : usable).reduce((a, b) => (b.load < a.load ? b : a));
    return pick.worker;
  }

  /** Adjusts a worker's load (rooms call this as routers and consumers come and go). */
  addLoad(worker: types.Worker, delta: number): void {
    const slot = this.#slots.find((s) => s.worker === worker);
    if (slot && Number.isFinite(slot.load)) slot.load = Math.max(0, slot.load + delta);
  }

  get workers(): types.Worker[] {
    return this.#slots.map((s) => s.worker);
  }


  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const s of this.#slots) s.worker.close();
    this.removeAllListeners();
  }
}
