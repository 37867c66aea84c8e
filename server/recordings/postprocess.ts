/** After recording: join the segments into one file, measure it, take chapter thumbnails (ffmpeg/ffprobe). */
import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';

function run(cmd: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(e.code === 'ENOENT' ? `${cmd} is not installed on the server` : e.message));
    });
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(/No space left on device/i.test(err) ? 'the server’s disk is full' : `${cmd} failed (${code}): ${err.trim().split('\n').pop() ?? ''}`));
    });
  });
}

/** Segments that exist and hold something. */
export const usableSegments = (files: string[]) => files.filter((f) => existsSync(f) && statSync(f).size > 0);

/** Rewrites a segment as a complete file (a live or cut-short WebM gets its duration and index). */
export async function remux(ffmpeg: string, file: string, out: string): Promise<void> {
  await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-i', file, '-c', 'copy', '-y', out]);
}

/** Joins the segments (in order) into `out` without re-encoding. */
export async function joinSegments(ffmpeg: string, segments: string[], out: string): Promise<void> {
  const list = `${out}.txt`;
  writeFileSync(list, segments.map((f) => `file '${f.replace(/'/g, "'\\''")}'`).join('\n') + '\n');
  await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-y', out]);
}

/** The file's duration in milliseconds (ffprobe). */
export async function probeDurationMs(ffprobe: string, file: string): Promise<number> {
  const out = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], 30_000);
  const seconds = Number(out.trim());
  if (!Number.isFinite(seconds)) throw new Error('ffprobe could not read the duration');
  return Math.round(seconds * 1000);
}

/** A JPEG poster frame at `atMs`. */
export async function thumbnail(ffmpeg: string, file: string, atMs: number, out: string): Promise<void> {
  await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-ss', (atMs / 1000).toFixed(3), '-i', file, '-frames:v', '1', '-vf', 'scale=480:-2', '-y', out], 30_000);
  if (!existsSync(out)) throw new Error('no frame there');
}

/** Sorts and merges overlapping or touching [start, end) ranges. */
export function mergeSegments(segments: [number, number][]): [number, number][] {
  const sorted = segments.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Total length of merged ranges inside [from, to). */
export function coveredMs(merged: [number, number][], from = 0, to = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (const [a, b] of merged) n += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return n;
}
