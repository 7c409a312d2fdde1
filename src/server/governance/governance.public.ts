import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TControlSets } from '../../shared/governance/control.schema.ts';
import { loadedCollectionsById, type CatalogItemRow, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { controlSetsOf } from './control.service.ts';
import { listDocumentRows } from './isms-document.repository.ts';
import { listPeople } from './staffing.repository.ts';

/**
 * What other modules read of governance: the ISMS documents' review dates
 * and the staff's certification expiries, for the operations calendar and
 * its iCalendar feed; the control sets with their judgements, for the
 * dashboard and the OSCAL documents. Other modules import
 * this file only (eslint.config.js enforces it).
 */

export interface GovernanceDate {
  kind: 'documentReview' | 'qualificationExpiry';
  date: IsoDate;
  /** The document's title or the person's name. */
  title: string;
  /** The certification's name, for an expiry. */
  detail: string | null;
  path: string;
}

/** Each approved document's next review and each person's certification expiry (past ones stay: the review is overdue, the certification lapsed). */
export async function governanceDates(ctx: DataContext): Promise<GovernanceDate[]> {
  const [documents, people] = await ctx.sideBySide(() => listDocumentRows(ctx), () => listPeople(ctx));
  return [
    ...documents.flatMap((d) => (d.status === 'approved' && d.nextReviewOn ? [{ kind: 'documentReview' as const, date: d.nextReviewOn, title: d.title, detail: null, path: `/governance/documents/${d.id}` }] : [])),
    ...people.flatMap((p) => p.certifications.flatMap((c) => (c.expiresOn ? [{ kind: 'qualificationExpiry' as const, date: c.expiresOn, title: p.name, detail: c.name, path: `/governance/staffing/people/${p.id}` }] : []))),
  ];
}

/** Each control set's assessment summary (implemented, applicable, overdue …) and the organisation's over all sets, as the controls page counts them (control.service.ts). */
export async function controlStanding(ctx: DataContext, today: IsoDate): Promise<{ sets: Pick<TControlSets['sets'][number], 'key' | 'name' | 'summary'>[]; summary: TControlSets['summary'] }> {
  const { sets, summary } = await controlSetsOf(ctx, today);
  return { sets: sets.map(({ key, name, summary }) => ({ key, name, summary })), summary };
}

/** A control set's controls with the catalog items they come from and the organisation's judgement of each, for the OSCAL documents (reports). */
export interface ControlSetForExport {
  key: TControlSets['sets'][number]['key'];
  name: { ja: string; en: string };
  source: string[];
  /** The organisation's loaded version of the collection the set comes from; null when it has none loaded. */
  collection: (Pick<LoadedCollection, 'id' | 'version'> & { storedAt: Date; attributes: Record<string, unknown> }) | null;
  controls: { item: CatalogItemRow; code: string | null; assessment: TControlSets['sets'][number]['controls'][number]['assessment'] }[];
}

/** The collection of a catalog item: `urn:kumoji:<source>:<collection>:<local>` (docs/CATALOG.md). */
const collectionOf = (itemId: string) => itemId.split(':').slice(0, 4).join(':');

/**
 * Each control set as the controls page shows it (control.service.ts
 * `controlSetsOf`: the statement of applicability), with each control's
 * catalog item in full (its detail and attributes) and the collection's
 * loaded version; a set's collection is named by its controls' ids.
 */
export async function controlSetsForExport(ctx: DataContext, today: IsoDate): Promise<ControlSetForExport[]> {
  const { sets } = await controlSetsOf(ctx, today);
  const ids = [...new Set(sets.flatMap((s) => (s.controls[0] ? [collectionOf(s.controls[0].itemId)] : [])))];
  const loaded = await loadedCollectionsById(ctx, Object.fromEntries(ids.map((id) => [id, id])), ids);
  return sets.map((s) => {
    const collection = s.controls[0] ? loaded[collectionOf(s.controls[0].itemId)] : null;
    const items = new Map((collection?.items ?? []).map((i) => [i.itemId, i]));
    return {
      key: s.key,
      name: s.name,
      source: s.source,
      collection: collection ? { id: collection.id, version: collection.version, storedAt: collection.stored.storedAt, attributes: collection.stored.attributes } : null,
      controls: s.controls.flatMap((c) => {
        const item = items.get(c.itemId);
        return item ? [{ item, code: c.code, assessment: c.assessment }] : [];
      }),
    };
  });
}
