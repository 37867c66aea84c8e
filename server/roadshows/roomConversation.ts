/**
 * The conversation of a roadshow room: moderated Q&A with upvotes, polls, chat with moderation,
 * reactions and investors' interest. Everything lasting is in the store; pushes are filtered per
 * receiver (hosts see authors of anonymous questions and hidden ones; the audience does not).
 */
import { BadRequest, Conflict, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { HatcheryServer } from '../realtime/gateway.js';
import type { PollRecord, QuestionRecord } from '../store/roadshowTypes.js';
import type { Store } from '../store/types.js';
import type { ChatMessage, PersonRef, Poll, Question, QuestionAction, ReactionKind, RoadshowJoinResult } from '../../shared/roadshow.js';
import { RateWindow } from './rateWindow.js';
import type { RoadshowRoom } from './roadshowRoom.js';

/** How many chat messages a joiner gets. */
const CHAT_HISTORY = 100;
/** Vote-driven pushes (question votes, poll results) are coalesced to at most one per item this often. */
const VOTE_PUSH_MS = 200;

type ConversationSnapshot = Pick<
  RoadshowJoinResult,
  'interestedStartupIds' | 'questions' | 'myQuestionIds' | 'myVotes' | 'polls' | 'myPollVotes' | 'chat'
>;

export class RoomConversation {
  readonly #people = new Map<string, PersonRef>();
  readonly #limits = {
    ask: new RateWindow(3, 30_000, 'questions'),
    vote: new RateWindow(20, 10_000, 'votes'),
    chat: new RateWindow(5, 10_000, 'chat messages'),
    react: new RateWindow(10, 10_000, 'reactions'),
  };
  readonly #dirtyQuestions = new Set<string>();
  readonly #dirtyPolls = new Set<string>();
  #flushTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly room: RoadshowRoom,
    private readonly store: Store,
    private readonly io: HatcheryServer,
    private readonly muted: Set<string>,
  ) {}

  static emptySnapshot(): ConversationSnapshot {
    return { interestedStartupIds: [], questions: [], myQuestionIds: [], myVotes: [], polls: [], myPollVotes: {}, chat: [] };
  }

  isMuted(userId: string): boolean {
    return this.muted.has(userId);
  }

  /** What one admitted viewer sees of the conversation when joining. */
  async snapshot(user: { id: string; role: string }, host: boolean): Promise<ConversationSnapshot> {
    const id = this.room.id;
    // Most voted first, then oldest first (the client re-sorts by time on request).
    const all = (await this.store.roadshows.questions(id)).sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
    const visible = all.filter((q) => host || q.status === 'approved' || (q.status === 'pending' && q.authorId === user.id));
    const polls = await this.store.roadshows.polls(id);
    const myPollVotes: Record<string, string[]> = {};
    for (const p of polls) {
      const mine = (await this.store.roadshows.pollVotes(p.id)).find((v) => v.userId === user.id);
      if (mine) myPollVotes[p.id] = mine.optionIds;
    }
    return {
      questions: await Promise.all(visible.map((q) => (host ? this.#hostView(q) : this.#publicView(q)))),
      myQuestionIds: visible.filter((q) => q.authorId === user.id).map((q) => q.id),
      myVotes: await this.store.roadshows.votesBy(id, user.id),
      polls: await Promise.all(polls.map((p) => this.#pollView(p))),
      myPollVotes,
      chat: await Promise.all((await this.store.roadshows.recentChat(id, CHAT_HISTORY)).map((m) => this.#chatView(m))),
      interestedStartupIds: (await this.store.roadshows.interests(id)).filter((i) => i.investorId === user.id).map((i) => i.startupId),
    };
  }

  // ---------- Q&A ----------

  async ask(caller: Caller, text: string, anonymous: boolean): Promise<Question> {
    this.room.participant(caller);
    this.#assertNotEnded();
    this.#limits.ask.take(caller.user.id);
    const q: QuestionRecord = {
      id: newId(),
      roadshowId: this.room.id,
      itemId: this.room.currentItem?.id ?? null,
      authorId: caller.user.id,
      text,
      anonymous,
      status: this.room.moderatedQuestions && !this.room.isHost(caller.user) ? 'pending' : 'approved',
      answeredAt: null,
      pinned: false,
      votes: 0,
      createdAt: new Date().toISOString(),
    };
    await this.store.roadshows.addQuestion(q);
    if (q.status === 'approved') this.room.noteQuestion('asked', q);
    await this.#pushQuestion(q, undefined);
    return this.room.isHost(caller.user) ? this.#hostView(q) : this.#publicView(q);
  }

  async vote(caller: Caller, questionId: string, up: boolean): Promise<{ questionId: string; votes: number; voted: boolean }> {
    this.room.participant(caller);
    this.#assertNotEnded();
    const q = await this.#question(questionId);
    if (q.status !== 'approved') throw new Conflict('Only approved questions can be voted on.');
    this.#limits.vote.take(caller.user.id);
    const votes = await this.store.roadshows.vote(questionId, caller.user.id, up);
    this.#markDirty(this.#dirtyQuestions, questionId);
    return { questionId, votes, voted: up };
  }

  async moderate(caller: Caller, questionId: string, action: QuestionAction): Promise<Question> {
    this.room.assertHost(caller);
    this.room.participant(caller);
    const before = await this.#question(questionId);
    switch (action) {
      case 'approve':
        await this.store.roadshows.updateQuestion(questionId, { status: 'approved' });
        break;
      case 'hide':
        await this.store.roadshows.updateQuestion(questionId, { status: 'hidden', pinned: false });
        break;
      case 'answer':
        await this.store.roadshows.updateQuestion(questionId, { answeredAt: before.answeredAt ?? new Date().toISOString() });
        break;
      case 'unanswer':
        await this.store.roadshows.updateQuestion(questionId, { answeredAt: null });
        break;
      case 'pin': {
        if (before.status !== 'approved') throw new Conflict('Approve the question before pinning it.');
        // One pinned question at a time: the previous one is unpinned (and everyone told).
        const pinned = (await this.store.roadshows.questions(this.room.id)).filter((x) => x.pinned && x.id !== questionId);
        await this.store.roadshows.unpinAll(this.room.id);
        await this.store.roadshows.updateQuestion(questionId, { pinned: true });
        for (const p of pinned) await this.#pushQuestion({ ...p, pinned: false }, p);
        break;
      }
      case 'unpin':
        await this.store.roadshows.updateQuestion(questionId, { pinned: false });
        break;
    }
    const after = (await this.store.roadshows.question(questionId))!;
    if (action === 'approve' && before.status !== 'approved') this.room.noteQuestion('asked', after);
    if (action === 'answer' && before.answeredAt === null) this.room.noteQuestion('answered', after);
    await this.#pushQuestion(after, before);
    return this.#hostView(after);
  }

  async #question(questionId: string): Promise<QuestionRecord> {
    const q = await this.store.roadshows.question(questionId);
    if (!q || q.roadshowId !== this.room.id) throw new NotFound('No such question in this roadshow.');
    return q;
  }

  /** Hosts get the full question; others get the public view if approved, or lose it when it is not. */
  async #pushQuestion(q: QuestionRecord, before: QuestionRecord | undefined): Promise<void> {
    const { everyone, hostsRoom, id: roadshowId } = this.room;
    this.io.to(hostsRoom).emit('roadshow:question', { roadshowId, question: await this.#hostView(q) });
    const publicView = await this.#publicView(q);
    if (q.status === 'approved') {
      this.io.to(everyone).except(hostsRoom).emit('roadshow:question', { roadshowId, question: publicView });
      return;
    }
    if (before?.status === 'approved') this.io.to(everyone).except(hostsRoom).emit('roadshow:questionRemoved', { roadshowId, questionId: q.id });
    const author = this.room.socketsOf(q.authorId);
    if (author.length === 0) return;
    if (q.status === 'pending') this.io.to(author).except(hostsRoom).emit('roadshow:question', { roadshowId, question: publicView });
    else this.io.to(author).except(hostsRoom).emit('roadshow:questionRemoved', { roadshowId, questionId: q.id });
  }

  async #hostView(q: QuestionRecord): Promise<Question> {
    return { ...(await this.#publicView(q)), author: await this.#person(q.authorId) };
  }

  async #publicView(q: QuestionRecord): Promise<Question> {
    return {
      id: q.id,
      itemId: q.itemId,
      text: q.text,
      author: q.anonymous ? null : await this.#person(q.authorId),
      anonymous: q.anonymous,
      status: q.status,
      answered: q.answeredAt !== null,
      pinned: q.pinned,
      votes: q.votes,
      createdAt: q.createdAt,
    };
  }

  // ---------- polls ----------

  async createPoll(caller: Caller, body: { question: string; options: string[]; multiple: boolean; anonymous: boolean }): Promise<Poll> {
    this.room.assertHost(caller);
    this.room.participant(caller);
    this.#assertNotEnded();
    const poll: PollRecord = {
      id: newId(),
      roadshowId: this.room.id,
      itemId: this.room.currentItem?.id ?? null,
      question: body.question,
      options: body.options.map((text, i) => ({ id: `o${i + 1}`, text })),
      multiple: body.multiple,
      anonymous: body.anonymous,
      closedAt: null,
      createdBy: caller.user.id,
      createdAt: new Date().toISOString(),
    };
    await this.store.roadshows.addPoll(poll);
    const view = await this.#pollView(poll);
    this.io.to(this.room.everyone).emit('roadshow:poll', { roadshowId: this.room.id, poll: view });
    return view;
  }

  async votePoll(caller: Caller, pollId: string, optionIds: string[]): Promise<Poll> {
    this.room.participant(caller);
    this.#assertNotEnded();
    const poll = await this.#poll(pollId);
    if (poll.closedAt) throw new Conflict('This poll is closed.');
    const valid = new Set(poll.options.map((o) => o.id));
    if (new Set(optionIds).size !== optionIds.length || !optionIds.every((o) => valid.has(o))) throw new BadRequest('optionIds: not options of this poll.');
    if (!poll.multiple && optionIds.length !== 1) throw new BadRequest('optionIds: this poll takes exactly one choice.');
    this.#limits.vote.take(caller.user.id);
    if (!(await this.store.roadshows.votePoll(pollId, caller.user.id, optionIds, new Date().toISOString()))) {
      throw new Conflict('You already voted in this poll.');
    }
    this.#markDirty(this.#dirtyPolls, pollId);
    return this.#pollView(poll);
  }

  async closePoll(caller: Caller, pollId: string): Promise<Poll> {
    this.room.assertHost(caller);
    this.room.participant(caller);
    await this.#poll(pollId);
    await this.store.roadshows.closePoll(pollId, new Date().toISOString());
    const view = await this.#pollView((await this.store.roadshows.poll(pollId))!);
    this.io.to(this.room.everyone).emit('roadshow:poll', { roadshowId: this.room.id, poll: view });
    return view;
  }

  async #poll(pollId: string): Promise<PollRecord> {
    const p = await this.store.roadshows.poll(pollId);
    if (!p || p.roadshowId !== this.room.id) throw new NotFound('No such poll in this roadshow.');
    return p;
  }

  async #pollView(p: PollRecord): Promise<Poll> {
    const votes = await this.store.roadshows.pollVotes(p.id);
    const options = await Promise.all(
      p.options.map(async (o) => {
        const chose = votes.filter((v) => v.optionIds.includes(o.id));
        return {
          id: o.id,
          text: o.text,
          votes: chose.length,
          voters: p.anonymous ? [] : await Promise.all(chose.map((v) => this.#person(v.userId))),
        };
      }),
    );
    return {
      id: p.id,
      itemId: p.itemId,
      question: p.question,
      options,
      multiple: p.multiple,
      anonymous: p.anonymous,
      open: p.closedAt === null,
      voters: votes.length,
      createdAt: p.createdAt,
    };
  }

  // ---------- chat and reactions ----------

  async chat(caller: Caller, text: string): Promise<ChatMessage> {
    this.room.participant(caller);
    this.#assertNotEnded();
    if (this.muted.has(caller.user.id)) throw new Forbidden('A host has muted you in this chat.');
    this.#limits.chat.take(caller.user.id);
    const m = { id: newId(), roadshowId: this.room.id, authorId: caller.user.id, text, createdAt: new Date().toISOString() };
    await this.store.roadshows.addChat(m);
    const view = await this.#chatView(m);
    this.io.to(this.room.everyone).emit('roadshow:chat', { roadshowId: this.room.id, message: view });
    return view;
  }

  async deleteChat(caller: Caller, messageId: string): Promise<void> {
    this.room.participant(caller);
    const m = await this.store.roadshows.chatMessage(messageId);
    if (!m || m.roadshowId !== this.room.id || m.deleted) throw new NotFound('No such message.');
    if (m.authorId !== caller.user.id && !this.room.isHost(caller.user)) throw new Forbidden('Only hosts delete other people’s messages.');
    await this.store.roadshows.deleteChat(messageId, caller.user.id, new Date().toISOString());
    this.io.to(this.room.everyone).emit('roadshow:chatDeleted', { roadshowId: this.room.id, messageId });
  }

  async mute(caller: Caller, userId: string, muted: boolean): Promise<void> {
    this.room.assertHost(caller);
    this.room.participant(caller);
    const user = await this.store.users.byId(userId);
    if (!user) throw new NotFound('No such person.');
    if (this.room.isHost(user)) throw new Conflict('Hosts cannot be muted.');
    await this.store.roadshows.setMuted(this.room.id, userId, muted, caller.user.id, new Date().toISOString());
    if (muted) this.muted.add(userId);
    else this.muted.delete(userId);
    this.room.refresh([userId]);
  }

  react(caller: Caller, reaction: ReactionKind): void {
    this.room.participant(caller);
    this.#assertNotEnded();
    this.#limits.react.take(caller.user.id);
    this.io.to(this.room.everyone).emit('roadshow:reaction', { roadshowId: this.room.id, reaction });
  }

  // ---------- interest ----------

  async interested(caller: Caller, interested: boolean): Promise<{ startupId: string; interested: boolean }> {
    this.room.participant(caller);
    if (caller.user.role !== 'investor') throw new Forbidden('Only investors mark interest in a startup.');
    if (this.room.status !== 'live') throw new Conflict('Interest is marked while the roadshow is live.');
    const item = this.room.currentItem;
    if (!item || item.kind !== 'pitch' || !item.startupId) throw new Conflict('No startup is pitching right now.');
    await this.store.roadshows.setInterest(
      { roadshowId: this.room.id, startupId: item.startupId, investorId: caller.user.id, itemId: item.id, createdAt: new Date().toISOString() },
      interested,
    );
    return { startupId: item.startupId, interested };
  }

  // ---------- helpers ----------

  async #chatView(m: { id: string; authorId: string; text: string; createdAt: string }): Promise<ChatMessage> {
    return { id: m.id, author: await this.#person(m.authorId), text: m.text, createdAt: m.createdAt };
  }

  async #person(userId: string): Promise<PersonRef> {
    let p = this.#people.get(userId);
    if (!p) {
      const u = await this.store.users.byId(userId);
      p = u ? { id: u.id, name: u.name, role: u.role } : { id: userId, name: '—', role: 'founder' };
      this.#people.set(userId, p);
    }
    return p;
  }

  #assertNotEnded(): void {
    if (this.room.status === 'ended') throw new Conflict('This roadshow has ended.');
  }

  #markDirty(set: Set<string>, id: string): void {
    set.add(id);
    if (this.#flushTimer || this.#closed) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      void this.#flush().catch(() => {});
    }, VOTE_PUSH_MS);
  }

  async #flush(): Promise<void> {
    const questions = [...this.#dirtyQuestions];
    const polls = [...this.#dirtyPolls];
    this.#dirtyQuestions.clear();
    this.#dirtyPolls.clear();
    for (const id of questions) {
      const q = await this.store.roadshows.question(id);
      if (q && !this.#closed) await this.#pushQuestion(q, q);
    }
    for (const id of polls) {
      const p = await this.store.roadshows.poll(id);
      if (p && !this.#closed) this.io.to(this.room.everyone).emit('roadshow:poll', { roadshowId: this.room.id, poll: await this.#pollView(p) });
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
  }
}
