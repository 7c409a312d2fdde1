import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { serializeRequest } from './http/log-redaction.ts';

export type { Logger };

/**
 * The process's one pino logger: HTTP requests (Fastify) and what happens
 * outside a request (the database going away and coming back, the job queue)
 * write to the same stream with the same redaction.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: { req: serializeRequest },
  });
}

/** For code run without a server (tools, tests): logs nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
