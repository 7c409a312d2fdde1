import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is one typed object built at boot from the environment.
 * A bad value stops the process with a message naming the variable.
 * Every variable is listed, with its default, in `.env.example` and the README.
 */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** An address or CIDR range, or one of proxy-addr's names, as Fastify's `trustProxy` takes them. */
const proxyAddress = (entry: string): boolean => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * Which proxies may tell us the client's address and protocol. Trusting every
 * hop (Fastify's `true`) lets anyone forge `X-Forwarded-For` and dodge, or aim,
 * the per-address sign-in throttle; so `true` trusts only proxies on loopback
 * and private networks (a reverse proxy on the same host or LAN), and a list
 * names the proxies. Bare hop counts are refused: Fastify treats them as
 * "trust nothing" because they cannot tell a proxy from a direct client.
 */
const TRUST_PRIVATE_PROXIES = ['loopback', 'linklocal', 'uniquelocal'];
const trustProxyFromEnv = z
  .string()
  .trim()
  .transform((v, ctx): false | string[] => {
    if (['false', '0', 'no'].includes(v)) return false;
    if (['true', '1', 'yes'].includes(v)) return TRUST_PRIVATE_PROXIES;
    const list = v.split(',').map((e) => e.trim()).filter(Boolean);
    if (list.length && list.every(proxyAddress)) return list;
    ctx.addIssue({ code: 'custom', message: 'must be true, false, or a comma-separated list of proxy addresses or CIDR ranges (hop counts are not supported)' });
    return z.NEVER;
  });

/**
 * The key that seals the audit chains' heads (HMAC-SHA-256): at least 32
 * bytes, written as hex or base64. A string of hex digits is read as hex.
 */
const AUDIT_KEY_MIN_BYTES = 32;
const auditKeyFromEnv = z
  .string()
  .trim()
  .transform((v, ctx): Buffer => {
    const key = /^(?:[0-9a-f]{2})+$/i.test(v)
      ? Buffer.from(v, 'hex')
      : /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0
        ? Buffer.from(v, 'base64')
        : null;
    if (key && key.length >= AUDIT_KEY_MIN_BYTES) return key;
    ctx.addIssue({
      code: 'custom',
      message: `must be at least ${AUDIT_KEY_MIN_BYTES} random bytes written as hex or base64 (for example the output of "openssl rand -hex 32")`,
    });
    return z.NEVER;
  });

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
  TRUST_PROXY: trustProxyFromEnv.default(false),
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
  /** Seals the audit chains' heads; without it the key lives in DATA_DIR/audit.key (made at first start). */
  KUMOJI_AUDIT_KEY: auditKeyFromEnv.optional(),
  /**
   * Where reminder e-mails are sent through: smtp://user:password@host:587 (STARTTLS when the server offers it)
   * or smtps://…:465. Without it reminders are shown in the app only.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional(),
  /** The sender of Kumoji's e-mails. */
  MAIL_FROM: z.string().trim().min(3).max(320).regex(/@/, 'must contain an e-mail address').default('Kumoji <kumoji@localhost>'),
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
