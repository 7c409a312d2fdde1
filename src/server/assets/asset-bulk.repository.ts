import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import type { PreparedColumns } from './asset-import.rules.ts';
import { assets } from './asset.table.ts';

/** Many assets at once, for imports: what a file is checked against, and the batched insert. */

/** Name keys (lower() as the unique index compares them) of every asset of the organisation. */
export async function existingNameKeys(ctx: DataContext): Promise<Set<string>> {
  const rows = await ctx.db.select({ key: sql<string>`lower(${assets.name})` }).from(assets).where(ctx.scoped(assets));
  return new Set(rows.map((r) => r.key));
}

const INSERT_BATCH = 5000;

/**
 * A time-ordered UUID (version 7, RFC 9562): the 48-bit millisecond clock
 * first, then random bits. Rows inserted together get neighbouring keys, so
 * the primary-key index grows at its right edge instead of splitting pages
 * all over (random v4 keys cost a 100,000-row import noticeably more).
 * `random`: 16 random bytes to build it from (written into), drawn here when not given.
 */
export function uuidv7(ms = Date.now(), random?: Buffer): string {
  const b = random ?? randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Many assets in few statements: one INSERT … SELECT FROM unnest(…) per
 * 5,000 rows, one array parameter per column (far from PostgreSQL's 65,535
 * parameter limit, and much faster than a VALUES list). The rows are the
 * context's organisation's, created by its user from import `importId`.
 */
export async function insertPreparedAssets(
  ctx: DataContext,
  rows: PreparedColumns,
  ownerDepartmentIds: readonly (string | null)[],
  importId: string,
  onProgress?: (inserted: number) => Promise<void> | void,
): Promise<number> {
  const total = rows.name.length;
  let inserted = 0;
  for (let i = 0; i < total; i += INSERT_BATCH) {
    const end = Math.min(i + INSERT_BATCH, total);
    // Arrays go as one parameter each (sql.param), not expanded into a list.
    const col = <K extends keyof PreparedColumns>(k: K) => sql.param(rows[k].slice(i, end));
    const now = Date.now();
    // One draw of random bits for the batch rather than one per id.
    const random = randomBytes(16 * (end - i));
    const ids = Array.from({ length: end - i }, (_, n) => uuidv7(now, random.subarray(16 * n, 16 * n + 16)));
    await ctx.db.execute(sql`
      insert into assets (id, organisation_id, name, medium, content, location, owner_user_id, owner_department_id, records, rank, unit_value_yen,
                          asset_class_id, information_group_id, risk_category_id, sensitivity, confidentiality,
                          contains_personal_data, current_placement, planned_placement, notes,
                          created_by_import_id, created_by, updated_by)
      select u.id, ${ctx.organisationId}::uuid, u.name, u.medium, u.content, u.location, u.owner, u.department, u.records, u.rank, u.unit,
             u.class, u.grp, u.risk, u.sensitivity, u.confidentiality, u.personal, u.current, u.planned, u.notes,
             ${importId}::uuid, ${ctx.userId}::uuid, ${ctx.userId}::uuid
        from unnest(${sql.param(ids.sort())}::uuid[], ${col('name')}::text[], ${col('medium')}::text[], ${col('content')}::text[],
                    ${col('location')}::text[], ${col('ownerUserId')}::uuid[], ${sql.param(ownerDepartmentIds.slice(i, end))}::uuid[], ${col('records')}::bigint[],
                    ${col('rank')}::text[], ${col('unitValueYen')}::bigint[], ${col('assetClassId')}::text[],
                    ${col('informationGroupId')}::text[], ${col('riskCategoryId')}::text[], ${col('sensitivity')}::text[],
                    ${col('confidentiality')}::text[], ${col('containsPersonalData')}::boolean[],
                    ${col('currentPlacement')}::text[], ${col('plannedPlacement')}::text[], ${col('notes')}::text[])
          as u(id, name, medium, content, location, owner, department, records, rank, unit, class, grp, risk, sensitivity, confidentiality,
               personal, current, planned, notes)`);
    inserted += end - i;
    await onProgress?.(inserted);
  }
  return inserted;
}
