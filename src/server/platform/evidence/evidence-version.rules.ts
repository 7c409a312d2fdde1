/**
 * Versions of an evidence file (pure rules). A record keeps one file per
 * piece of evidence and its earlier versions behind it: a new version
 * supersedes the current one, counts on from it and never replaces its
 * bytes, so what a record stood on at any time can still be downloaded and
 * its SHA-256 checked (ISO/IEC 27001 7.5.3: documented information is kept
 * under version control and retained).
 */

export interface VersionFacts {
  id: string;
  previousId: string | null;
  versionNo: number;
  sha256: string;
}

export type SupersedeCheck = { ok: true; versionNo: number } | { ok: false; status: 400 | 409; code: 'evidenceSuperseded' | 'evidenceUnchanged' };

/**
 * Whether an upload may become the next version of `current`: a version
 * already superseded (by another upload, or by another record that shared
 * the file) takes no second successor (409: two new versions of one file
 * are never both accepted), and the same bytes again are no new version
 * (400). The next version's number is one more than the current one's.
 */
export function supersedeCheck(current: Pick<VersionFacts, 'versionNo' | 'sha256'> & { supersededBy: string | null }, uploadSha256: string): SupersedeCheck {
  if (current.supersededBy !== null) return { ok: false, status: 409, code: 'evidenceSuperseded' };
  if (current.sha256 === uploadSha256) return { ok: false, status: 400, code: 'evidenceUnchanged' };
  return { ok: true, versionNo: current.versionNo + 1 };
}

/**
 * The versions behind `head`, newest first, following `previousId` through
 * `rows` (which may hold other files' versions too, and need not hold the
 * head). A version missing from `rows` ends the chain; a chain never visits
 * a file twice.
 */
export function earlierVersions<V extends VersionFacts>(rows: readonly V[], head: Pick<VersionFacts, 'id' | 'previousId'>): V[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: V[] = [];
  const seen = new Set([head.id]);
  let next = head.previousId;
  while (next !== null && !seen.has(next)) {
    const row = byId.get(next);
    if (!row) break;
    out.push(row);
    seen.add(next);
    next = row.previousId;
  }
  return out;
}
