import { expectTypeOf, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';

declare const socket: Socket<ServerToClientEvents, ClientToServerEvents>;

test('client → server events accept only their payload types', () => {
  socket.emit('presence:setStatus', { status: 'busy' }, (r) => {
    if (r.ok) expectTypeOf(r.data.status).toEqualTypeOf<'available' | 'busy' | 'away'>();
  });
  // @ts-expect-error — not a presence status
  socket.emit('presence:setStatus', { status: 'sleeping' }, () => {});
  // @ts-expect-error — payload must be an object
  socket.emit('presence:setStatus', 'busy', () => {});
  // @ts-expect-error — unknown event
  socket.emit('presence:teleport', {}, () => {});
  socket.emit('lobby:subscribe', {}, (r) => {
    if (r.ok) expectTypeOf(r.data.online[0]!.userId).toEqualTypeOf<string>();
  });
});

test('server → client events have typed payloads', () => {
  socket.on('presence:left', (p) => expectTypeOf(p.userId).toEqualTypeOf<string>());
  // @ts-expect-error — presence:joined carries an entry, not a number
  socket.on('presence:joined', (p: number) => p);
});

test('media events are typed too', () => {
  socket.emit('media:join', { roomId: 'startup:abc' }, (r) => {
    if (r.ok) expectTypeOf(r.data.canPublish).toEqualTypeOf<boolean>();
  });
  socket.emit('media:produce', { roomId: 'startup:abc', transportId: 't', kind: 'video', rtpParameters: {}, source: 'screen' }, () => {});
  // @ts-expect-error — not a media source
  socket.emit('media:produce', { roomId: 'startup:abc', transportId: 't', kind: 'video', rtpParameters: {}, source: 'webcam' }, () => {});
  // @ts-expect-error — spatial layer must be a number
  socket.emit('media:setPreferredLayers', { roomId: 'startup:abc', consumerId: 'c', spatialLayer: 'high' }, () => {});
  socket.on('media:activeSpeaker', (p) => expectTypeOf(p.peerId).toEqualTypeOf<string | null>());
});
