/** REST routes of the replay library (mounted under /api): every file request checks who may watch. */
import { callerOf } from '../http/request.js';
import { createReadStream, statSync } from 'node:fs';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { Conflict, parseOr400 } from '../errors.js';
import { RecordingAccessBody, RecordingInterestBody, RecordingsQuery, WatchReportBody } from '../../shared/recordings.js';
import type { RecordingLibrary } from './library.js';
import type { RecordingService } from './service.js';


/** Parses one `bytes=` range against `size`: [start, end] inclusive, 'unsatisfiable', or null for none/ignored. */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // multiple or malformed ranges: send the whole file
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}

function sendFile(req: Request, res: Response, file: string, type: string): void {
  const size = statSync(file).size;
  res.set({ 'Accept-Ranges': 'bytes', 'Content-Type': type, 'Cache-Control': 'private, no-store' });
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.status(416).set('Content-Range', `bytes */${size}`).end();
    return;
  }
  const [start, end] = range ?? [0, size - 1];
  res.status(range ? 206 : 200).set('Content-Length', String(end - start + 1));
  if (range) res.set('Content-Range', `bytes ${start}-${end}/${size}`);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function addRecordingRoutes(
  r: Router,
  { library, jobs, param }: { library: RecordingLibrary; jobs: Pick<RecordingService, 'reprocess'>; param: (req: Request, name: string) => string },
): void {
  r.get('/recordings', async (req, res) => {
    const caller = callerOf(req);
    res.json(await library.list(caller, parseOr400(RecordingsQuery, req.query, 'query')));
  });
  r.get('/recordings/:id', async (req, res) => {
    res.json({ recording: await library.detail(callerOf(req), param(req, 'id')) });
  });
  r.get('/recordings/:id/video', async (req, res) => {
    const rec = await library.watchable(callerOf(req), param(req, 'id'));
    if (!rec.file) throw new Conflict('This recording is not ready yet.');
    sendFile(req, res, rec.file, 'video/webm');
  });
  r.get('/recordings/:id/chapters/:index/thumbnail', async (req, res) => {
    const index = parseOr400(z.coerce.number().int().min(0).max(1000), req.params.index, 'chapter index');
    sendFile(req, res, await library.thumbnailFile(callerOf(req), param(req, 'id'), index), 'image/jpeg');
  });
  r.get('/recordings/:id/questions', async (req, res) => {
    res.json({ questions: await library.questions(callerOf(req), param(req, 'id')) });
  });
  r.put('/recordings/:id/access', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(RecordingAccessBody, req.body);
    res.json({ recording: await library.setAccess(caller, param(req, 'id'), body.investorIds) });
  });
  r.post('/recordings/:id/watch', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(WatchReportBody, req.body);
    await library.reportWatch(caller, param(req, 'id'), body.segments);
    res.json({ ok: true });
  });
  r.post('/recordings/:id/interest', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(RecordingInterestBody, req.body);
    res.json(await library.interest(caller, param(req, 'id'), body));
  });
  r.post('/recordings/:id/reprocess', async (req, res) => {
    const caller = callerOf(req);
    await jobs.reprocess(caller, param(req, 'id'));
    res.status(202).json({ recording: await library.detail(caller, param(req, 'id')) });
  });
  r.get('/recordings/:id/analytics', async (req, res) => {
    res.json(await library.analytics(callerOf(req), param(req, 'id')));
  });
}
