/**
 * The roadshows domain's live side: a registry of RoadshowRooms (get-or-create serialized per id),
 * the Socket.IO handlers for every `roadshow:*` event, and the media policy for `roadshow:<id>` rooms.
 * Every handler authorizes: the socket must have joined the room, and host actions need a host.
 */
import type { Logger } from 'pino';
import { Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import type { ScheduleService } from '../lobby/schedule.js';
import type { MediaService, RoomPolicy } from '../media/mediaService.js';
import type { Gateway, HatcherySocket } from '../realtime/gateway.js';
import type { Store } from '../store/types.js';
import type { RoadshowStatus } from '../../shared/schemas.js';
import type { LiveState } from '../../shared/roadshow.js';
import { RoadshowRoom } from './roadshowRoom.js';
import type { RoadshowService } from './roadshowService.js';
import type { RecordingService } from '../recordings/service.js';

export interface RoadshowRoomsDeps {
  store: Store;
  service: RoadshowService;
  schedule: ScheduleService;
  media: MediaService;
  gateway: Gateway;
  log: Logger;
  idleMs: number;
  recordings: RecordingService;
}

export class RoadshowRooms {
  readonly #rooms = new Map<string, RoadshowRoom>();
  readonly #loading = new Map<string, Promise<RoadshowRoom | null>>();
  /** Roadshow ids each socket has joined, for cleanup on disconnect. */
  readonly #socketRooms = new Map<string, Set<string>>();
  #closed = false;

  constructor(private readonly deps: RoadshowRoomsDeps) {
    deps.service.on('changed', (id) => {
      this.#rooms.get(id)?.reload().catch((err: unknown) => deps.log.warn({ err, roadshowId: id }, 'reload() | failed'));
    });
    deps.media.registerPolicy('roadshow', this.mediaPolicy);
    deps.recordings.on('state', (e) => this.#rooms.get(e.roadshowId)?.onRecordingState(e));
    this.#wire();
  }

  /** The live room of a roadshow, loaded on first use (serialized per id); 404 when there is none. */
  async room(id: string): Promise<RoadshowRoom> {
    if (this.#closed) throw new Forbidden('The server is shutting down.');
    const open = this.#rooms.get(id);
    if (open && !open.closed) return open;
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = RoadshowRoom.create(id, {
        store: this.deps.store,
        service: this.deps.service,
        schedule: this.deps.schedule,
        media: this.deps.media,
        io: this.deps.gateway.io,
        log: this.deps.log,
        idleMs: this.deps.idleMs,
        recordings: this.deps.recordings,
      })
        .then((room) => {
          if (room) {
            this.#rooms.set(id, room);
            room.once('closed', () => {
              if (this.#rooms.get(id) === room) this.#rooms.delete(id);
            });
          }
          return room;
        })
        .finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    const room = await loading;
    if (!room) throw new NotFound('Roadshow not found.');
    return room;
  }

  /** Rooms in memory now (for tests and metrics). */
  get size(): number {
    return this.#rooms.size;
  }

  /** REST entry for state changes (same rules as the socket event). */
  async setStatus(caller: Caller, id: string, status: RoadshowStatus): Promise<LiveState> {
    return (await this.room(id)).setStatus(caller, status);
  }

  readonly mediaPolicy: RoomPolicy = async (caller, id) => {
    try {
      return (await this.room(id)).mediaAccess(caller.user);
    } catch (err) {
      if (err instanceof NotFound) return null;
      throw err;
    }
  };

  /** The room a socket has joined; 404 when there is no such roadshow, 403 when the socket has not joined. */
  async #joined(socket: HatcherySocket, roadshowId: string): Promise<RoadshowRoom> {
    const room = this.#rooms.get(roadshowId);
    if (room && !room.closed && this.#socketRooms.get(socket.id)?.has(roadshowId)) return room;
    if (!(await this.deps.store.roadshows.byId(roadshowId))) throw new NotFound('Roadshow not found.');
    throw new Forbidden('Join the roadshow first.');
  }

  #wire(): void {
    const g = this.deps.gateway;
    const caller = (s: HatcherySocket) => g.caller(s);
    g.handle('roadshow:join', async ({ roadshowId }, socket) => {
      const room = await this.room(roadshowId);
      this.#track(socket, roadshowId);
      return room.join(caller(socket), socket);
    });
    g.handle('roadshow:leave', async ({ roadshowId }, socket) => {
      this.#rooms.get(roadshowId)?.leave(socket);
      this.#socketRooms.get(socket.id)?.delete(roadshowId);
      return {};
    });
    g.handle('roadshow:setStatus', async ({ roadshowId, status }, s) => (await this.#joined(s, roadshowId)).setStatus(caller(s), status));
    g.handle('roadshow:timer', async ({ roadshowId, action, itemId }, s) => (await this.#joined(s, roadshowId)).timer(caller(s), action, itemId));
    g.handle('roadshow:reorderAgenda', async ({ roadshowId, itemIds }, s) => {
      await this.#joined(s, roadshowId);
      return { agenda: await this.deps.service.reorder(caller(s), roadshowId, itemIds) };
    });
    g.handle('roadshow:raiseHand', async ({ roadshowId, raised }, s) => (await this.#joined(s, roadshowId)).raiseHand(caller(s), raised));
    g.handle('roadshow:setStage', async ({ roadshowId, userId, onStage }, s) => {
      (await this.#joined(s, roadshowId)).setStage(caller(s), userId, onStage);
      return {};
    });
    g.handle('roadshow:setWaitingRoom', async ({ roadshowId, enabled }, s) => (await this.#joined(s, roadshowId)).setWaitingRoom(caller(s), enabled));
    g.handle('roadshow:record', async ({ roadshowId, recording }, s) => (await this.#joined(s, roadshowId)).setRecording(caller(s), recording));
    g.handle('roadshow:admit', async ({ roadshowId, userId }, s) => ({ admitted: (await this.#joined(s, roadshowId)).admit(caller(s), userId) }));

    const talk = async (s: HatcherySocket, roadshowId: string) => (await this.#joined(s, roadshowId)).conversation;
    g.handle('roadshow:ask', async ({ roadshowId, text, anonymous }, s) => (await talk(s, roadshowId)).ask(caller(s), text, anonymous));
    g.handle('roadshow:vote', async ({ roadshowId, questionId, up }, s) => (await talk(s, roadshowId)).vote(caller(s), questionId, up));
    g.handle('roadshow:moderate', async ({ roadshowId, questionId, action }, s) => (await talk(s, roadshowId)).moderate(caller(s), questionId, action));
    g.handle('roadshow:createPoll', async ({ roadshowId, ...poll }, s) => (await talk(s, roadshowId)).createPoll(caller(s), poll));
    g.handle('roadshow:votePoll', async ({ roadshowId, pollId, optionIds }, s) => (await talk(s, roadshowId)).votePoll(caller(s), pollId, optionIds));
    g.handle('roadshow:closePoll', async ({ roadshowId, pollId }, s) => (await talk(s, roadshowId)).closePoll(caller(s), pollId));
    g.handle('roadshow:chat', async ({ roadshowId, text }, s) => (await talk(s, roadshowId)).chat(caller(s), text));
    g.handle('roadshow:deleteChat', async ({ roadshowId, messageId }, s) => {
      await (await talk(s, roadshowId)).deleteChat(caller(s), messageId);
      return {};
    });
    g.handle('roadshow:muteChat', async ({ roadshowId, userId, muted }, s) => {
      await (await talk(s, roadshowId)).mute(caller(s), userId, muted);
      return {};
    });
    g.handle('roadshow:react', async ({ roadshowId, reaction }, s) => {
      (await talk(s, roadshowId)).react(caller(s), reaction);
      return {};
    });
    g.handle('roadshow:interested', async ({ roadshowId, interested }, s) => (await talk(s, roadshowId)).interested(caller(s), interested));
  }

  #track(socket: HatcherySocket, roadshowId: string): void {
    let ids = this.#socketRooms.get(socket.id);
    if (!ids) {
      ids = new Set();
      this.#socketRooms.set(socket.id, ids);
      socket.once('disconnect', () => {
        for (const id of this.#socketRooms.get(socket.id) ?? []) this.#rooms.get(id)?.leave(socket.id);
        this.#socketRooms.delete(socket.id);
      });
    }
    ids.add(roadshowId);
  }

  /** Closes every room. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const room of [...this.#rooms.values()]) room.close();
    this.#rooms.clear();
  }
}
