/** Helpers every REST route module shares. */
import type { Request } from 'express';
import { Unauthenticated } from '../errors.js';
import type { Caller } from '../identity/service.js';

/** The signed-in caller of a request, or 401. */
export function callerOf(req: Request): Caller {
  if (!req.caller) throw new Unauthenticated();
  return req.caller;
}
