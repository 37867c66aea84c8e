/** Starts a real Hatchery on port 0 (in-memory SQLite, demo data) and tears it down after the test. */
import { io as ioClient, type Socket } from 'socket.io-client';
import { Hatchery } from '../../server/hatchery.js';
import { testConfig, type ConfigOverrides } from '../../server/config.js';
import { DEMO_PASSWORD } from '../../server/demo.js';
import { PROTOCOL_VERSION, SESSION_COOKIE, type ApiError } from '../../shared/protocol.js';
import type { AckResult, ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  hatchery: Hatchery;
  url: string;
  close(): Promise<void>;
}

export async function startServer(overrides: ConfigOverrides = {}): Promise<TestServer> {
  const hatchery = await Hatchery.create(testConfig({ demo: true, ...overrides }));
  const url = await hatchery.listen();
  return { hatchery, url, close: () => hatchery.close() };
}

/** A tiny HTTP client that keeps the session cookie like a browser would. */
export class HttpSession {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === SESSION_COOKIE) this.cookie = value ? `${SESSION_COOKIE}=${value}` : undefined;
    }
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}

/** Signs in as a demo user; throws if that fails. */
export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const s = new HttpSession(baseUrl);
  const res = await s.post('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
  return s;
}

/** Opens a socket.io-client connection with the given cookie; resolves once connected (or rejects with the refusal). */
export function connectSocket(
  baseUrl: string,
  cookie: string | undefined,
  opts: { protocolVersion?: number; origin?: string; transports?: string[] } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(baseUrl, {
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    transports: opts.transports ?? ['websocket'],
    auth: { protocolVersion: opts.protocolVersion ?? PROTOCOL_VERSION },
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(opts.origin ? { origin: opts.origin } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits an event and resolves with its ack. */
export function emitAck<T = unknown>(socket: ClientSocket, event: string, payload: unknown): Promise<AckResult<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    (socket as any).emit(event, payload, (r: AckResult<T>) => {
      clearTimeout(timer);
      resolve(r);
    });
  });
}

/** A signed-in person's socket with the three ways tests send an event: raw ack, must succeed, must be refused. */
export class AckClient<P extends { who: string }> {
  constructor(
    readonly person: P,
    readonly socket: ClientSocket,
  ) {}

  /** Emits and resolves with the raw ack. */
  call<T = unknown>(event: string, payload: unknown): Promise<AckResult<T>> {
    return emitAck<T>(this.socket, event, payload);
  }

  /** Emits and returns the ack data; throws (with the reason) when refused. */
  async ok<T = unknown>(event: string, payload: unknown): Promise<T> {
    const r = await emitAck<T>(this.socket, event, payload);
    if (!r.ok) throw new Error(`${this.person.who}: ${event} refused: ${r.error.reason} — ${r.error.message}`);
    return r.data;
  }

  /** Emits and returns the error of the ack; throws when it was accepted. */
  async refused(event: string, payload: unknown): Promise<ApiError> {
    const r = await emitAck(this.socket, event, payload);
    if (r.ok) throw new Error(`${this.person.who}: ${event} was accepted but should have been refused: ${JSON.stringify(r.data).slice(0, 300)}`);
    return r.error;
  }
}
