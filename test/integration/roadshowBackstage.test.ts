/** Who is on stage and may publish media: backstage rehearsal, live current presenters, promoted guests, ended. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import type { MediaTransportResult } from '../../shared/media.js';
import type { RoomMe } from '../../shared/roadshow.js';

let srv: TestServer;
let kit: RoadshowKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await RoadshowKit.create(srv);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

describe('backstage and live media permissions', () => {
  it('backstage: hosts and all presenters rehearse; the audience cannot join media until live', async () => {
    const { roadshow, items } = await kit.createRoadshow();
    const id = roadshow.id;
    await kit.advance(id, 'backstage');

    const { c: host, join: hostJoin } = await kit.enter('ops', id);
    expect(hostJoin.me).toMatchObject({ stageRole: 'host', canPublish: true, admission: 'admitted' });
    const { c: chen, join: chenJoin } = await kit.enter('chen', id);
    expect(chenJoin.me).toMatchObject({ stageRole: 'presenter', canPublish: true });
    const { c: lina, join: linaJoin } = await kit.enter('lina', id);
    expect(linaJoin.me).toMatchObject({ stageRole: 'presenter', canPublish: true }); // presenter of a later item
    const { c: hannah, join: hannahJoin } = await kit.enter('hannah', id);
    expect(hannahJoin.me).toMatchObject({ stageRole: 'audience', canPublish: false });
    expect(hannahJoin.canHost).toBe(false);

    for (const c of [host, chen, lina]) {
      const r = await c.mediaJoin(id);
      expect(r.ok, c.person.who).toBe(true);
      expect(r.ok && r.data.canPublish, c.person.who).toBe(true);
    }
    const early = await hannah.mediaJoin(id);
    expect(!early.ok && early.error.reason).toBe('forbidden');
    const access = await (await kit.person('hannah')).session.get(`/api/media/access?roomId=roadshow:${id}`);
    expect(access.json).toMatchObject({ canJoin: false, canPublish: false });

    // Live: everyone admitted may join; only the current item's presenters (and hosts) publish.
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'live' });
    await hannah.waitState(id, (s) => s.status === 'live');
    const viewer = await hannah.mediaJoin(id);
    expect(viewer.ok).toBe(true);
    expect(viewer.ok && viewer.data.canPublish).toBe(false);
    const { c: sofia, join: sofiaJoin } = await kit.enter('sofia', id);
    expect(sofiaJoin.me).toMatchObject({ stageRole: 'presenter', canPublish: true });
    const sofiaMedia = await sofia.mediaJoin(id);
    expect(sofiaMedia.ok && sofiaMedia.data.canPublish).toBe(true);
    // Lina presents the third item: off stage now, and the media layer is told.
    await lina.waitPermission(id, false);
    await lina.waitMe(id, (m) => !m.canPublish && m.stageRole === 'audience', 'off stage while not current');
    expect(chen.lastPermission(id)).not.toBe(false);

    // Next → the break: Tidewater leaves the stage.
    await host.ok('roadshow:timer', { roadshowId: id, action: 'next' });
    await chen.waitPermission(id, false);
    await sofia.waitPermission(id, false);
    await chen.waitMe(id, (m) => !m.canPublish, 'chen off stage at the break');
    // Next → AgriSense: Lina is on.
    await host.ok('roadshow:timer', { roadshowId: id, action: 'next' });
    await lina.waitPermission(id, true);
    await lina.waitMe(id, (m) => m.canPublish && m.stageRole === 'presenter', 'lina on stage');
    expect(chen.lastPermission(id)).toBe(false);
    const send = await lina.ok<MediaTransportResult>('media:createTransport', { roomId: `roadshow:${id}`, direction: 'send' });
    expect(send.id).toBeTruthy();
    const chenSend = await chen.refused('media:createTransport', { roomId: `roadshow:${id}`, direction: 'send' });
    expect(chenSend.reason).toBe('forbidden');
    expect(host.lastState(id)?.currentItemId).toBe(items.agri);
  });

  it('calling off the rehearsal (backstage → scheduled) closes the media room: no media while scheduled', async () => {
    const { roadshow } = await kit.createRoadshow();
    const id = roadshow.id;
    await kit.advance(id, 'backstage');
    const { c: host } = await kit.enter('ops', id);
    const { c: chen } = await kit.enter('chen', id);
    expect((await chen.mediaJoin(id)).ok).toBe(true);
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'scheduled' });
    await waitFor(() => chen.roomClosed.some((r) => r.roomId === `roadshow:${id}`), { what: 'media:roomClosed to the presenter' });
    await chen.waitMe(id, (m) => !m.canPublish, 'no publishing while scheduled');
    for (const c of [host, chen]) {
      const r = await c.mediaJoin(id);
      expect(r.ok, c.person.who).toBe(false);
    }
  });

  it('ended: the media room closes and nobody can join it again', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    expect((await host.mediaJoin(id)).ok).toBe(true);
    expect((await hannah.mediaJoin(id)).ok).toBe(true);
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'ended' });
    await waitFor(() => hannah.roomClosed.some((r) => r.roomId === `roadshow:${id}`), { what: 'media:roomClosed to the viewer' });
    await waitFor(() => srv.hatchery.media.existingRoom(`roadshow:${id}`) === undefined, { what: 'media room gone' });
    for (const c of [host, hannah]) {
      const r = await c.mediaJoin(id);
      expect(r.ok, c.person.who).toBe(false);
    }
    const { join } = await kit.enter('chen', id);
    expect(join.me.canPublish).toBe(false);
  });
});

describe('raising hands and promoting guests', () => {
  it('a host sees a raised hand, promotes the person to guest (they may publish), then sends them back', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    expect((await host.mediaJoin(id)).ok).toBe(true);
    const hm = await hannah.mediaJoin(id);
    expect(hm.ok && hm.data.canPublish).toBe(false);

    const raised = await hannah.ok<RoomMe>('roadshow:raiseHand', { roadshowId: id, raised: true });
    expect(raised).toMatchObject({ handRaised: true, stageRole: 'audience', canPublish: false });
    const seen = await host.waitAttendee(id, hannah.id, (a) => a.handRaised, 'hannah’s hand');
    expect(seen.handRaisedAt).not.toBeNull();
    expect(Number.isNaN(Date.parse(seen.handRaisedAt!))).toBe(false);

    await host.ok('roadshow:setStage', { roadshowId: id, userId: hannah.id, onStage: true });
    const promoted = await hannah.waitMe(id, (m) => m.stageRole === 'guest', 'promoted');
    expect(promoted).toMatchObject({ canPublish: true, handRaised: false });
    await hannah.waitPermission(id, true);
    await host.waitAttendee(id, hannah.id, (a) => a.stageRole === 'guest' && !a.handRaised, 'hannah as guest');
    const send = await hannah.ok<MediaTransportResult>('media:createTransport', { roomId: `roadshow:${id}`, direction: 'send' });
    expect(send.id).toBeTruthy();

    await host.ok('roadshow:setStage', { roadshowId: id, userId: hannah.id, onStage: false });
    const demoted = await hannah.waitMe(id, (m) => m.stageRole === 'audience', 'demoted');
    expect(demoted.canPublish).toBe(false);
    await hannah.waitPermission(id, false);
    expect((await hannah.refused('media:createTransport', { roomId: `roadshow:${id}`, direction: 'send' })).reason).toBe('forbidden');
  });

  it('a hand can be lowered; only the audience raises hands', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const { c: chen } = await kit.enter('chen', id);
    await zhao.ok('roadshow:raiseHand', { roadshowId: id, raised: true });
    await host.waitAttendee(id, zhao.id, (a) => a.handRaised, 'raised');
    const lowered = await zhao.ok<RoomMe>('roadshow:raiseHand', { roadshowId: id, raised: false });
    expect(lowered.handRaised).toBe(false);
    await host.waitAttendee(id, zhao.id, (a) => !a.handRaised && a.handRaisedAt === null, 'lowered');
    // A presenter on stage and a host have nothing to raise a hand for.
    await chen.refused('roadshow:raiseHand', { roadshowId: id, raised: true });
    await host.refused('roadshow:raiseHand', { roadshowId: id, raised: true });
  });

  it('only hosts promote; moving to the next item sends guests back to the audience', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: chen } = await kit.enter('chen', id);
    const { c: zhao } = await kit.enter('zhao', id);
    expect((await hannah.mediaJoin(id)).ok).toBe(true);

    for (const c of [chen, zhao, hannah]) {
      const err = await c.refused('roadshow:setStage', { roadshowId: id, userId: hannah.id, onStage: true });
      expect(err.reason, c.person.who).toBe('forbidden');
    }
    expect(hannah.lastMe(id)?.stageRole ?? 'audience').toBe('audience');
    // Someone who is not in the room cannot be promoted.
    const marcus = await kit.person('marcus');
    await host.refused('roadshow:setStage', { roadshowId: id, userId: marcus.id, onStage: true });

    await host.ok('roadshow:setStage', { roadshowId: id, userId: hannah.id, onStage: true });
    await hannah.waitMe(id, (m) => m.stageRole === 'guest' && m.canPublish, 'promoted');
    await hannah.waitPermission(id, true);
    await host.ok('roadshow:timer', { roadshowId: id, action: 'next' });
    await hannah.waitMe(id, (m) => m.stageRole === 'audience' && !m.canPublish, 'back in the audience after next');
    await hannah.waitPermission(id, false);
  });
});
