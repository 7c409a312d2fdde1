import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Permission } from '../../../shared/policy.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import type { DataContext } from '../db/data-context.ts';
import { sendStream } from '../http/download.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../http/route.ts';
import { translator } from '../i18n/translate.ts';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '../transfer/export.writer.ts';

/**
 * A register's export route: `GET <url>?format=…` streams the file as it is
 * written (export.writer.ts), always as an attachment with the register's own
 * names for it, so every export answers alike. Every export is on the audit
 * trail (`<entity>.export`, with the format) before a byte of it is sent, in
 * a transaction of its own: the file's rows are read on the pool as before,
 * never inside that transaction, and a download cut half-way is still
 * recorded.
 */

/** A column's label in both languages, from one message key. */
export const fieldLabel = (key: string) => ({ ja: translator('ja')(key), en: translator('en')(key) });

/** The file's names: `<name in the member's language>-<day>.<format>`, and `<ascii>-<day>.<format>` for browsers without RFC 8187. */
export function datedFileName(format: ExportFormat, locale: TLocale, nameKey: string, ascii: string, day: string) {
  return { fileName: `${translator(locale)(nameKey)}-${day}.${format}`, asciiName: `${ascii}-${day}.${format}` };
}

export interface ExportRouteSpec<Q extends z.ZodType<{ format: ExportFormat }>> {
  url: string;
  summary: string;
  tags: string[];
  read: Permission;
  query: Q;
  /** The member's context (the routes' `scope`): the audit entry goes on its organisation's chain, by its actor. */
  scope: (auth: OrgAuthContext) => DataContext;
  /**
   * The register's entity type, as its other audit entries name it
   * (`auditLabels.entities`): the entry is `<entityType>.export`. A register
   * exporting one of several tables names the table's.
   */
  entityType: string | ((query: z.output<Q>) => string);
  /** The file's names for this query (`datedFileName`). */
  name: (query: z.output<Q>, locale: TLocale) => { fileName: string; asciiName?: string };
  /** The file itself, in the member's language. */
  stream: (auth: OrgAuthContext, query: z.output<Q>, locale: TLocale) => Promise<Readable> | Readable;
}

export function exportRoute<Q extends z.ZodType<{ format: ExportFormat }>>(spec: ExportRouteSpec<Q>): AnyRoute {
  return defineRoute({
    method: 'GET',
    url: spec.url,
    summary: spec.summary,
    tags: spec.tags,
    access: { kind: 'org', permission: spec.read },
    query: spec.query,
    response: null,
    produces: 'text/csv',
    handler: async ({ auth, query, reply, locale }) => {
      const q = query as z.output<Q>;
      const entityType = typeof spec.entityType === 'string' ? spec.entityType : spec.entityType(q);
      // A request the register refuses (a year it has no list of) is no export: the entry follows the file's first reads.
      const stream = await spec.stream(auth, q, locale);
      try {
        await spec.scope(auth).transaction((ctx) => ctx.audit({ action: `${entityType}.export`, entityType, entityId: null, after: { format: q.format } }));
      } catch (e) {
        stream.destroy();
        throw e;
      }
      return sendStream(reply, { ...spec.name(q, locale), contentType: EXPORT_CONTENT_TYPES[q.format], stream });
    },
  });
}
