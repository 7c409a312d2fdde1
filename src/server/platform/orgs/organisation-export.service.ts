import { Readable } from 'node:stream';
import pg from 'pg';
import { appendAudit, chainOf } from '../audit/audit.repository.ts';
import { memberActor } from '../audit/audit-actor.ts';
import { listTables, type TableShape } from '../backup/backup-schema.ts';
import type { Database } from '../db/database.ts';
import type { OrgAuthContext } from '../http/route.ts';

/**
 * Everything an organisation has in Kumoji, as one JSON file it can take
 * with it (issue 13: per-organisation export): the organisation, its
 * members (name, e-mail, role), every row of every table that carries its
 * `organisation_id` (registers, assessments, links, evidence files with
 * their content as hex, the audit trail) and its chain's head, read in one
 * snapshot. Tables are found from the database, so a new module's tables are
 * in it with no change here.
 *
 * Left out, being credentials rather than data: sign-in sessions, pending
 * invitations (their tokens) and members' calendar feed addresses. Nobody's
 * password hash or MFA secret is in it.
 */

export const EXPORT_FORMAT = 'kumoji-organisation-export';
export const EXPORT_FORMAT_VERSION = 1;
const CREDENTIAL_TABLES = new Set(['sessions', 'invitations', 'calendar_feeds']);

const ident = pg.escapeIdentifier;

async function tenantTables(client: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'organisation_id'`,
  );
  const tenant = new Set(rows.map((r) => r.name));
  return (await listTables(client)).filter((t) => t.schema === 'public' && tenant.has(t.name) && !CREDENTIAL_TABLES.has(t.name));
}

const json = async (client: pg.ClientBase, query: string, values: unknown[]) => (await client.query<{ v: string }>(query, values)).rows[0]!.v;

/** The file as it is read, one table at a time; the connection goes back to the pool when the stream ends or is abandoned. */
async function* exportLines(database: Database, organisationId: string): AsyncGenerator<string> {
  const client = await database.pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const organisation = await json(client, `select coalesce((select row_to_json(o)::text from organisations o where o.id = $1), 'null') as v`, [organisationId]);
    const members = await json(
      client,
      `select coalesce(json_agg(m order by m.email)::text, '[]') as v from
         (select u.id, u.email, u.display_name as "displayName", ms.role from memberships ms join users u on u.id = ms.user_id where ms.organisation_id = $1) m`,
      [organisationId],
    );
    const head = await json(client, `select coalesce((select json_build_object('chain', chain, 'seq', seq, 'hash', hash)::text from audit_heads where chain = $1), 'null') as v`, [chainOf(organisationId)]);
    yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"formatVersion":${EXPORT_FORMAT_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},\n"organisation":${organisation},\n"members":${members},\n"auditHead":${head},\n"tables":{`;
    const tables = await tenantTables(client);
    for (const [i, table] of tables.entries()) {
      const rows = await json(client, `select coalesce(json_agg(row_to_json(t) order by ${table.orderBy})::text, '[]') as v from ${ident(table.schema)}.${ident(table.name)} t where t.organisation_id = $1`, [organisationId]);
      yield `${i ? ',' : ''}\n${JSON.stringify(table.name)}:${rows}`;
    }
    yield '\n}}\n';
    await client.query('commit');
  } finally {
    client.release();
  }
}

/** Records the export on the organisation's chain, then streams the file (which ends with that entry). */
export async function exportOrganisation(database: Database, auth: OrgAuthContext): Promise<Readable> {
  await database.db.transaction((tx) => appendAudit(tx, { ...memberActor(auth), action: 'organisation.export', entityType: 'organisation', entityId: auth.organisation.id }));
  return Readable.from(exportLines(database, auth.organisation.id));
}
