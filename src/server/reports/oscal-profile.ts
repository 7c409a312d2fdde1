import { oscalCatalogUrl } from '../../shared/reports/oscal.schema.ts';
import type { OscalAlter, OscalImport, OscalProfile, OscalResource } from '../../shared/reports/oscal.types.ts';
import type { LoadedControlSet } from './oscal-catalog.ts';
import { metadataOf, prop, prose, some, type OscalScope } from './oscal-document.ts';
import { controlIdOf, oscalUuid, sealDocument } from './oscal.ids.ts';

/**
 * The organisation's statement of applicability (governance's control
 * judgements, PRODUCT.md capability 7) as an OSCAL profile over the
 * catalogs of its control sets. A control applies unless the organisation
 * judged it not applicable, with the reason a statement of applicability
 * gives for an exclusion (ISO/IEC 27001 6.1.3 d; governance's own default
 * for a new judgement is "applicable"). So each set is imported whole
 * (`include-all`), the controls judged not applicable are excluded, and each
 * control kept says whether it was judged applicable (with its reason) or
 * is not judged yet. The exclusions and their reasons are in the remarks.
 */

/** The back matter's entry for a set's catalog, which the profile imports (`#uuid`), pointing at its download. */
export function catalogResource(set: LoadedControlSet, scope: OscalScope): OscalResource {
  return {
    uuid: oscalUuid(scope, 'catalog-resource', set.key),
    title: scope.t('reports.oscal.catalog.title', { name: set.name[scope.lang] }),
    props: some([prop('control-set', set.key), prop('catalog-version', set.collection.version)]),
    rlinks: [{ href: `${oscalCatalogUrl(set.key)}?lang=${scope.lang}`, 'media-type': 'application/oscal.catalog+json' }],
  };
}

type Judged = LoadedControlSet['controls'][number] & { assessment: NonNullable<LoadedControlSet['controls'][number]['assessment']> };
const judged = (c: LoadedControlSet['controls'][number]): c is Judged => c.assessment !== null;

/** The organisation's profile in the scope's language, `now` its last-modified; its uuid names its content. */
export function profileDocument(sets: readonly LoadedControlSet[], scope: OscalScope, now: Date): OscalProfile {
  const imports: OscalImport[] = [];
  const alters: OscalAlter[] = [];
  const excluded: string[] = [];
  for (const set of sets) {
    const left = set.controls.filter(judged).filter((c) => !c.assessment.applicable);
    imports.push({
      href: `#${catalogResource(set, scope).uuid}`,
      'include-all': {},
      ...(left.length ? { 'exclude-controls': [{ 'with-ids': left.map((c) => controlIdOf(c.item.itemId)) }] } : {}),
    });
    for (const c of left) excluded.push(scope.t('reports.oscal.profile.excludedLine', { set: set.name[scope.lang], control: scope.lang === 'ja' ? c.item.ja : c.item.en, reason: c.assessment.reason.replace(/\s+/g, ' ').trim() }));
    for (const c of set.controls) {
      if (c.assessment && !c.assessment.applicable) continue;
      const applicability = c.assessment ? 'applicable' : 'not-judged';
      alters.push({ 'control-id': controlIdOf(c.item.itemId), adds: [{ position: 'ending', props: some([prop('applicability', applicability, { remarks: c.assessment?.reason })]) }] });
    }
  }
  const remarks = [scope.t('reports.oscal.profile.remarks'), excluded.length ? `${scope.t('reports.oscal.profile.excluded')}\n\n${excluded.map((line) => `- ${line}`).join('\n')}` : scope.t('reports.oscal.profile.noneExcluded')];
  const document: OscalProfile = {
    profile: {
      uuid: '',
      metadata: metadataOf(scope, { title: scope.t('reports.oscal.profile.title'), lastModified: now, version: '', remarks: prose(remarks.join('\n\n')), organisation: true }),
      imports,
      ...(alters.length ? { modify: { alters } } : {}),
      'back-matter': { resources: sets.map((s) => catalogResource(s, scope)) },
    },
  };
  return sealDocument(document, scope, ['profile']);
}
