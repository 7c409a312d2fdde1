import fs from 'node:fs';
import { z } from 'zod';
import { BackupError } from './backup.rules.ts';

/**
 * `manifest.json`, the first entry of a backup archive: what it holds and the
 * figures restore checks the loaded database against.
 */

export const ARCHIVE_FORMAT = 'kumoji-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  kumojiVersion: z.string().min(1).max(100),
  createdAt: z.iso.datetime(),
  /** How many of the shipped migrations the database had applied. */
  migrations: z.object({ count: z.number().int().min(1) }),
  /**
   * Every table, in `COPY … TO STDOUT` text format (UTF-8, ISO dates in UTC),
   * rows in primary-key order; generated columns are left out (recomputed).
   */
  tables: z.array(
    z.object({
      schema: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      columns: z.array(z.string().min(1).max(63)).min(1),
      /** Read back from the migrations, never loaded: restore checks that they are the same. */
      migrationJournal: z.boolean(),
      rows: count,
      bytes: count,
      sha256,
    }),
  ),
  /** Sequences as they stood (`setval` on restore). */
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  /** Every audit chain's head, with its seal (an HMAC: no secret). */
  auditHeads: z.array(z.object({ chain: z.string().min(1), seq: count, hash: sha256, seal: z.string().nullable() })),
  /** Whether the archive carries the audit key (`kumoji backup --include-audit-key`). */
  auditKeyIncluded: z.boolean(),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestTable = Manifest['tables'][number];

export const qualified = (t: Pick<ManifestTable, 'schema' | 'name'>) => `${t.schema}.${t.name}`;

export class ManifestError extends BackupError {}

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestError('its manifest.json is not JSON');
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== ARCHIVE_FORMAT) throw new ManifestError('it is not a Kumoji backup (manifest.json names another format)');
  if (format.formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new ManifestError(`it is in archive format ${String(format.formatVersion)}; this Kumoji reads format ${ARCHIVE_FORMAT_VERSION}`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new ManifestError(`its manifest.json is malformed: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** The `version` of Kumoji's package.json. */
export function kumojiVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
