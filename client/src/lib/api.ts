/**
 * A tiny typed wrapper around fetch for the REST API. Every failure becomes an `ApiRequestError`
 * that carries the server's `ApiError`, so the UI can show its message (or a localized one by reason).
 */
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import type {
  CreateInviteBody,
  CreateStartupBody,
  CreatedInviteResponse,
  Invite,
  InviteCheckResponse,
  LobbySchedule,
  LoginBody,
  MeResponse,
  PublicUser,
  RoadshowStatus,
  RoadshowSummary,
  Role,
  SignupBody,
  Startup,
  UpdateProfileBody,
  UpdateStartupBody,
} from '../../../shared/schemas';
import type { MediaAccess } from '../../../shared/media';
import type {
  CreateRoadshowBody,
  LiveState,
  RoadshowDetail,
  RoadshowDetailResponse,
  RoadshowInterest,
  UpdateRoadshowBody,
} from '../../../shared/roadshow';
import type { DocAccessResponse, DocSharesResponse, DocVersion } from '../../../shared/collab';

/** Status used when the request never got an answer (offline, server down). */
export const NETWORK_ERROR_STATUS = 0;

/** A failed API call: the HTTP status, the server's ApiError and, for 429, how long to wait. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(error.message);
    this.name = 'ApiRequestError';
  }

  get reason(): ApiError['reason'] {
    return this.error.reason;
  }

  /** True when the server could not be reached at all. */
  get isNetworkError(): boolean {
    return this.status === NETWORK_ERROR_STATUS;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Don't announce a 401 to the session (the caller handles it, e.g. /auth/me and login). */
  expect401?: boolean;
  signal?: AbortSignal;
}

const unauthenticatedListeners = new Set<() => void>();

/** Subscribes to "the server says we are not signed in" (any 401 not expected by its caller). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isApiError(value: unknown): value is ApiError {
  const v = value as Partial<ApiError> | null;
  return typeof v === 'object' && v !== null && typeof v.reason === 'string' && typeof v.message === 'string';
}

function retryAfter(res: Response): number | null {
  const raw = res.headers.get('Retry-After');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Sends one request; a network failure becomes an `ApiRequestError` with status 0. */
async function send(method: Method, path: string, options: RequestOptions, accept: string): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: options.body === undefined ? { Accept: accept } : { Accept: accept, 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(NETWORK_ERROR_STATUS, { reason: ErrorReason.Internal, message: 'The server could not be reached.' });
  }
}

/** Turns a non-2xx answer into an `ApiRequestError` (and announces an unexpected 401). */
async function failure(res: Response, options: RequestOptions): Promise<ApiRequestError> {
  const body: unknown = await res.json().catch(() => undefined);
  const payload = (body as { error?: unknown } | undefined)?.error;
  const error: ApiError = isApiError(payload) ? payload : { reason: ErrorReason.Internal, message: `HTTP ${res.status}` };
  if (res.status === 401 && !options.expect401) unauthenticatedListeners.forEach((l) => l());
  return new ApiRequestError(res.status, error, res.status === 429 ? retryAfter(res) : null);
}

/** Performs one API request and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options, 'application/json');
  if (!res.ok) throw await failure(res, options);
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => undefined)) as T;
}

/** Performs one GET that answers with bytes (e.g. a Yjs update). */
export async function apiBytes(path: string, options: RequestOptions = {}): Promise<Uint8Array> {
  const res = await send('GET', path, options, 'application/octet-stream');
  if (!res.ok) throw await failure(res, options);
  return new Uint8Array(await res.arrayBuffer());
}

const enc = encodeURIComponent;

