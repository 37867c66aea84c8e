/**
 * A tiny request/response layer over the `fork()` IPC channel, shared by the bench's child processes.
 * Children answer `{ id, ok, result | error }`; they may also push `{ event }` messages.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export type ServerKind = 'hatchery' | 'bare';
export type ClientKind = 'raw' | 'sio';

interface Request {
  id: number;
  type: string;
  args?: unknown;
}
interface Response {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}
interface PushEvent {
  event: string;
  data?: unknown;
}

/** CPU time a process spent since its last `cpuMark`, and the wall time it covers. */
export interface CpuReading {
  userMs: number;
  systemMs: number;
  wallMs: number;
  rssMb: number;
  /** Time the main thread was runnable but waiting for a CPU (Linux schedstat; NaN elsewhere). */
  runQueueMs: number;
}

/** [ms on CPU, ms waiting on a run queue] of this process's main thread. */
function schedstat(): [number, number] {
  try {
    const [run = NaN, wait = NaN] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return [run / 1e6, wait / 1e6];
  } catch {
    return [NaN, NaN];
  }
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The parent's handle on one child process. */
export class Child {
  readonly #proc: ChildProcess;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #listeners = new Map<string, Set<(data: unknown) => void>>();
  #nextId = 1;
  #exited = false;
  readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    script: string,
    args: string[] = [],
    extraExecArgv: string[] = [],
  ) {
    this.#proc = fork(script, args, {
      execArgv: ['--import', tsxLoader, ...extraExecArgv],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#proc.on('message', (m: Response | PushEvent) => {
      if ('event' in m) {
        for (const l of this.#listeners.get(m.event) ?? []) l(m.data);
        return;
      }
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`${this.name}: ${m.error}`));
    });
    this.exited = new Promise((resolve) => {
      this.#proc.once('exit', (code, signal) => {
        this.#exited = true;
        for (const p of this.#pending.values()) p.reject(new Error(`${this.name} exited (code ${code}, signal ${signal})`));
        this.#pending.clear();
        resolve();
      });
    });
  }

  call<T>(type: string, args?: unknown): Promise<T> {
    if (this.#exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#proc.send({ id, type, args } satisfies Request);
    });
  }

  on(event: string, listener: (data: unknown) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Asks the child to close its sockets/servers and exit; kills it (by pid) if it does not in time. */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    if (this.#exited) return;
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      await this.call('close').catch(() => undefined);
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (!this.#exited) this.#proc.kill('SIGKILL');
  }
}

/** Child side: answers requests with `handlers`; exits when the parent goes away. */
export function serveRequests(handlers: Record<string, (args: never) => unknown>): void {
  process.on('message', (m: Request) => {
    const handler = handlers[m.type];
    const reply = (r: Omit<Response, 'id'>) => process.send?.({ id: m.id, ...r });
    if (!handler) {
      reply({ ok: false, error: `unknown request ${m.type}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(m.args as never))
      .then(
        (result) => reply({ ok: true, result }),
        (err: unknown) => reply({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
  // The parent died or closed the channel: never linger.
  process.on('disconnect', () => process.exit(0));
}

export function push(event: string, data?: unknown): void {
  process.send?.({ event, data } satisfies PushEvent);
}

/** `cpuMark` / `cpuRead` handlers every child offers. */
export function cpuMeter() {
  const now = () => ({ cpu: process.cpuUsage(), wall: performance.now(), sched: schedstat() });
  let mark = now();
  return {
    cpuMark: () => {
      mark = now();
    },
    cpuRead: (): CpuReading => {
      const d = process.cpuUsage(mark.cpu);
      return {
        userMs: d.user / 1000,
        systemMs: d.system / 1000,
        wallMs: performance.now() - mark.wall,
        rssMb: process.memoryUsage.rss() / 2 ** 20,
        runQueueMs: schedstat()[1] - mark.sched[1],
      };
    },
  };
}
