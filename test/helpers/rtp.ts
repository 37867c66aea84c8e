/** Real RTP endpoints for media tests: ffmpeg (Debian) as a VP8/Opus sender, and UDP sinks that count packets. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import type { types } from 'mediasoup';

export const VP8_PT = 101;
export const VP8_SSRC = 22222222;
export const OPUS_PT = 100;
export const OPUS_SSRC = 11111111;

/** RTP parameters matching what `ffmpegVp8` sends. */
export const vp8RtpParameters: types.RtpParameters = {
  codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000 }],
  encodings: [{ ssrc: VP8_SSRC }],
};
export const opusRtpParameters: types.RtpParameters = {
  codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2, parameters: { 'sprop-stereo': 1 } }],
  encodings: [{ ssrc: OPUS_SSRC }],
};

/**
 * Sends a VP8 test pattern in real time to a PlainTransport (comedia, rtcpMux false: RTCP goes to
 * its own port, else the worker locks onto ffmpeg's RTCP port). Stops by itself after `seconds`.
 */
export function ffmpegVp8(port: number, rtcpPort: number, seconds: number): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=30`,
      '-t', String(seconds),
      '-map', '0:v:0', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '400k', '-g', '30',
      '-payload_type', String(VP8_PT), '-ssrc', String(VP8_SSRC),
      '-f', 'rtp', `rtp://127.0.0.1:${port}?rtcpport=${rtcpPort}&pkt_size=1200`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** A UDP socket on loopback that counts the RTP packets it receives. */
export class RtpSink {
  packets = 0;
  bytes = 0;
  private constructor(readonly socket: Socket) {
    socket.on('message', (msg) => {
      // RTP (not RTCP): payload types 96–126 in the second byte; mediasoup's bandwidth probation
      // packets (PT 127, SSRC 1234) carry no media and are not counted.
      const pt = msg[1]! & 0x7f;
      const ssrc = msg.length > 12 ? msg.readUInt32BE(8) : 0;
      if (msg.length > 12 && pt >= 96 && pt <= 126 && ssrc !== 1234) {
        this.packets++;
        this.bytes += msg.length;
      }
    });
  }
  static open(): Promise<RtpSink> {
    const socket = createSocket('udp4');
    return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve(new RtpSink(socket))));
  }
  get port(): number {
    return this.socket.address().port;
  }
  close(): void {
    this.socket.close();
  }
}

/** Kills a child process and waits for it to exit. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
