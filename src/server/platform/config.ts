import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is one typed object built at boot from the environment.
 * A bad value stops the process with a message naming the variable.
 * Every variable is listed, with its default, in `.env.example` and the README.
 */
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('localhost'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * The role that owns the schema, for migrations and the other start-up work that changes it;
   * DATABASE_URL's role then only serves requests. Defaults to DATABASE_URL (one role does both).
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  PG_RUN_AS: z.string().min(1).default('postgres'),
  TRUST_PROXY: boolFromEnv.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 30).default(12),
  SIGNIN_MAX_FAILURES_ACCOUNT: int(1, 1000).default(5),
  SIGNIN_MAX_FAILURES_ADDRESS: int(1, 10000).default(20),
  SIGNIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  SIGNIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  INVITATION_DAYS: int(1, 90).default(7),
  BODY_LIMIT_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  CATALOG_DIR: z.string().min(1).default('./catalog'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Largest evidence file accepted (bytes); files are stored in the database. */
  EVIDENCE_MAX_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** Absolute data folder. */
  dataDir: string;
  /** The URL people type; used in setup and invitation links. */
  publicUrl: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_OWNER_URL: needs DATABASE_URL (the role that serves requests) as well');
  }
  const shownHost = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl: (c.PUBLIC_URL ?? `http://${shownHost}:${c.PORT}`).replace(/\/$/, ''),
  };
}
