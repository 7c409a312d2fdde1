// The shipped catalog cites only documents of the registry
// (src/shared/catalog/source-documents.ts), so every screen, report and PDF
// can show a source by its document's title instead of a file name.
// Organisations' own files cite what they like and are not checked here.
import { isRecord } from '../../shared/catalog/catalog-issue.text.ts';
import { unlistedSourceProblem } from '../../shared/catalog/citation.rules.ts';

export interface CatalogSourceAt {
  source: string;
  line: number;
}

type At = (keyPath: PropertyKey[]) => number;

function sourcesOf(value: unknown, keyPath: PropertyKey[], at: At): CatalogSourceAt[] {
  if (typeof value === 'string') return [{ source: value, line: at(keyPath) }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((source: unknown, index) => (typeof source === 'string' ? [{ source, line: at([...keyPath, index]) }] : []));
}

/** Every source string of a file (the collection's and each item's), with its line. */
export function sourcesAt(data: unknown, at: At): CatalogSourceAt[] {
  if (!isRecord(data)) return [];
  const items = Array.isArray(data.items) ? data.items : [];
  return [
    ...sourcesOf(data.source, ['source'], at),
    ...items.flatMap((item: unknown, index) => (isRecord(item) ? sourcesOf(item.source, ['items', index, 'source'], at) : [])),
  ];
}

/** A read catalog file as far as its sources go (catalog.files.ts `CatalogFile`). */
interface FileSources {
  kind: string;
  path: string;
  sources?: readonly CatalogSourceAt[];
}

/** One error per source string that names a document the registry does not list. */
export function unlistedSourceErrors(files: readonly FileSources[]): { file: string; line: number; message: string }[] {
  return files.flatMap((file) =>
    file.kind !== 'collection'
      ? []
      : (file.sources ?? []).flatMap(({ source, line }) => {
          const problem = unlistedSourceProblem(source);
          return problem === null ? [] : [{ file: file.path, line, message: problem }];
        }),
  );
}
