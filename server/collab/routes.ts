/** REST routes of collaboration documents (mounted under /api). See docs/collab.md. */
import { callerOf } from '../http/request.js';
import type { Request, Router } from 'express';
import { parseOr400 } from '../errors.js';
import { CreateDocVersionBody, DocName, SetDocSharesBody } from '../../shared/collab.js';
import type { CollabServer } from './collabServer.js';
import type { DocumentService } from './documents.js';


export function addDocRoutes(r: Router, { docs, collab, param }: { docs: DocumentService; collab: CollabServer; param: (req: Request, name: string) => string }): void {
  const docName = (req: Request) => parseOr400(DocName, req.params.name, 'document name');

  r.get('/docs/:name/access', async (req, res) => {
    const name = docName(req);
    const access = await collab.access(callerOf(req), name);
    res.json({ name, access: access.level, title: access.title, startupId: access.startupId });
  });
  r.get('/docs/:name/versions', async (req, res) => {
    res.json({ versions: await docs.versions(callerOf(req), docName(req)) });
  });
  r.post('/docs/:name/versions', async (req, res) => {
    const caller = callerOf(req);
    const name = docName(req);
    const body = parseOr400(CreateDocVersionBody, req.body);
    res.status(201).json({ version: await docs.createVersion(caller, name, body.name) });
  });
  r.get('/docs/:name/versions/:id/update', async (req, res) => {
    const data = await docs.versionData(callerOf(req), docName(req), param(req, 'id'));
    res.type('application/octet-stream').send(Buffer.from(data));
  });
  r.post('/docs/:name/versions/:id/restore', async (req, res) => {
    await docs.restore(callerOf(req), docName(req), param(req, 'id'));
    res.json({ ok: true });
  });
  r.get('/docs/:name/shares', async (req, res) => {
    res.json(await docs.shares(callerOf(req), docName(req)));
  });
  r.put('/docs/:name/shares', async (req, res) => {
    const caller = callerOf(req);
    const name = docName(req);
    const body = parseOr400(SetDocSharesBody, req.body);
    res.json(await docs.setShares(caller, name, body.investorIds));
  });
}
