/** What both benchmarks print about the machine they ran on. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The CPU's `model name` from /proc/cpuinfo (Node's own name elsewhere). */
export function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** Total memory in GiB, one decimal. */
export const ramGb = (): number => Math.round((os.totalmem() / 2 ** 30) * 10) / 10;