/** Every REST endpoint the client uses, typed with the shared schemas. */
export const api = {
  me: () => apiRequest<MeResponse>('GET', '/api/auth/me', { expect401: true }),
  login: (body: LoginBody) => apiRequest<MeResponse>('POST', '/api/auth/login', { body, expect401: true }),
  logout: () => apiRequest<void>('POST', '/api/auth/logout', { expect401: true }),
  signup: (body: SignupBody) => apiRequest<MeResponse>('POST', '/api/auth/signup', { body }),

  checkInvite: (token: string) => apiRequest<InviteCheckResponse>('GET', `/api/invites/check/${enc(token)}`),
  listInvites: () => apiRequest<{ invites: Invite[] }>('GET', '/api/invites'),
  createInvite: (body: CreateInviteBody) => apiRequest<CreatedInviteResponse>('POST', '/api/invites', { body }),
  revokeInvite: (id: string) => apiRequest<void>('DELETE', `/api/invites/${enc(id)}`),

  listUsers: (role?: Role) => apiRequest<{ users: PublicUser[] }>('GET', role ? `/api/users?role=${enc(role)}` : '/api/users'),
  getUser: (id: string) => apiRequest<{ user: PublicUser }>('GET', `/api/users/${enc(id)}`),
  updateProfile: (patch: UpdateProfileBody, id = 'me') => apiRequest<{ user: PublicUser }>('PATCH', `/api/users/${enc(id)}`, { body: patch }),

  listStartups: () => apiRequest<{ startups: Startup[] }>('GET', '/api/startups'),
  getStartup: (id: string) => apiRequest<{ startup: Startup }>('GET', `/api/startups/${enc(id)}`),
  createStartup: (body: CreateStartupBody) => apiRequest<{ startup: Startup }>('POST', '/api/startups', { body }),
  updateStartup: (id: string, patch: UpdateStartupBody) => apiRequest<{ startup: Startup }>('PATCH', `/api/startups/${enc(id)}`, { body: patch }),
  addStartupMember: (id: string, userId: string) =>
    apiRequest<{ startup: Startup }>('POST', `/api/startups/${enc(id)}/members`, { body: { userId } }),
  removeStartupMember: (id: string, userId: string) =>
    apiRequest<{ startup: Startup }>('DELETE', `/api/startups/${enc(id)}/members/${enc(userId)}`),

  schedule: () => apiRequest<LobbySchedule>('GET', '/api/roadshows'),
  mediaAccess: (roomId: string) => apiRequest<MediaAccess>('GET', `/api/media/access?roomId=${enc(roomId)}`),
  createRoadshow: (body: CreateRoadshowBody) => apiRequest<{ roadshow: RoadshowDetail }>('POST', '/api/roadshows', { body }),
  setRoadshowStatus: (id: string, status: RoadshowStatus) =>
    apiRequest<{ state: LiveState; roadshow?: RoadshowSummary }>('PATCH', `/api/roadshows/${enc(id)}/status`, { body: { status } }),
  getRoadshow: (id: string) => apiRequest<RoadshowDetailResponse>('GET', `/api/roadshows/${enc(id)}`),
  updateRoadshow: (id: string, patch: UpdateRoadshowBody) => apiRequest<{ roadshow: RoadshowDetail }>('PUT', `/api/roadshows/${enc(id)}`, { body: patch }),
  /** "I'll attend" (true) or cancel (false). */
  setRegistration: (id: string, registered: boolean) =>
    apiRequest<{ registered: boolean; registrations: number }>(registered ? 'POST' : 'DELETE', `/api/roadshows/${enc(id)}/registration`),
  roadshowInterests: (id: string) => apiRequest<{ interests: RoadshowInterest[] }>('GET', `/api/roadshows/${enc(id)}/interests`),
  roadshowSchedulers: () => apiRequest<{ userIds: string[] }>('GET', '/api/roadshow-schedulers'),
  setRoadshowScheduler: (userId: string, allowed: boolean) =>
    apiRequest<{ userIds: string[] }>('PUT', `/api/roadshow-schedulers/${enc(userId)}`, { body: { allowed } }),

  docAccess: (name: string) => apiRequest<DocAccessResponse>('GET', `/api/docs/${enc(name)}/access`),
  docVersions: (name: string) => apiRequest<{ versions: DocVersion[] }>('GET', `/api/docs/${enc(name)}/versions`),
  saveDocVersion: (name: string, versionName: string) =>
    apiRequest<{ version: DocVersion }>('POST', `/api/docs/${enc(name)}/versions`, { body: { name: versionName } }),
  /** A version's full state as a Yjs update, for a read-only preview. */
  docVersionUpdate: (name: string, id: string) => apiBytes(`/api/docs/${enc(name)}/versions/${enc(id)}/update`),
  restoreDocVersion: (name: string, id: string) => apiRequest<unknown>('POST', `/api/docs/${enc(name)}/versions/${enc(id)}/restore`, { body: {} }),
  docShares: (name: string) => apiRequest<DocSharesResponse>('GET', `/api/docs/${enc(name)}/shares`),
  setDocShares: (name: string, investorIds: string[]) =>
    apiRequest<DocSharesResponse>('PUT', `/api/docs/${enc(name)}/shares`, { body: { investorIds } }),
};
