import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Config } from '../config.ts';

/**
 * The key that seals the audit chains' heads (`audit.seal.ts`). It comes from
 * KUMOJI_AUDIT_KEY, or else from `DATA_DIR/audit.key`, made at the first start.
 * It must never be stored in the database: the seal is only worth something
 * to the extent that someone who can rewrite the database cannot read the key.
 */

export const AUDIT_KEY_FILE = 'audit.key';
const KEY_BYTES = 32;

export const auditKeyPath = (config: Config) => path.join(config.dataDir, AUDIT_KEY_FILE);

function parseKeyFile(text: string, file: string): Buffer {
  const hex = text.trim();
  if (!/^(?:[0-9a-f]{2}){32,}$/i.test(hex)) {
    throw new ConfigError(`${file} does not hold an audit key (at least ${KEY_BYTES} bytes in hex); restore it from a backup or set KUMOJI_AUDIT_KEY`);
  }
  return Buffer.from(hex, 'hex');
}

async function readKeyFile(file: string): Promise<Buffer | null> {
  try {
    return parseKeyFile(await fs.readFile(file, 'utf8'), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Writes a new key to a temporary file and links it into place: `link` fails
 * when the name exists, so of several instances starting together on one
 * data folder exactly one key wins and every instance reads that one.
 */
async function createKeyFile(file: string): Promise<Buffer> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(KEY_BYTES).toString('hex')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temporary, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await fs.unlink(temporary).catch(() => undefined);
  }
  const key = await readKeyFile(file);
  if (!key) throw new ConfigError(`${file} vanished while it was being created`);
  return key;
}

/**
 * The configured key. `create: false` (verification) never makes one: a new
 * key would only report every seal as wrong, so it says where it looked.
 */
export async function loadAuditKey(config: Config, options: { create: boolean } = { create: true }): Promise<Buffer> {
  if (config.KUMOJI_AUDIT_KEY) return config.KUMOJI_AUDIT_KEY;
  const file = auditKeyPath(config);
  const key = await readKeyFile(file);
  if (key) return key;
  if (!options.create) {
    throw new ConfigError(`no audit key: ${file} does not exist and KUMOJI_AUDIT_KEY is not set (use the DATA_DIR or the KUMOJI_AUDIT_KEY of the server)`);
  }
  return createKeyFile(file);
}

let installed: Buffer | null = null;

/**
 * The key `appendAudit` seals with, set once at start (`startServer`,
 * `kumoji migrate`): the ~50 places that append an entry need not carry it.
 */
export function installAuditKey(key: Buffer): void {
  installed = key;
}

export function auditKey(): Buffer {
  if (!installed) throw new Error('the audit key is not installed (installAuditKey at start-up)');
  return installed;
}
