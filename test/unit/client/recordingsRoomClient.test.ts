/** The live room's recording state on the client: the host's Record button ack, the push, and the host's error toast. */
import { describe, expect, it } from 'vitest';
import type { LiveState } from '../../../shared/roadshow.js';
import type { LobbySocket } from '../../../client/src/lobby/LobbyClient.js';
import { RoadshowRoomClient } from '../../../client/src/roadshows/RoadshowRoomClient.js';
import { createRoadshowRoomStore } from '../../../client/src/roadshows/roadshowRoomStore.js';

type Handler = (payload: unknown) => void;

/** Just enough of a Socket.IO socket: handlers by event, and acks answered by `answer`. */
function fakeSocket(answer: (event: string, payload: unknown) => unknown) {
  const handlers = new Map<string, Set<Handler>>();
  const sent: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: false,
    on: (event: string, h: Handler) => void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(h),
    off: (event: string, h: Handler) => void handlers.get(event)?.delete(h),
    timeout: () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        sent.push({ event, payload });
        return answer(event, payload);
      },
    }),
  };
  const push = (event: string, payload: unknown) => handlers.get(event)?.forEach((h) => h(payload));
  return { socket: socket as unknown as LobbySocket, raw: socket, push, sent, handlers };
}

const state = (recording: boolean): LiveState => ({
  roadshowId: 'rs1',
  status: 'live',
  currentItemId: null,
  timer: { running: false, elapsedMs: 0 },
  waitingRoom: false,
  recording,
});

describe('recording in the live room (client)', () => {
  it('Record sends roadshow:record and the indicator follows the ack', async () => {
    const f = fakeSocket((_, p) => ({ ok: true, data: { roadshowId: 'rs1', recording: (p as { recording: boolean }).recording, recordingId: 'rec1', error: null } }));
    const store = createRoadshowRoomStore('rs1', { state: state(false) });
    const client = new RoadshowRoomClient({ socket: f.socket, store, roadshowId: 'rs1' });
    client.start();
    f.raw.connected = true;
    await client.record(true);
    expect(f.sent).toEqual([{ event: 'roadshow:record', payload: { recording: true, roadshowId: 'rs1' } }]);
    expect(store.getState().state?.recording).toBe(true);
    expect(store.getState().toasts).toEqual([]);
    client.close();
  });

  it('a roadshow:recording push moves the indicator; its error becomes one recording toast', () => {
    const f = fakeSocket(() => ({ ok: true, data: {} }));
    const store = createRoadshowRoomStore('rs1', { state: state(false) });
    const client = new RoadshowRoomClient({ socket: f.socket, store, roadshowId: 'rs1' });
    client.start();
    f.push('roadshow:recording', { roadshowId: 'rs1', recording: true, recordingId: 'rec1', error: null });
    expect(store.getState().state?.recording).toBe(true);
    const problem = { roadshowId: 'rs1', recording: true, recordingId: 'rec1', error: 'Recording failed: ffmpeg is not installed on the server.' };
    f.push('roadshow:recording', problem);
    f.push('roadshow:recording', problem); // the same problem twice: still one toast
    f.push('roadshow:recording', { ...problem, roadshowId: 'other' }); // another room's: ignored
    const toasts = store.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ recording: true, error: { message: problem.error } });
    client.close();
    expect([...f.handlers.values()].every((s) => s.size === 0)).toBe(true);
  });
});
