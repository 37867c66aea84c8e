/** The demo people and startups (server/demo.ts) as the integration kits sign them in and look them up. */
import { login, type HttpSession } from './server.js';
import type { Role } from '../../shared/schemas.js';

/** The demo people (password `hatchery-demo`). */
export const EMAIL = {
  ops: 'ops@hatchery.demo', // operator
  daniel: 'daniel@hatchery.demo', // mentor
  wanglei: 'wanglei@hatchery.demo', // mentor
  priya: 'priya@hatchery.demo', // mentor
  chen: 'chen@hatchery.demo', // founder, Tidewater Robotics
  sofia: 'sofia@hatchery.demo', // founder, Tidewater Robotics
  lina: 'lina@hatchery.demo', // founder, 青禾 AgriSense
  marcus: 'marcus@hatchery.demo', // founder, LedgerLeaf
  hannah: 'hannah@hatchery.demo', // investor
  zhao: 'zhao@hatchery.demo', // investor
} as const;
export type Who = keyof typeof EMAIL;

export interface DemoPerson {
  who: Who;
  id: string;
  name: string;
  role: Role;
  email: string;
  session: HttpSession;
}

/** Signs each demo person in once (per server) and keeps the session. */
export class DemoPeople {
  readonly #people = new Map<Who, Promise<DemoPerson>>();

  constructor(readonly url: string) {}

  get(who: Who): Promise<DemoPerson> {
    let p = this.#people.get(who);
    if (!p) {
      p = (async () => {
        const session = await login(this.url, EMAIL[who]);
        const user = (await session.get('/api/auth/me')).json.user as { id: string; name: string; role: Role };
        return { who, id: user.id, name: user.name, role: user.role, email: EMAIL[who], session };
      })();
      this.#people.set(who, p);
    }
    return p;
  }

  /** Forgets the sessions (the next `get` signs in again). */
  forget(): void {
    this.#people.clear();
  }

  /** The demo startups' ids (Tidewater Robotics, 青禾 AgriSense, LedgerLeaf), as the operator sees them. */
  async startupIds(): Promise<{ tideId: string; agriId: string; ledgerId: string }> {
    const res = await (await this.get('ops')).session.get('/api/startups');
    if (res.status !== 200) throw new Error(`GET /api/startups: ${res.status} ${res.text}`);
    const startups = res.json.startups as { id: string; name: string }[];
    const find = (match: (name: string) => boolean, what: string) => {
      const s = startups.find((x) => match(x.name));
      if (!s) throw new Error(`no demo startup ${what}`);
      return s.id;
    };
    return {
      tideId: find((n) => n.startsWith('Tidewater'), 'Tidewater'),
      agriId: find((n) => n.includes('AgriSense'), 'AgriSense'),
      ledgerId: find((n) => n.startsWith('LedgerLeaf'), 'LedgerLeaf'),
    };
  }
}
