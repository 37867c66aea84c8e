/** The room's chat (delete, mute, flood limit), live polls and reactions. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import type { ChatMessage, Poll, RoomMe } from '../../shared/roadshow.js';

let srv: TestServer;
let kit: RoadshowKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await RoadshowKit.create(srv);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

describe('chat', () => {
  it('a message reaches everyone in the room and comes with the next join', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: chen } = await kit.enter('chen', id);
    const sent = await hannah.ok<ChatMessage>('roadshow:chat', { roadshowId: id, text: ' Hello everyone 👋 ' });
    expect(sent).toMatchObject({ text: 'Hello everyone 👋', author: { id: hannah.id, role: 'investor' } });
    for (const c of [host, chen]) {
      await waitFor(() => c.chat.find((m) => m.id === sent.id), { what: `${c.person.who} got the chat` });
    }
    await chen.ok('roadshow:chat', { roadshowId: id, text: 'Thanks for coming' });
    const { join } = await kit.enter('zhao', id);
    expect(join.chat.map((m) => m.text)).toEqual(['Hello everyone 👋', 'Thanks for coming']);
    expect((await hannah.refused('roadshow:chat', { roadshowId: id, text: 'y'.repeat(501) })).reason).toBe('bad_request');
    expect((await hannah.refused('roadshow:chat', { roadshowId: id, text: '' })).reason).toBe('bad_request');
  });

  it('hosts delete any message, authors their own, nobody else’s; deletion is pushed to all', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const m1 = await hannah.ok<ChatMessage>('roadshow:chat', { roadshowId: id, text: 'spam spam' });
    const m2 = await zhao.ok<ChatMessage>('roadshow:chat', { roadshowId: id, text: 'oops, typo' });

    expect((await zhao.refused('roadshow:deleteChat', { roadshowId: id, messageId: m1.id })).reason).toBe('forbidden');
    await host.ok('roadshow:deleteChat', { roadshowId: id, messageId: m1.id });
    for (const c of [hannah, zhao]) {
      await waitFor(() => c.chatDeleted.includes(m1.id), { what: `${c.person.who} got chatDeleted` });
    }
    await zhao.ok('roadshow:deleteChat', { roadshowId: id, messageId: m2.id });
    await waitFor(() => hannah.chatDeleted.includes(m2.id), { what: 'own delete pushed' });
    expect((await hannah.join(id)).chat).toEqual([]);
  });

  it('a muted person’s messages are refused until unmuted; only hosts mute', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const { c: hannah } = await kit.enter('hannah', id);
    expect((await hannah.refused('roadshow:muteChat', { roadshowId: id, userId: zhao.id, muted: true })).reason).toBe('forbidden');

    await host.ok('roadshow:muteChat', { roadshowId: id, userId: zhao.id, muted: true });
    await zhao.waitMe(id, (m: RoomMe) => m.chatMuted, 'muted');
    await host.waitAttendee(id, zhao.id, (a) => a.chatMuted, 'zhao muted');
    expect((await zhao.refused('roadshow:chat', { roadshowId: id, text: 'can you hear me' })).reason).toBe('forbidden');
    expect(hannah.chat).toHaveLength(0);
    // Muting is kept for the event: a new tab is muted too.
    const { c: zhao2, join } = await kit.enter('zhao', id);
    expect(join.me.chatMuted).toBe(true);
    expect((await zhao2.refused('roadshow:chat', { roadshowId: id, text: 'other tab' })).reason).toBe('forbidden');

    await host.ok('roadshow:muteChat', { roadshowId: id, userId: zhao.id, muted: false });
    await zhao.waitMe(id, (m) => !m.chatMuted, 'unmuted');
    const back = await zhao.ok<ChatMessage>('roadshow:chat', { roadshowId: id, text: 'back again' });
    await waitFor(() => hannah.chat.some((m) => m.id === back.id), { what: 'unmuted message arrives' });
  });

  it('chat is limited to 5 messages per 10 s per person', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: zhao } = await kit.enter('zhao', id);
    for (let i = 0; i < 5; i++) await hannah.ok('roadshow:chat', { roadshowId: id, text: `msg ${i}` });
    const err = await hannah.refused('roadshow:chat', { roadshowId: id, text: 'msg 5' });
    expect(err.reason).toBe('too_many_requests');
    expect(err.retryAfter).toBeGreaterThanOrEqual(1); // says when to try again
    expect(err.message).toContain(`${err.retryAfter} s`);
    const ok = await zhao.ok<ChatMessage>('roadshow:chat', { roadshowId: id, text: 'I can still talk' });
    await waitFor(() => hannah.chat.some((m) => m.id === ok.id), { what: 'zhao’s message delivered' });
    await waitFor(() => zhao.chat.filter((m) => m.author.id === hannah.id).length === 5, { what: 'hannah’s five delivered' });
    expect(zhao.chat.map((m) => m.text)).not.toContain('msg 5');
  });
});

describe('polls', () => {
  it('hosts launch a poll; votes push live results; one vote per person; closing stops voting', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const { c: chen } = await kit.enter('chen', id);

    expect((await hannah.refused('roadshow:createPoll', { roadshowId: id, question: 'Mine?', options: ['a', 'b'] })).reason).toBe('forbidden');
    const poll = await host.ok<Poll>('roadshow:createPoll', { roadshowId: id, question: 'Would you invest?', options: ['Yes', 'No', 'Maybe'] });
    expect(poll).toMatchObject({ question: 'Would you invest?', multiple: false, anonymous: true, open: true, voters: 0 });
    expect(poll.options.map((o) => [o.text, o.votes])).toEqual([
      ['Yes', 0],
      ['No', 0],
      ['Maybe', 0],
    ]);
    const [yes, no, maybe] = poll.options.map((o) => o.id) as [string, string, string];
    for (const c of [hannah, zhao, chen]) await c.waitPoll(poll.id);

    const afterHannah = await hannah.ok<Poll>('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [yes] });
    expect(afterHannah.voters).toBe(1);
    await zhao.waitPoll(poll.id, (p) => p.voters === 1 && p.options[0]!.votes === 1, 'first vote pushed');
    await zhao.ok('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [maybe] });
    const both = await hannah.waitPoll(poll.id, (p) => p.voters === 2, 'second vote pushed');
    expect(both.options.map((o) => o.votes)).toEqual([1, 0, 1]);
    // Anonymous: no voter lists.
    expect(both.options.every((o) => o.voters.length === 0)).toBe(true);

    expect((await hannah.refused('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [no] })).reason).toBe('conflict');
    expect((await chen.refused('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [yes, no] })).reason).toBe('bad_request');

    const closed = await host.ok<Poll>('roadshow:closePoll', { roadshowId: id, pollId: poll.id });
    expect(closed.open).toBe(false);
    await chen.waitPoll(poll.id, (p) => !p.open, 'closed pushed');
    expect((await chen.call('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [no] })).ok).toBe(false);
    expect((await hannah.refused('roadshow:closePoll', { roadshowId: id, pollId: poll.id })).reason).toBe('forbidden');

    // Stored with the event: a fresh join has the poll, its results and my choice.
    const { join } = await kit.enter('hannah', id);
    const stored = join.polls.find((p) => p.id === poll.id)!;
    expect(stored).toMatchObject({ open: false, voters: 2 });
    expect(stored.options.map((o) => o.votes)).toEqual([1, 0, 1]);
    expect(join.myPollVotes[poll.id]).toEqual([yes]);
  });

  it('a named poll lists voters per option; multiple choice takes several options', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const poll = await host.ok<Poll>('roadshow:createPoll', {
      roadshowId: id,
      question: 'Which sessions next week?',
      options: ['Pricing', 'Hiring', 'Legal'],
      multiple: true,
      anonymous: false,
    });
    const [pricing, hiring, legal] = poll.options.map((o) => o.id) as [string, string, string];
    await hannah.ok('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [pricing, hiring] });
    await zhao.ok('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [hiring] });
    const p = await host.waitPoll(poll.id, (x) => x.voters === 2, 'two voters');
    const byId = new Map(p.options.map((o) => [o.id, o]));
    expect(byId.get(pricing)!.voters.map((v) => v.id)).toEqual([hannah.id]);
    expect(byId.get(hiring)!.voters.map((v) => v.id).sort()).toEqual([hannah.id, zhao.id].sort());
    expect(byId.get(legal)!.voters).toEqual([]);
    expect(byId.get(hiring)!.votes).toBe(2);
  });

  it('option counts are checked: 2 to 6', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    for (const options of [['only one'], ['1', '2', '3', '4', '5', '6', '7']]) {
      const err = await host.refused('roadshow:createPoll', { roadshowId: id, question: 'Bad', options });
      expect(err.reason).toBe('bad_request');
      expect(err.issues?.[0]?.path).toBe('options');
    }
  });
});

describe('reactions', () => {
  it('a reaction bursts to everyone in the room; 10 per 10 s per person', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: zhao } = await kit.enter('zhao', id);
    await hannah.ok('roadshow:react', { roadshowId: id, reaction: 'clap' });
    for (const c of [host, zhao]) await waitFor(() => c.reactions.includes('clap'), { what: `${c.person.who} got the clap` });
    expect((await hannah.refused('roadshow:react', { roadshowId: id, reaction: 'thumbsdown' })).reason).toBe('bad_request');

    for (let i = 0; i < 10; i++) await zhao.ok('roadshow:react', { roadshowId: id, reaction: 'rocket' });
    expect((await zhao.refused('roadshow:react', { roadshowId: id, reaction: 'rocket' })).reason).toBe('too_many_requests');
    await waitFor(() => host.reactions.filter((r) => r === 'rocket').length === 10, { what: 'ten rockets' });
    // Hannah has her own budget.
    await hannah.ok('roadshow:react', { roadshowId: id, reaction: 'fire' });
  });
});

describe('after the event', () => {
  it('chat and polls stay readable but nothing can be posted', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    await hannah.ok('roadshow:chat', { roadshowId: id, text: 'Great event' });
    const poll = await host.ok<Poll>('roadshow:createPoll', { roadshowId: id, question: 'Rate it', options: ['Good', 'Great'] });
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'ended' });
    await hannah.waitState(id, (s) => s.status === 'ended');
    expect((await hannah.call('roadshow:chat', { roadshowId: id, text: 'Still here?' })).ok).toBe(false);
    expect((await hannah.call('roadshow:react', { roadshowId: id, reaction: 'heart' })).ok).toBe(false);
    expect((await hannah.call('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [poll.options[0]!.id] })).ok).toBe(false);
    expect((await host.call('roadshow:createPoll', { roadshowId: id, question: 'Late', options: ['a', 'b'] })).ok).toBe(false);
    const join = await hannah.join(id);
    expect(join.chat.map((m) => m.text)).toEqual(['Great event']);
    expect(join.polls.map((p) => p.id)).toEqual([poll.id]);
  });
});
