/**
 * The usual setup of a recordings test file: a real server on its own data directory (recordings on disk)
 * with a RoadshowKit, started before the file's tests and closed (with every feed and socket) after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ConfigOverrides } from '../../server/config.js';
import { RoadshowKit } from './roadshow.js';
import { stopAllFeeds, tempDataDir } from './recordings.js';
import { startServer, type TestServer } from './server.js';

/** Registers the hooks; `ready` receives the server and kit (before the file's own beforeAll runs). Returns the data directory. */
export function recordingServer(prefix: string, ready: (srv: TestServer, kit: RoadshowKit) => void, overrides: ConfigOverrides = {}) {
  const data = tempDataDir(prefix);
  let srv: TestServer | undefined;
  let kit: RoadshowKit | undefined;
  beforeAll(async () => {
    srv = await startServer({ dataDir: data.dir, ...overrides });
    kit = await RoadshowKit.create(srv);
    ready(srv, kit);
  });
  afterAll(async () => {
    await stopAllFeeds();
    kit?.closeAll();
    await srv?.close();
    data.remove();
  });
  return data;
}
