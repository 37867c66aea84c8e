/** First-run bootstrap: the operator from the environment, or the demo space in demo mode. */
import type { Logger } from 'pino';
import type { Store } from './store/types.js';
import type { Language, Role, StartupStage } from '../shared/schemas.js';
import type { Availability } from '../shared/officeHours.js';
import { hashPassword } from './identity/passwords.js';
import { newId } from './identity/tokens.js';

export const DEMO_PASSWORD = 'hatchery-demo';

interface DemoPerson {
  email: string;
  role: Role;
  name: string;
  headline: string;
  bio: string;
  languages: Language[];
  timeZone: string;
  tags: string[];
  startup?: string;
}

export const DEMO_STARTUPS: { key: string; name: string; oneLiner: string; industry: string; stage: StartupStage; website: string }[] = [
  { key: 'tide', name: 'Tidewater Robotics', oneLiner: 'Autonomous hull-cleaning robots for cargo ships', industry: 'Robotics', stage: 'seed', website: 'https://tidewater.example' },
  { key: 'agri', name: '青禾 AgriSense', oneLiner: '田间传感器 + AI，帮小农户预测病虫害 / Field sensors and AI that predict crop disease for smallholders', industry: 'AgTech', stage: 'pre-seed', website: 'https://agrisense.example' },
  { key: 'ledger', name: 'LedgerLeaf', oneLiner: 'Carbon accounting that plugs into your ERP', industry: 'Climate / SaaS', stage: 'series-a', website: 'https://ledgerleaf.example' },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'ops@hatchery.demo', role: 'operator', name: 'Mei Lin 林梅', headline: 'Program director, Hatchery Cohort 7', bio: 'Runs the incubator programme: roadshows, mentors and partners.', languages: ['zh', 'en'], timeZone: 'Asia/Shanghai', tags: ['operations', 'community'] },
  { email: 'daniel@hatchery.demo', role: 'mentor', name: 'Daniel Brooks', headline: 'Ex-VP Sales, 3× founder', bio: 'Helps founders raise their seed round and build a repeatable sales motion.', languages: ['en'], timeZone: 'America/New_York', tags: ['fundraising', 'go-to-market', 'sales'] },
  { email: 'wanglei@hatchery.demo', role: 'mentor', name: '王磊 Wang Lei', headline: '硬件供应链专家 / Hardware supply chain', bio: '十五年深圳硬件制造经验。Fifteen years of hardware manufacturing in Shenzhen.', languages: ['zh', 'en'], timeZone: 'Asia/Shanghai', tags: ['hardware', 'supply chain', 'manufacturing'] },
  { email: 'priya@hatchery.demo', role: 'mentor', name: 'Priya Nair', headline: 'Product lead, applied AI', bio: 'Product strategy and AI product design for B2B startups.', languages: ['en'], timeZone: 'Europe/London', tags: ['product', 'AI', 'B2B'] },
  { email: 'chen@hatchery.demo', role: 'founder', name: '陈宇 Chen Yu', headline: 'CEO, Tidewater Robotics', bio: 'Marine engineer turned founder.', languages: ['zh', 'en'], timeZone: 'Asia/Shanghai', tags: ['fundraising', 'hardware'], startup: 'tide' },
  { email: 'sofia@hatchery.demo', role: 'founder', name: 'Sofia Rossi', headline: 'CTO, Tidewater Robotics', bio: 'Robotics and computer vision.', languages: ['en'], timeZone: 'Europe/Berlin', tags: ['hiring', 'product'], startup: 'tide' },
  { email: 'lina@hatchery.demo', role: 'founder', name: '李娜 Li Na', headline: '创始人，青禾 AgriSense', bio: '农学博士，专注智慧农业。', languages: ['zh'], timeZone: 'Asia/Shanghai', tags: ['go-to-market', 'AI'], startup: 'agri' },
  { email: 'marcus@hatchery.demo', role: 'founder', name: 'Marcus Johnson', headline: 'CEO, LedgerLeaf', bio: 'Former auditor building the carbon ledger for mid-size manufacturers.', languages: ['en'], timeZone: 'America/Chicago', tags: ['fundraising', 'enterprise sales'], startup: 'ledger' },
  { email: 'hannah@hatchery.demo', role: 'investor', name: 'Hannah Kim', headline: 'Partner, Northbridge Ventures', bio: 'Seed and Series A in climate and industrial tech.', languages: ['en'], timeZone: 'America/Los_Angeles', tags: ['climate', 'robotics', 'seed', 'series-a'] },
  { email: 'zhao@hatchery.demo', role: 'investor', name: '赵峰 Zhao Feng', headline: '合伙人，远山资本 / Partner, Yuanshan Capital', bio: '关注农业科技与硬科技早期项目。', languages: ['zh', 'en'], timeZone: 'Asia/Hong_Kong', tags: ['agtech', 'hardware', 'pre-seed', 'seed'] },
];

