import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { BackupError, isArchiveEntry, MANIFEST_ENTRY } from './backup.rules.ts';

/**
 * The archive is a gzip-compressed tar file (node-tar): `manifest.json`
 * first, then `tables/<schema>.<table>.copy` and, when asked for,
 * `audit.key`. Any tar tool can list and unpack it.
 */

export class ArchiveError extends BackupError {}

/**
 * Packs `entries` (paths relative to `dir`, in that order) into `out`, mode
 * 0600. The archive is written beside `out` and linked into place, so `out`
 * is never half-written and an existing file is never replaced.
 */
export async function writeArchive(dir: string, entries: string[], out: string): Promise<number> {
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  try {
    await pipeline(tar.c({ gzip: true, cwd: dir, portable: true }, entries), createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    const handle = await fs.open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(partial, out);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ArchiveError(`${out} exists already; choose another --out file`);
      throw e;
    }
    return (await fs.stat(out)).size;
  } finally {
    await fs.rm(partial, { force: true });
  }
}

/**
 * Unpacks `file` into the (empty) folder `dir`. Only the names a backup
 * holds, as plain files, are taken; anything else makes it refused.
 */
export async function readArchive(file: string, dir: string): Promise<string[]> {
  try {
    await fs.access(file);
  } catch {
    throw new ArchiveError(`${file} cannot be read`);
  }
  const taken: string[] = [];
  const refused: string[] = [];
  try {
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      preserveOwner: false,
      filter: (name, entry) => {
        const ok = 'type' in entry && entry.type === 'File' && isArchiveEntry(name) && !taken.includes(name);
        (ok ? taken : refused).push(name);
        return ok;
      },
    });
  } catch (e) {
    throw new ArchiveError(`${file} is not a Kumoji backup archive (${(e as Error).message})`);
  }
  if (refused.length) throw new ArchiveError(`${file} holds entries a Kumoji backup does not (${refused.slice(0, 3).join(', ')}); refused`);
  if (taken[0] !== MANIFEST_ENTRY) throw new ArchiveError(`${file} is not a Kumoji backup archive (no manifest.json first)`);
  return taken;
}
