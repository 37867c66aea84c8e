import type { Startup } from '../../../shared/schemas';
import { useSession } from '../session/sessionStore';

const NONE: Startup[] = [];

/** The startups I belong to (a founder books and queues for one of them). */
export function useMyStartups(): Startup[] {
  return useSession((s) => (s.session.kind === 'signedIn' ? s.session.startups : NONE));
}
