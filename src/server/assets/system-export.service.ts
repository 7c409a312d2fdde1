import type { Readable } from 'node:stream';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { TSystem } from '../../shared/schemas/system.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listSystems } from './system.service.ts';
import { loadedCollections } from './workload.catalog.ts';

/**
 * The system portfolio (seed 004) as a file: each system with its
 * criticality, its 7 R strategy as the loaded catalog names it (FACTS.md 5),
 * effort, placement now and after, connections, links and what it still
 * lacks, in the member's language.
 */

function systemFields(locale: TLocale, strategies: Map<string, { ja: string; en: string }>, names: Map<string, string>): RegisterField<TSystem>[] {
  const t = translator(locale);
  const f = (key: string) => label(`systems.fields.${key}`);
  const refs = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join(', ');
  const placement = (p: string | null) => t(`systems.placement.${p ?? 'retired'}`);
  const finding = (x: TSystem['findings'][number]) => t(`systems.findings.${x.code}`, { systems: (x.systemIds ?? []).map((id) => names.get(id) ?? '').join(', ') });
  return [
    { key: 'name', label: f('name'), value: (s) => s.name },
    { key: 'description', label: f('description'), value: (s) => s.description },
    { key: 'criticality', label: f('criticality'), value: (s) => t(`systems.criticality.${s.criticality}`) },
    { key: 'strategy', label: f('strategy'), value: (s) => (s.strategy ? (strategies.get(s.strategy)?.[locale] ?? s.strategy) : t('systems.undecided')) },
    { key: 'effortPersonMonths', label: f('effort'), value: (s) => s.effortPersonMonths },
    { key: 'rationale', label: f('rationale'), value: (s) => s.rationale },
    { key: 'currentPlacement', label: f('currentPlacement'), value: (s) => placement(s.currentPlacement) },
    { key: 'targetPlacement', label: f('targetPlacement'), value: (s) => (s.targetPlacement ? placement(s.targetPlacement) : null) },
    { key: 'finalPlacement', label: label('systems.export.finalPlacement'), value: (s) => placement(s.finalPlacement) },
    { key: 'connections', label: f('connections'), value: (s) => s.connections.map((c) => t(`systems.connection.${c}`)).join(', ') },
    { key: 'workloads', label: f('workloads'), value: (s) => refs(s.workloads) },
    { key: 'assets', label: f('assets'), value: (s) => refs(s.assets) },
    { key: 'dependsOn', label: f('dependsOn'), value: (s) => refs(s.dependsOn) },
    { key: 'dependents', label: label('systems.export.dependents'), value: (s) => refs(s.dependents) },
    { key: 'findings', label: label('systems.findingsColumn'), value: (s) => s.findings.map(finding).join('\n') },
  ];
}

export async function exportSystems(ctx: DataContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const [{ items }, catalog] = await ctx.sideBySide(() => listSystems(ctx), () => loadedCollections(ctx, ['strategies']));
  const strategies = new Map((catalog.strategies?.items ?? []).map((i) => [i.attributes.code as string, { ja: i.ja, en: i.en }]));
  const names = new Map(items.map((s) => [s.id, s.name]));
  return exportTables(format, locale, [{ name: translator(locale)('systems.title'), fields: systemFields(locale, strategies, names), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const systemExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'systems.export.fileName', 'systems', dateIn('Asia/Tokyo', now));