/** Seeds the demo space into an empty store. */
export async function seedDemo(store: Store, log: Logger, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const startupIds = new Map<string, string>();
  for (const s of DEMO_STARTUPS) {
    const { key, ...rest } = s;
    const created = await store.startups.create({ id: newId(), ...rest });
    startupIds.set(key, created.id);
  }
  let operatorId = '';
  const userIds = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const { startup, ...rest } = p;
    const user = await store.users.create({ id: newId(), passwordHash, ...rest });
    userIds.set(p.email, user.id);
    if (p.role === 'operator') operatorId = user.id;
    if (startup) await store.startups.addMember(startupIds.get(startup)!, user.id);
  }
  const at = (days: number, hourUtc: number) => {
    const d = new Date(now);
    d.setUTCDate(d.getUTCDate() + days);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d.toISOString();
  };
  const pitch = (key: string, title: string) => ({ kind: 'pitch' as const, title, startupId: startupIds.get(key)!, pitchMinutes: 5, qaMinutes: 3 });
  const other = (kind: 'talk' | 'break', title: string, minutes: number) => ({ kind, title, startupId: null, pitchMinutes: minutes, qaMinutes: 0 });
  const roadshows = [
    {
      title: 'Cohort 7 Demo Day',
      description: 'All three startups pitch to partners and angels: 5 min pitch + 3 min Q&A each.',
      startsAt: at(2, 13), durationMinutes: 90, timeZone: 'Asia/Shanghai', language: 'en' as const,
      hosts: ['priya@hatchery.demo'], waitingRoom: false, moderatedQuestions: false,
      agenda: [other('talk', 'Welcome and cohort update', 5), pitch('tide', 'Tidewater Robotics'), pitch('agri', '青禾 AgriSense'), other('break', 'Break', 5), pitch('ledger', 'LedgerLeaf')],
    },
    {
      title: '硬科技路演 · Deep Tech Roadshow',
      description: '机器人与农业科技专场，中文为主。Robotics and agtech, mostly in Chinese.',
      startsAt: at(5, 2), durationMinutes: 60, timeZone: 'Asia/Shanghai', language: 'zh' as const,
      hosts: ['wanglei@hatchery.demo'], waitingRoom: false, moderatedQuestions: true,
      agenda: [pitch('tide', 'Tidewater Robotics 水下清洁机器人'), pitch('agri', '青禾 AgriSense 智慧农业')],
    },
    {
      title: 'Climate pitch night',
      description: 'LedgerLeaf and guests pitch to climate investors.',
      startsAt: at(9, 17), durationMinutes: 60, timeZone: 'America/New_York', language: 'en' as const,
      hosts: ['daniel@hatchery.demo'], waitingRoom: true, moderatedQuestions: false,
      agenda: [other('talk', 'Opening: the state of carbon accounting', 10), pitch('ledger', 'LedgerLeaf')],
    },
  ];
  for (const { hosts, agenda, ...r } of roadshows) {
    const id = newId();
    await store.roadshows.create({
      id, ...r, status: 'scheduled', createdBy: operatorId, createdAt: now.toISOString(),
      currentItemId: null, timerRunning: false, timerElapsedMs: 0, timerAt: null,
    });
    await store.roadshows.setHosts(id, [operatorId, ...hosts.map((e) => userIds.get(e)!)]);
    await store.roadshows.setAgenda(id, agenda.map((item, position) => ({ id: newId(), roadshowId: id, position, ...item })));
  }
  // Office hours, each in the mentor's own zone.
  const hours = (email: string, a: Omit<Availability, 'exceptions' | 'maxPerStartupPerWeek'>) =>
    store.officeHours.setAvailability(userIds.get(email)!, { ...a, exceptions: [], maxPerStartupPerWeek: 2 }, now.toISOString());
  await hours('daniel@hatchery.demo', {
    timeZone: 'America/New_York', slotMinutes: 30, bufferMinutes: 10, capacity: 1, topics: ['fundraising', 'go-to-market', 'pitching'],
    weekly: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 4, start: '09:00', end: '12:00' }],
  });
  await hours('wanglei@hatchery.demo', {
    timeZone: 'Asia/Shanghai', slotMinutes: 45, bufferMinutes: 15, capacity: 3, topics: ['operations', 'technology'],
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '14:00', end: '17:00' })),
  });
  await hours('priya@hatchery.demo', {
    timeZone: 'Europe/London', slotMinutes: 30, bufferMinutes: 0, capacity: 1, topics: ['product', 'technology', 'hiring'],
    weekly: [{ weekday: 3, start: '10:00', end: '13:00' }],
  });
  // Priya may schedule roadshows of her own.
  await store.roadshows.setScheduler(userIds.get('priya@hatchery.demo')!, true, operatorId, now.toISOString());
  log.info({ people: DEMO_PEOPLE.length, startups: DEMO_STARTUPS.length }, 'seedDemo() | demo space created');
}

/** Creates the first operator from HATCHERY_ADMIN_EMAIL / HATCHERY_ADMIN_PASSWORD. */
export async function createAdmin(store: Store, email: string, password: string, log: Logger): Promise<void> {
  await store.users.create({
    id: newId(),
    email: email.toLowerCase(),
    passwordHash: await hashPassword(password),
    role: 'operator',
    name: email.split('@')[0] ?? 'Operator',
    headline: 'Operator',
    bio: '',
    languages: ['en'],
    timeZone: 'UTC',
    tags: [],
  });
  log.info({ email }, 'createAdmin() | operator created');
}
