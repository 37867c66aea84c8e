/**
 * Named versions over REST (docs/collab.md "REST"): editors save, readers list and preview, editors
 * restore — as a new update that every connected client converges to without reconnecting.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { put } from '../helpers/roadshow.js';
import { CollabKit, addParagraph, addThread, docFromUpdate, getBytes, paragraphs, token, waitConverged, type Who } from '../helpers/collab.js';
import { DocVersion } from '../../shared/collab.js';

let srv: TestServer;
let kit: CollabKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await CollabKit.create(srv.url);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

async function session(who: Who) {
  return (await kit.person(who)).session;
}

async function saveVersion(who: Who, name: string, label: string) {
  return (await session(who)).post(`/api/docs/${name}/versions`, { name: label });
}

describe('collab versions', () => {
  it('editors save; commenters, readers and outsiders may not', async () => {
    const name = `pitch:${kit.agriId}`; // Lina's startup: a document of its own for this test
    const lina = await kit.synced('lina', name);
    addParagraph(lina.doc, 'agri v1');
    await lina.roundTrip();

    const saved = await saveVersion('lina', name, 'First draft');
    expect(saved.status, saved.text).toBe(201);
    const version = DocVersion.parse(saved.json.version);
    expect(version).toMatchObject({ name: 'First draft', createdBy: { id: (await kit.person('lina')).id } });
    expect(version.size).toBeGreaterThan(0);

    const hannah = await kit.person('hannah');
    expect((await put(await session('lina'), `/api/docs/${name}/shares`, { investorIds: [hannah.id] })).status).toBe(200);
    for (const who of ['daniel', 'ops', 'hannah', 'chen', 'zhao'] as const) {
      const res = await saveVersion(who, name, `by ${who}`);
      expect(res.status, `${who} POST versions: ${res.text}`).toBe(403);
    }
    // Readers (commenters, shared investors) list and preview; outsiders may not.
    for (const who of ['daniel', 'ops', 'hannah'] as const) {
      const list = await (await session(who)).get(`/api/docs/${name}/versions`);
      expect(list.status, `${who} GET versions`).toBe(200);
      expect(list.json.versions.map((v: { name: string }) => v.name)).toEqual(['First draft']);
      expect((await getBytes(await session(who), `/api/docs/${name}/versions/${version.id}/update`)).status).toBe(200);
    }
    for (const who of ['chen', 'zhao'] as const) {
      expect((await (await session(who)).get(`/api/docs/${name}/versions`)).status, `${who} GET versions`).toBe(403);
      expect((await getBytes(await session(who), `/api/docs/${name}/versions/${version.id}/update`)).status).toBe(403);
    }
    // Commenters and readers cannot restore either.
    for (const who of ['daniel', 'hannah'] as const) {
      expect((await (await session(who)).post(`/api/docs/${name}/versions/${version.id}/restore`)).status, `${who} restore`).toBe(403);
    }
    // Bad bodies and unknown versions.
    expect((await (await session('lina')).post(`/api/docs/${name}/versions`, { name: '' })).status).toBe(400);
    expect((await (await session('lina')).post(`/api/docs/${name}/versions`, { name: 'x', extra: 1 })).status).toBe(400);
    expect((await getBytes(await session('lina'), `/api/docs/${name}/versions/no-such-version/update`)).status).toBe(404);
    expect((await (await session('lina')).post(`/api/docs/${name}/versions/no-such-version/restore`)).status).toBe(404);
    // A version of one document is not reachable through another document's name.
    expect((await getBytes(await session('chen'), `/api/docs/${kit.pitch}/versions/${version.id}/update`)).status).toBe(404);
    await put(await session('lina'), `/api/docs/${name}/shares`, { investorIds: [] });
  });

  it('lists newest first; the preview equals the content at save time; restore converges every connected client', async () => {
    const name = kit.pitch;
    const chen = await kit.synced('chen', name);
    const sofia = await kit.synced('sofia', name);
    const daniel = await kit.synced('daniel', name);
    const danielPerson = await kit.person('daniel');

    // Content at v1: two paragraphs and a comment.
    const v1Tokens = [token('v1a'), token('v1b')];
    for (const t of v1Tokens) addParagraph(chen.doc, t);
    const v1Thread = token('v1-thread');
    addThread(daniel.doc, v1Thread, 'on v1', danielPerson);
    await waitConverged([chen, sofia, daniel], 'v1 content everywhere');
    const v1Paragraphs = paragraphs(chen.doc);
    const v1Content = chen.content.toString();

    const r1 = await saveVersion('chen', name, 'Before the investor call');
    expect(r1.status, r1.text).toBe(201);
    const v1 = DocVersion.parse(r1.json.version);

    // Edit more, save v2.
    const v2Token = token('v2');
    addParagraph(sofia.doc, v2Token);
    await waitFor(() => paragraphs(chen.doc).includes(v2Token), { what: 'v2 edit' });
    await sofia.roundTrip();
    const r2 = await saveVersion('sofia', name, 'After the call');
    expect(r2.status).toBe(201);
    const v2 = DocVersion.parse(r2.json.version);

    const list = await (await session('daniel')).get(`/api/docs/${name}/versions`);
    expect(list.status).toBe(200);
    const versions = (list.json.versions as unknown[]).map((v) => DocVersion.parse(v));
    expect(versions.map((v) => v.id).slice(0, 2)).toEqual([v2.id, v1.id]);
    expect(versions[0]!.createdBy.id).toBe((await kit.person('sofia')).id);
    expect(Date.parse(versions[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(versions[1]!.createdAt));

    // Preview: the bytes are a Yjs update of the whole state at save time.
    const preview = await getBytes(await session('daniel'), `/api/docs/${name}/versions/${v1.id}/update`);
    expect(preview.status).toBe(200);
    expect(preview.contentType).toContain('application/octet-stream');
    expect(preview.bytes.length).toBe(v1.size);
    const scratch = docFromUpdate(preview.bytes);
    expect(paragraphs(scratch)).toEqual(v1Paragraphs);
    expect(scratch.getXmlFragment('content').toString()).toBe(v1Content);
    expect(Object.keys(scratch.getMap('comments').toJSON())).toEqual([v1Thread]);
    // Previewing changes nothing live.
    expect(paragraphs(chen.doc)).toContain(v2Token);

    // More edits after v2.
    const later = token('later');
    addParagraph(chen.doc, later);
    const laterThread = token('later-thread');
    addThread(daniel.doc, laterThread, 'after v1', danielPerson);
    await waitConverged([chen, sofia, daniel], 'later edits everywhere');
    const connectsBefore = [chen.connects, sofia.connects, daniel.connects];
    const svBefore = Y.decodeStateVector(Y.encodeStateVector(chen.doc));

    // Restore v1: every connected client converges to v1's content, without reconnecting.
    const restored = await (await session('chen')).post(`/api/docs/${name}/versions/${v1.id}/restore`);
    expect(restored.status, restored.text).toBe(200);
    const view = await waitConverged([chen, sofia, daniel], 'restored everywhere');
    for (const c of [chen, sofia, daniel]) {
      expect(paragraphs(c.doc), c.label).toEqual(v1Paragraphs);
      expect(c.content.toString()).toBe(v1Content);
    }
    // The discussion is kept: a restore brings back the text, not the comments of that time.
    expect(Object.keys(view.comments as object).sort()).toEqual([v1Thread, laterThread].sort());
    expect([chen.connects, sofia.connects, daniel.connects]).toEqual(connectsBefore);
    for (const c of [chen, sofia, daniel]) expect(c.closes, c.label).toEqual([]);
    // Nothing was rewound: the restore is a new change on top (every client's clock only grew, and grew in total).
    const svAfter = Y.decodeStateVector(Y.encodeStateVector(chen.doc));
    for (const [client, clock] of svBefore) expect(svAfter.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
    const total = (sv: Map<number, number>) => [...sv.values()].reduce((a, b) => a + b, 0);
    expect(total(svAfter)).toBeGreaterThan(total(svBefore));

    // Clients keep editing on top of the restored document.
    const afterRestore = token('after-restore');
    addParagraph(sofia.doc, afterRestore);
    await waitFor(() => paragraphs(chen.doc).at(-1) === afterRestore, { what: 'edit on top of the restore' });

    // A later join sees the restored content (plus the edit on top).
    const late = await kit.view('ops', name);
    expect(late.paragraphs).toEqual([...v1Paragraphs, afterRestore]);
    expect(Object.keys(late.view.comments as object).sort()).toEqual([v1Thread, laterThread].sort());

    // And v2 can be restored back (restoring is repeatable).
    expect((await (await session('sofia')).post(`/api/docs/${name}/versions/${v2.id}/restore`)).status).toBe(200);
    await waitFor(() => paragraphs(daniel.doc).includes(v2Token) && !paragraphs(daniel.doc).includes(afterRestore), { what: 'v2 restored' });
    await waitConverged([chen, sofia, daniel], 'v2 restored everywhere');
  });

  it('restoring a document nobody has open loads it, applies the version and stores it', async () => {
    const name = kit.board;
    const chen = await kit.synced('chen', name);
    chen.doc.getMap('notes').set('keep', 'v1 note');
    await chen.roundTrip();
    const v = DocVersion.parse((await saveVersion('chen', name, 'board v1')).json.version);
    chen.doc.getMap('notes').set('extra', 'after v1');
    await chen.roundTrip();
    chen.destroy();
    await waitFor(() => !srv.hatchery.collab.isLoaded(name), { what: 'board unloaded', timeoutMs: 3000 });

    expect((await (await session('sofia')).post(`/api/docs/${name}/versions/${v.id}/restore`)).status).toBe(200);
    const fresh = await kit.view('ops', name);
    expect(fresh.view.notes).toEqual({ keep: 'v1 note' });
  });
});
