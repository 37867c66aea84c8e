/**
 * Runs the real server (`server/main.ts`) in a child process, for tests that must kill it the hard
 * way (SIGKILL) and start it again on the same data directory and port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './waitFor.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A TCP port that was free a moment ago (so a restarted server can listen on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  dataDir: string;
  port: number;
  /** Extra environment (e.g. HATCHERY_COLLAB_DEBOUNCE_MS). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export class ServerProcess {
  /** Everything the process wrote (stdout and stderr), for failure messages. */
  output = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  protected constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts `node --import tsx server/main.ts` (one process: a signal reaches the server itself) and waits until it listens. */
  static start(opts: ServerProcessOptions): Promise<ServerProcess> {
    return ServerProcess.launch(opts, (child, url) => new ServerProcess(child, url));
  }

  /**
   * Spawns `node --import tsx <entry…>` with the server's environment (a subclass may run its own entry,
   * with stdin open to talk to it) and waits for "Hatchery is running at".
   */
  protected static async launch<T extends ServerProcess>(
    opts: ServerProcessOptions & { entry?: string[]; stdin?: boolean },
    make: (child: ChildProcess, url: string) => T,
  ): Promise<T> {
    const child = spawn(process.execPath, ['--import', 'tsx', ...(opts.entry ?? ['server/main.ts'])], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...(process.env.MEDIASOUP_WORKER_BIN ? { MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN } : {}),
        HATCHERY_DATA_DIR: opts.dataDir,
        PORT: String(opts.port),
        HATCHERY_HOST: '127.0.0.1',
        HATCHERY_DEMO: '1',
        HATCHERY_LOG_LEVEL: 'warn',
        HATCHERY_MEDIA_WORKERS: '1',
        ...opts.env,
      },
      stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const proc = make(child, `http://127.0.0.1:${opts.port}`);
    child.stdout!.on('data', (d: Buffer) => (proc.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (proc.output += d.toString()));
    child.on('exit', (code, signal) => (proc.exit = { code, signal }));
    try {
      await waitFor(
        () => {
          if (proc.exit) throw new Error(`server exited early ${JSON.stringify(proc.exit)}:\n${proc.output}`);
          return proc.output.includes('Hatchery is running at');
        },
        { timeoutMs: opts.startTimeoutMs ?? 20_000, intervalMs: 50, what: 'server process listening' },
      );
    } catch (err) {
      await proc.kill('SIGKILL');
      throw new Error(`${String(err)}\n${proc.output}`);
    }
    return proc;
  }

  /** Pids of the server's own children (the mediasoup worker), so a test can make sure none outlive a SIGKILL. */
  childPids(): number[] {
    if (!this.alive || this.child.pid === undefined) return [];
    try {
      return execFileSync('ps', ['-o', 'pid=', '--ppid', String(this.child.pid)], { encoding: 'utf8' })
        .split('\n')
        .map((l) => Number(l.trim()))
        .filter((n) => n > 0);
    } catch {
      return []; // ps exits 1 when there are none
    }
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** Sends `signal` and waits for the process to exit. */
  async kill(signal: NodeJS.Signals, timeoutMs = 15_000): Promise<NonNullable<ServerProcess['exit']>> {
    if (this.alive) this.child.kill(signal);
    return waitFor(() => this.exit, { timeoutMs, what: `server process exit after ${signal}` });
  }
}

/** Whether a process is still running. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for processes the killed server had started (its mediasoup worker notices its parent is gone
 * and exits on its own); ends any that are still there after `timeoutMs`, by pid.
 */
export async function reap(pids: number[], timeoutMs = 10_000): Promise<number[]> {
  try {
    await waitFor(() => pids.every((p) => !pidAlive(p)), { timeoutMs, intervalMs: 100, what: 'orphaned children exit' });
    return [];
  } catch {
    const left = pids.filter(pidAlive);
    for (const p of left) process.kill(p, 'SIGKILL');
    return left;
  }
}

/**
 * After the tests: SIGKILLs every server process still alive and waits for the children they (and any
 * server killed earlier, whose pids are in `orphans`) leave behind, ending those still there by pid.
 */
export async function killAndReap(procs: ServerProcess[], orphans: number[] = [], timeoutMs?: number): Promise<void> {
  for (const p of procs) {
    if (!p.alive) continue;
    orphans.push(...p.childPids());
    await p.kill('SIGKILL');
  }
  await reap(orphans, timeoutMs);
}
