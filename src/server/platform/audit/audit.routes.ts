import { z } from 'zod';
import { AuditPageSchema, AuditQuerySchema } from '../../../shared/schemas/audit.schema.ts';
import type { AuthDeps } from '../auth/auth.service.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { JsonText, jsonValue as j } from '../http/json-text.ts';
import { defineRoute, type AnyRoute } from '../http/route.ts';
import { memberActor } from './audit-actor.ts';
import { chainForExport } from './audit-export.repository.ts';
import { appendAudit, chainOf, listAuditPage, type AuditEntryRow, type AuditPageRow } from './audit.repository.ts';

export function presentAuditEntry(r: AuditEntryRow) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before ?? null,
    after: r.after ?? null,
    hash: r.hash,
  };
}

/**
 * A page of the trail as `AuditPageSchema` JSON, written directly: the list is
 * the busiest read, and its before and after are stored JSON that need not be
 * parsed to be sent (the route layer holds this to the schema outside production).
 */
export function auditPageJson(rows: AuditPageRow[], nextCursor: number | null, head: { seq: number; hash: string }): JsonText {
  const items = rows.map(
    (r) =>
      `{"seq":${r.seq},"at":"${r.at.toISOString()}","actorUserId":${j(r.actorUserId)},"actorLabel":${j(r.actorLabel)},` +
      `"action":${j(r.action)},"entityType":${j(r.entityType)},"entityId":${j(r.entityId)},` +
      `"before":${r.beforeJson ?? 'null'},"after":${r.afterJson ?? 'null'},"hash":${j(r.hash)}}`,
  );
  return new JsonText(`{"items":[${items.join(',')}],"nextCursor":${j(nextCursor)},"headSeq":${head.seq},"headHash":${j(head.seq ? head.hash : null)}}`);
}

/** End of the day in UTC+9 is close enough for a filter; entries carry exact times. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+09:00`);
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999+09:00`);

export function auditRoutes(deps: AuthDeps): AnyRoute[] {
  const { db, pool } = deps.database;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/audit',
      summary: "The organisation's audit trail, newest first, with the chain head",
      tags: ['audit'],
      access: { kind: 'org', permission: 'audit.read' },
      query: AuditQuerySchema,
      response: AuditPageSchema,
      handler: async ({ auth, query }) => {
        const { rows, head } = await listAuditPage(pool, {
          organisationId: auth.organisation.id,
          actorUserId: query.actorUserId,
          entityType: query.entityType,
          from: query.from ? dayStart(query.from) : undefined,
          to: query.to ? dayEnd(query.to) : undefined,
          beforeSeq: query.cursor,
          limit: query.limit + 1,
        });
        const more = rows.length > query.limit;
        const items = rows.slice(0, query.limit);
        return auditPageJson(items, more ? items[items.length - 1].seq : null, head);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/audit/export',
      summary: 'Export the whole trail as JSON Lines; the last line carries the head hash',
      tags: ['audit'],
      access: { kind: 'org', permission: 'audit.export' },
      response: null,
      produces: 'application/x-ndjson',
      handler: async ({ reply, auth }) => {
        const organisationId = auth.organisation.id;
        // The export is itself recorded, before it is taken, so the file ends with its own entry.
        await db.transaction((tx) =>
          appendAudit(tx, { ...memberActor(auth), action: 'audit.export', entityType: 'audit', entityId: null }),
        );
        const { entries, head } = await chainForExport(pool, chainOf(organisationId));
        const lines = entries.map((e) => JSON.stringify(e));
        lines.push(JSON.stringify({ head: { chain: chainOf(organisationId), seq: head.seq, hash: head.hash, exportedAt: new Date().toISOString() } }));
        const date = new Date().toISOString().slice(0, 10);
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', contentDisposition(`kumoji-audit-${date}.jsonl`))
          .send(`${lines.join('\n')}\n`);
      },
    }),
  ];
}

export const AuditExportHeadSchema = z.object({ head: z.object({ chain: z.string(), seq: z.number(), hash: z.string().nullable() }) });
