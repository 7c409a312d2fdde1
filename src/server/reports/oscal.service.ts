import { dateIn } from '../../shared/platform/calendar-date.ts';
import { OSCAL_VERSION, type TControlSetKey, type TOscalModel, type TOscalStatus } from '../../shared/reports/oscal.schema.ts';
import type { OscalDocument } from '../../shared/reports/oscal.types.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { controlSetsForExport } from '../governance/governance.public.ts';
import { openCorrectiveActions } from '../operations/operations.public.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import type { Download } from '../platform/http/download.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { catalogDocument, type LoadedControlSet } from './oscal-catalog.ts';
import { oscalScope } from './oscal-document.ts';
import { poamDocument } from './oscal-poam.ts';
import { profileDocument } from './oscal-profile.ts';
import { resultsDocument } from './oscal-results.ts';

/**
 * The NIST OSCAL documents (PRODUCT.md capability 12) of the organisation,
 * each read through the modules' public reads (governance's control sets
 * and judgements, operations' open corrective actions), written in the
 * language asked for and sent as a JSON file. Every export is on the audit
 * trail (`oscalDocument.export`, with the model, the set, the language and
 * the document's uuid and version) before a byte of it is sent, in a
 * transaction of its own, as the registers' exports are (export.route.ts).
 */

// Governance and operations count due dates by the day in Japan.
const TIME_ZONE = 'Asia/Tokyo';

const loaded = (s: Awaited<ReturnType<typeof controlSetsForExport>>[number]): s is LoadedControlSet => s.collection !== null && s.controls.length > 0;

async function loadedSets(ctx: DataContext, now: Date): Promise<LoadedControlSet[]> {
  return (await controlSetsForExport(ctx, dateIn(TIME_ZONE, now))).filter(loaded);
}

/** The document as a download, recorded on the audit trail first. */
async function exported(ctx: DataContext, document: OscalDocument, what: { model: TOscalModel; set?: TControlSetKey; lang: TLocale; now: Date }): Promise<Download> {
  const body = Object.values(document)[0] as { uuid: string; metadata: { version: string } };
  await ctx.transaction((tx) =>
    tx.audit({ action: 'oscalDocument.export', entityType: 'oscalDocument', entityId: null, after: { model: what.model, controlSet: what.set ?? null, lang: what.lang, uuid: body.uuid, version: body.metadata.version } }),
  );
  const name = ['kumoji-oscal', what.model === 'plan-of-action-and-milestones' ? 'poam' : what.model, what.set, dateIn(TIME_ZONE, what.now), what.lang === 'en' ? 'en' : undefined].filter(Boolean).join('-');
  return { fileName: `${name}.json`, asciiName: `${name}.json`, contentType: 'application/json; charset=utf-8', content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8') };
}

/** One control set's catalog; 404 `oscalSetNotLoaded` when the organisation has no version of its collection loaded. */
export async function exportCatalog(deps: ModuleDeps, auth: OrgAuthContext, key: TControlSetKey, lang: TLocale): Promise<Download> {
  const ctx = DataContext.ofMember(deps.database, auth);
  const now = clockOf(deps).now();
  const set = (await loadedSets(ctx, now)).find((s) => s.key === key);
  if (!set) throw new HttpProblem(404, 'oscalSetNotLoaded', { set: key });
  return exported(ctx, catalogDocument(set, oscalScope(auth.organisation, lang)), { model: 'catalog', set: key, lang, now });
}

/** The organisation's profile over its sets' catalogs; 409 `oscalNoControlSets` when it has none loaded. */
export async function exportProfile(deps: ModuleDeps, auth: OrgAuthContext, lang: TLocale): Promise<Download> {
  const ctx = DataContext.ofMember(deps.database, auth);
  const now = clockOf(deps).now();
  const sets = await loadedSets(ctx, now);
  // OSCAL: a profile imports at least one catalog.
  if (!sets.length) throw new HttpProblem(409, 'oscalNoControlSets');
  return exported(ctx, profileDocument(sets, oscalScope(auth.organisation, lang), now), { model: 'profile', lang, now });
}

/** The organisation's control judgements as assessment results (none judged yet is a result with nothing reviewed). */
export async function exportResults(deps: ModuleDeps, auth: OrgAuthContext, lang: TLocale): Promise<Download> {
  const ctx = DataContext.ofMember(deps.database, auth);
  const now = clockOf(deps).now();
  return exported(ctx, resultsDocument(await loadedSets(ctx, now), oscalScope(auth.organisation, lang), now), { model: 'assessment-results', lang, now });
}

/** The open corrective actions as a plan of action and milestones; 409 `oscalNoOpenActions` when none is open. */
export async function exportPoam(deps: ModuleDeps, auth: OrgAuthContext, lang: TLocale): Promise<Download> {
  const ctx = DataContext.ofMember(deps.database, auth);
  const now = clockOf(deps).now();
  const actions = await openCorrectiveActions(ctx, now);
  // OSCAL: a plan of action and milestones holds at least one item.
  if (!actions.length) throw new HttpProblem(409, 'oscalNoOpenActions');
  return exported(ctx, poamDocument(actions, oscalScope(auth.organisation, lang), now), { model: 'plan-of-action-and-milestones', lang, now });
}

/**
 * What each document holds now (the page that downloads them): per control
 * set its loaded catalog version and its controls, judged and excluded, as
 * the documents count them, and the open corrective actions.
 */
export async function oscalStatus(deps: ModuleDeps, auth: OrgAuthContext): Promise<TOscalStatus> {
  const ctx = DataContext.ofMember(deps.database, auth);
  const now = clockOf(deps).now();
  const [sets, actions] = await Promise.all([controlSetsForExport(ctx, dateIn(TIME_ZONE, now)), openCorrectiveActions(ctx, now)]);
  return {
    version: OSCAL_VERSION,
    sets: sets.map((s) => ({
      key: s.key,
      name: s.name,
      catalogVersion: loaded(s) ? s.collection.version : null,
      controls: s.controls.length,
      judged: s.controls.filter((c) => c.assessment).length,
      excluded: s.controls.filter((c) => c.assessment && !c.assessment.applicable).length,
    })),
    openActions: actions.length,
  };
}
