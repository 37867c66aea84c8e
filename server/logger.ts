/** The root pino logger; domains take child loggers named after themselves. */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'hatchery' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Session tokens must never reach the logs.
    redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', 'password', '*.password'], censor: '[redacted]' },
  });
}
