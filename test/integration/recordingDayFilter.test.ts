/**
 * The library's date filter in the viewer's time zone (docs/recordings.md "Library"): with `tz`, `from`
 * and `to` are compared with the calendar day the recording started *there*; without it, with the UTC
 * day. Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago (UTC−11) are 25 hours apart, so at any instant
 * at least one of them is on another calendar day than UTC — the test works whenever it runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { recordingServer } from '../helpers/recordingServer.js';
import { RoadshowKit, type Who } from '../helpers/roadshow.js';
import { recordSession, stopAllFeeds } from '../helpers/recordings.js';
import { RecordingsPage, type RecordingDetail } from '../../shared/recordings.js';

let kit: RoadshowKit;
recordingServer('hatchery-rec-dayfilter-', (_srv, k) => (kit = k));
let rec: RecordingDetail;

const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'] as const;

beforeAll(async () => {
  const { roadshow } = await kit.liveRoadshow({
    title: 'Dateline Night',
    agenda: [{ kind: 'pitch', title: 'Tidewater Robotics', startupId: kit.tideId, pitchMinutes: 5, qaMinutes: 3 }],
  });
  rec = await recordSession(kit, { roadshowId: roadshow.id, presenter: 'chen', ms: 3000 });
  await stopAllFeeds();
}, 120_000);


/** The calendar day (YYYY-MM-DD) of an instant in `zone`, computed here with luxon (not the server's helper). */
function localDay(iso: string, zone: string): string {
  const d = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  if (!d.isValid) throw new Error(`bad instant or zone: ${iso} ${zone}`);
  return d.toISODate()!;
}

/** The ids `GET /api/recordings?<query>` lists for `who`; asserts 200. */
async function found(query: string, who: Who = 'ops'): Promise<string[]> {
  const res = await (await kit.person(who)).session.get(`/api/recordings?${query}`);
  expect(res.status, `${who} GET /api/recordings?${query}: ${res.text}`).toBe(200);
  return RecordingsPage.parse(res.json).recordings.map((r) => r.id);
}

const q = (from: string, to: string, tz?: string) => `from=${from}&to=${to}${tz ? `&tz=${encodeURIComponent(tz)}` : ''}`;

describe('the date filter in the viewer’s time zone', () => {
  it('the two zones’ days are computed independently, and at least one differs from the UTC day', () => {
    const utc = rec.startedAt.slice(0, 10);
    expect(localDay(rec.startedAt, 'UTC')).toBe(utc);
    // Kiritimati is one day ahead of Pago Pago at every instant (UTC+14 vs UTC−11).
    const [kiri, pago] = ZONES.map((z) => localDay(rec.startedAt, z));
    expect(DateTime.fromISO(kiri!).diff(DateTime.fromISO(pago!), 'days').days).toBe(1);
    expect(ZONES.some((z) => localDay(rec.startedAt, z) !== utc)).toBe(true);
  });

  for (const zone of ZONES) {
    it(`${zone}: from=to=<the local day there> finds it; when that day is not the UTC day, the UTC day with tz does not, without tz it does`, async () => {
      const utc = rec.startedAt.slice(0, 10);
      const local = localDay(rec.startedAt, zone);

      expect(await found(q(local, local, zone))).toEqual([rec.id]);
      expect(await found(`from=${local}&tz=${encodeURIComponent(zone)}`)).toEqual([rec.id]);
      expect(await found(`to=${local}&tz=${encodeURIComponent(zone)}`)).toEqual([rec.id]);
      // Not only for operators: the filter is the same for a founder of the startup in it.
      expect(await found(q(local, local, zone), 'chen')).toEqual([rec.id]);
      // Without from/to, tz alone filters nothing.
      expect(await found(`tz=${encodeURIComponent(zone)}`)).toEqual([rec.id]);
      // Without tz, the UTC day always finds it.
      expect(await found(q(utc, utc))).toEqual([rec.id]);

      if (local !== utc) {
        // The UTC day is not the day there…
        expect(await found(q(utc, utc, zone))).toEqual([]);
        expect(await found(q(utc, utc, zone), 'chen')).toEqual([]);
        // …and the day there is not the UTC day without tz.
        expect(await found(q(local, local))).toEqual([]);
        // A range on the wrong side of the local day misses it.
        if (local > utc) expect(await found(`to=${utc}&tz=${encodeURIComponent(zone)}`)).toEqual([]);
        else expect(await found(`from=${utc}&tz=${encodeURIComponent(zone)}`)).toEqual([]);
      } else {
        // Same day as UTC here: the UTC day matches with or without tz.
        expect(await found(q(utc, utc, zone))).toEqual([rec.id]);
      }
    });
  }

  it('an unknown or overlong zone is a 400 bad_request naming tz; another real zone works', async () => {
    const ops = (await kit.person('ops')).session;
    const day = rec.startedAt.slice(0, 10);
    for (const tz of ['Not/AZone', 'Mars/Olympus_Mons', 'x'.repeat(65)]) {
      const res = await ops.get(`/api/recordings?${q(day, day, tz)}`);
      expect(res.status, `${tz}: ${res.text}`).toBe(400);
      expect(res.json.error.reason).toBe('bad_request');
      expect((res.json.error.issues as { path: string }[]).map((i) => i.path), tz).toContain('tz');
    }
    const alone = await ops.get('/api/recordings?tz=Not%2FAZone');
    expect(alone.status).toBe(400);
    // A valid IANA zone other than the two above works as well.
    expect(await found(`tz=${encodeURIComponent('Asia/Shanghai')}&${q(localDay(rec.startedAt, 'Asia/Shanghai'), localDay(rec.startedAt, 'Asia/Shanghai'))}`)).toEqual([rec.id]);
  });
});
