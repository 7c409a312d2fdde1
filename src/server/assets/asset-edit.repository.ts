import { and, eq, sql } from 'drizzle-orm';
import type { StatementAppend } from '../platform/audit/audit.repository.ts';
import type { Db } from '../platform/db/database.ts';
import { fromRaw, RAW_SELECT, rawFrom, type AssetRow, type NewAssetRow, type RawAssetRow } from './asset.repository.ts';
import { assets } from './asset.table.ts';

/**
 * An edit of one asset and its audit entry in one statement: the row changes
 * only while it is at `version` and the chain's head is where it was read
 * (`appendInStatement`), and the entry is written only with the change. The
 * answer is the row as updated, with its owner's names, from the same
 * statement; null when nothing was written (the version or the head moved).
 */
export async function updateAssetAudited(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  patch: Partial<NewAssetRow>,
  audit: StatementAppend,
): Promise<AssetRow | null> {
  const update = db
    .update(assets)
    .set({ ...patch, updatedAt: new Date(), version: sql`${assets.version} + 1` })
    .where(and(eq(assets.organisationId, organisationId), eq(assets.id, id), eq(assets.version, version), sql`exists (select 1 from audit_head_now)`))
    .returning()
    // Its SQL, not the builder: embedded as a builder it would be put in parentheses, which a CTE body may not have.
    .getSQL();
  const { rows } = await db.execute<RawAssetRow>(sql`with audit_head_now as (${audit.lockHead}),
    edited as (${update}),
    ${audit.writes('edited')}
    ${RAW_SELECT} ${rawFrom(sql`edited as assets`)}`);
  return rows[0] ? fromRaw(rows[0]) : null;
}
