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

/** Whether a segment file exists and holds something. */
export const isUsableSegment = (file: string) => existsSync(file) && statSync(file).size > 0;

interface ProbedStream {
  index: number;
  codec_type: string;
  nb_read_packets?: string;
}

/** The streams of a (possibly cut-short) segment that hold at least one packet. */
async function streamsWithPackets(ffprobe: string, file: string): Promise<{ video: number | null; audio: number[] }> {
  const out = await run(ffprobe, ['-v', 'error', '-count_packets', '-show_entries', 'stream=index,codec_type,nb_read_packets', '-of', 'json', file], 60_000);
  const streams = ((JSON.parse(out) as { streams?: ProbedStream[] }).streams ?? []).filter((s) => Number(s.nb_read_packets ?? 0) > 0);
  return { video: streams.find((s) => s.codec_type === 'video')?.index ?? null, audio: streams.filter((s) => s.codec_type === 'audio').map((s) => s.index) };
}

/**
 * Rewrites a segment as a complete file every segment of a recording shares the shape of (so they join
 * without re-encoding video): the VP8 video copied, and one Opus track — every microphone's track mixed,
 * each placed by its timestamps (a late start or a muted stretch is silence, not a shift), or silence when
 * nobody spoke. A segment without video gets a black picture. Cut at `maxMs` when given (where the next
 * segment takes over). False when the segment holds nothing.
 */
export async function prepareSegment(ffmpeg: string, ffprobe: string, file: string, out: string, maxMs: number | null = null): Promise<boolean> {
  const { video, audio } = await streamsWithPackets(ffprobe, file);
  if (video === null && audio.length === 0) return false;
  const args = ['-hide_banner', '-loglevel', 'error', '-i', file];
  const filters: string[] = [];
  const layout = 'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo';
  if (audio.length === 0) {
    args.push('-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo');
    filters.push(`[1:a]${layout}[aout]`);
  } else {
    audio.forEach((index, k) => filters.push(`[0:${index}]aresample=async=1:first_pts=0,${layout}[a${k}]`));
    // NOTE: summed, not averaged (amix's default divides by the number of inputs, so one voice among
    // three would be a third as loud); the limiter only keeps two people talking at once from clipping.
    filters.push(
      audio.length === 1
        ? '[a0]anull[aout]'
        : `${audio.map((_, k) => `[a${k}]`).join('')}amix=inputs=${audio.length}:duration=longest:dropout_transition=0:normalize=0,alimiter=limit=0.95:level=0[aout]`,
    );
  }
  if (video === null) {
    args.push('-f', 'lavfi', '-i', 'color=c=black:s=640x360:r=15');
    args.push('-filter_complex', filters.join(';'), '-map', '1:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '50k', '-shortest');
  } else {
    args.push('-filter_complex', filters.join(';'), '-map', `0:${video}`, '-c:v', 'copy');
    if (audio.length === 0) args.push('-shortest');
  }
  args.push('-map', '[aout]', '-c:a', 'libopus', '-b:a', '96k', '-ac', '2');
  if (maxMs !== null) args.push('-t', (Math.max(0, maxMs) / 1000).toFixed(3));
  args.push('-f', 'webm', '-y', out);
  await run(ffmpeg, args);
  return true;
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
