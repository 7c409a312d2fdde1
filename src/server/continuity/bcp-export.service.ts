import type { Readable } from 'node:stream';
import { BCP_EXPORT_TABLES, type TBcpDrill, type TBcpGrid } from '../../shared/continuity/bcp.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables, type ExportTable } from '../platform/transfer/register-export.ts';
import { bcpGrid } from './bcp.service.ts';

/**
 * The BCP (seed 004's three operating modes × seed 000's five disaster types)
 * and its drills as files, in the member's language: one row per cell of the
 * grid with its response, owner, standing and last drill; one row per drill
 * with what it measured and found and the corrective actions its findings
 * became. CSV and JSON carry one table, the workbook both.
 */

export type BcpExportTable = (typeof BCP_EXPORT_TABLES)[number];
/** What the audit trail names as exported: the entity of the table asked for (the workbook carries both). */
export const BCP_EXPORT_ENTITIES: Record<BcpExportTable, string> = { scenarios: 'bcpScenario', drills: 'bcpDrill' };

type Cell = TBcpGrid['cells'][number];
type Names = Map<string, { ja: string; en: string }>;

function cellFields(locale: TLocale, disasters: Names): RegisterField<Cell>[] {
  const t = translator(locale);
  const b = (key: string) => label(`continuity.bcp.${key}`);
  return [
    { key: 'mode', label: label('continuity.drills.fields.mode'), value: (c) => t(`continuity.bcp.mode.${c.mode}`) },
    { key: 'disasterType', label: b('disaster'), value: (c) => disasters.get(c.disasterTypeId)?.[locale] ?? null },
    { key: 'standing', label: b('status'), value: (c) => t(`continuity.bcp.standing.${c.standing}`) },
    { key: 'response', label: b('response'), value: (c) => c.scenario?.response ?? null },
    { key: 'owner', label: b('owner'), value: (c) => c.scenario?.ownerDepartment?.name ?? null },
    { key: 'lastDrillOn', label: label('continuity.export.lastDrillOn'), value: (c) => c.lastDrillOn },
  ];
}

function drillFields(locale: TLocale, disasters: Names): RegisterField<TBcpDrill>[] {
  const t = translator(locale);
  const f = (key: string) => label(`continuity.drills.fields.${key}`);
  return [
    { key: 'title', label: f('title'), value: (d) => d.title },
    { key: 'heldOn', label: f('heldOn'), value: (d) => d.heldOn },
    { key: 'mode', label: f('mode'), value: (d) => t(`continuity.bcp.mode.${d.mode}`) },
    { key: 'disasterType', label: f('disasterTypeId'), value: (d) => disasters.get(d.disasterTypeId)?.[locale] ?? null },
    { key: 'participants', label: f('participants'), value: (d) => d.participants },
    { key: 'recoveryMinutes', label: f('recoveryMinutes'), value: (d) => d.recoveryMinutes },
    { key: 'findings', label: f('findings'), value: (d) => d.findings.join('\n') },
    { key: 'actions', label: label('continuity.drills.actionsTitle'), value: (d) => d.actions.map((a) => a.title).join('\n') },
    { key: 'notes', label: f('notes'), value: (d) => d.notes },
  ];
}

export async function exportBcp(ctx: DataContext, format: ExportFormat, locale: TLocale, table: BcpExportTable, now: Date): Promise<Readable> {
  const t = translator(locale);
  const grid = await bcpGrid(ctx, now);
  const disasters: Names = new Map(grid.disasterTypes.map((d) => [d.id, d.title]));
  const tables = {
    scenarios: { name: t('continuity.export.scenariosSheet'), fields: cellFields(locale, disasters), records: () => grid.cells } satisfies ExportTable<Cell>,
    drills: { name: t('continuity.drills.list'), fields: drillFields(locale, disasters), records: () => grid.drills } satisfies ExportTable<TBcpDrill>,
  };
  const order = format === 'xlsx' ? BCP_EXPORT_TABLES : [table];
  return exportTables(format, locale, order.map((k) => tables[k]));
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export function bcpExportFileName(format: ExportFormat, locale: TLocale, table: BcpExportTable, now: Date) {
  const name = format === 'xlsx' ? 'all' : table;
  return datedFileName(format, locale, `continuity.export.bcpFileName.${name}`, `bcp-${name}`, dateIn('Asia/Tokyo', now));
}
