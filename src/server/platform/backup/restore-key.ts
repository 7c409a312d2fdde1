import fs from 'node:fs/promises';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { auditKeyPath, loadAuditKey } from '../audit/audit-key.ts';
import { sealMatches } from '../audit/audit.seal.ts';
import type { Config } from '../config.ts';
import { AUDIT_KEY_ENTRY, BackupError } from './backup.rules.ts';
import type { Manifest } from './manifest.ts';

/**
 * Which audit key a restore verifies with, decided before the database is
 * touched: the configured one (KUMOJI_AUDIT_KEY, or DATA_DIR/audit.key), or
 * the archive's when it carries one and none is configured. Two different
 * keys, or a key that seals none of the archive's heads, stop the restore.
 */

export interface RestoreKey {
  key: Buffer;
  /** Where it came from, for messages. */
  source: string;
  /** The archive's key, to be written to DATA_DIR/audit.key once the data is in. */
  writeTo: string | null;
}

async function configuredKey(config: Config): Promise<{ key: Buffer; source: string } | null> {
  if (config.KUMOJI_AUDIT_KEY) return { key: config.KUMOJI_AUDIT_KEY, source: 'KUMOJI_AUDIT_KEY' };
  const file = auditKeyPath(config);
  if (!(await fs.stat(file).then(() => true, () => false))) return null;
  return { key: await loadAuditKey(config, { create: false }), source: file };
}

async function archivedKey(dir: string): Promise<Buffer> {
  const text = (await fs.readFile(path.join(dir, AUDIT_KEY_ENTRY), 'utf8')).trim();
  if (!/^(?:[0-9a-f]{2}){32,}$/i.test(text)) throw new BackupError('the archive\'s audit.key does not hold an audit key; nothing was restored');
  return Buffer.from(text, 'hex');
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

export async function restoreKey(config: Config, manifest: Manifest, dir: string): Promise<RestoreKey> {
  const archived = manifest.auditKeyIncluded ? await archivedKey(dir) : null;
  const configured = await configuredKey(config);
  if (archived && configured && !same(archived, configured.key)) {
    throw new BackupError(
      `the archive carries an audit key other than the configured one (${configured.source}); ` +
        'remove or change the configured key, or restore elsewhere. Nothing was restored.',
    );
  }
  const chosen = configured ?? (archived ? { key: archived, source: 'the archive' } : null);
  if (!chosen) {
    // No chain to verify yet: a new key, as the first start would make.
    if (!manifest.auditHeads.length) return { key: await loadAuditKey(config), source: `${auditKeyPath(config)} (new)`, writeTo: null };
    throw new BackupError(
      `no audit key: the archive does not carry one, KUMOJI_AUDIT_KEY is not set and ${auditKeyPath(config)} does not exist. ` +
        'Put the key kept with the backup in that file (hex, mode 0600) or in KUMOJI_AUDIT_KEY. Nothing was restored.',
    );
  }
  const heads = manifest.auditHeads;
  if (heads.length && !heads.some((h) => sealMatches(chosen.key, h, h.seal))) {
    throw new BackupError(
      `the audit key (${chosen.source}) seals none of the archive's ${heads.length} chain head(s): ` +
        'it is not the key of the installation that was backed up. Nothing was restored.',
    );
  }
  return { key: chosen.key, source: chosen.source, writeTo: archived && !configured ? auditKeyPath(config) : null };
}

/** The archive's key as DATA_DIR/audit.key (as `audit-key.ts` writes one); never over an existing file. */
export async function writeRestoredKey(file: string, key: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'wx', 0o600);
  try {
    await handle.writeFile(`${key.toString('hex')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
