/** Entry point: `tsx server/main.ts`. Reads the environment, starts the space, shuts down on signals. */
import { configFromEnv } from './config.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo.js';
import { Hatchery } from './hatchery.js';

const config = configFromEnv();
const hatchery = await Hatchery.create(config);
const url = await hatchery.listen().catch(async (err: NodeJS.ErrnoException) => {
  const why =
    err.code === 'EADDRINUSE'
      ? `Port ${config.port} on ${config.host} is already in use. Stop the other server or start with PORT=<another port>.`
      : `Could not listen on ${config.host}:${config.port}: ${err.message}`;
  process.stderr.write(`\n  ${why}\n\n`);
  await hatchery.close();
  process.exit(1);
});
const shown = config.publicUrl ?? url.replace('127.0.0.1', 'localhost');

const lines = [``, `  Hatchery is running at ${shown}`, ``];
if (config.demo) {
  lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD})`);
  for (const p of DEMO_PEOPLE) lines.push(`    ${p.role.padEnd(9)} ${p.email.padEnd(24)} ${p.name}`);
  lines.push('');
}
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    hatchery.log.info({ signal }, 'signal received');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    hatchery.close().then(
      () => process.exit(0),
      (err: unknown) => {
        hatchery.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
