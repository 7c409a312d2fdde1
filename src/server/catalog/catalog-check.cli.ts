// `npx tsx src/server/catalog/catalog-check.cli.ts [dir]`: checks the catalog
// YAML files and prints one `file:line: message` per problem. Also called by
// `kumoji catalog check` through runCatalogCheck.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatCatalogError, readCatalogDir } from './catalog.files.ts';

export const DEFAULT_CATALOG_DIR = 'catalog';

/** Prints every error and a summary to `out`; resolves to the process exit code (1 when any error exists). */
export async function runCatalogCheck(
  dir: string = DEFAULT_CATALOG_DIR,
  out: { write(text: string): unknown } = process.stdout,
): Promise<number> {
  const { files, errors } = await readCatalogDir(dir);
  for (const error of errors) out.write(`${formatCatalogError(error)}\n`);
  const items = files.reduce((count, file) => count + (file.kind === 'collection' ? file.itemIds.length : 0), 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  out.write(`catalog: ${plural(files.length, 'file')}, ${plural(items, 'item')}, ${plural(errors.length, 'error')}\n`);
  return errors.length > 0 ? 1 : 0;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await runCatalogCheck(process.argv[2] ?? DEFAULT_CATALOG_DIR);
}
