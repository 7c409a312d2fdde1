import { KUMOJI_OSCAL_NS } from '../../shared/reports/oscal.schema.ts';
import type { OscalCatalog, OscalControl, OscalPart } from '../../shared/reports/oscal.types.ts';
import type { CatalogItemRow } from '../catalog/catalog.public.ts';
import type { ControlSetForExport } from '../governance/governance.public.ts';
import { Citations, metadataOf, prop, prose, some, type OscalScope } from './oscal-document.ts';
import { controlIdOf, sealDocument, statementIdOf } from './oscal.ids.ts';

/**
 * One control set of the governance module as an OSCAL catalog: the set as
 * its one group, each control with its statement (the catalog item's text,
 * as the seed or the public source words it), its explanation as guidance,
 * its attributes (the ISO/IEC 27017 control number as its label, the step's
 * content and example of seed 004 「情報セキュリティ管理策実装の流れ」 as parts),
 * and its sources as links to the cited documents in the back matter.
 * Kumoji's catalog is data (docs/CATALOG.md), so the document is its loaded
 * version as it stands: version and last-modified are the collection's.
 */

export type LoadedControlSet = ControlSetForExport & { collection: NonNullable<ControlSetForExport['collection']> };

type Pair = { ja: string; en: string };
const isPair = (v: unknown): v is Pair => !!v && typeof v === 'object' && typeof (v as Pair).ja === 'string' && typeof (v as Pair).en === 'string';

/** An attribute's label as the collection's file declares it (`attributes:`), else its key. */
function attributeLabel(set: LoadedControlSet, key: string, scope: OscalScope): string {
  const declared = set.collection.attributes[key];
  return isPair(declared) ? declared[scope.lang] : key;
}

const textOf = (item: CatalogItemRow, scope: OscalScope) => (scope.lang === 'ja' ? item.ja : item.en);
const detailOf = (item: CatalogItemRow, scope: OscalScope) => (scope.lang === 'ja' ? item.detailJa : item.detailEn);

function controlOf(set: LoadedControlSet, control: LoadedControlSet['controls'][number], scope: OscalScope, citations: Citations): OscalControl {
  const { item } = control;
  const id = controlIdOf(item.itemId);
  const attributes = Object.entries(item.attributes);
  // Seed 004's government controls name their topic ("委託先選定基準") before the statement: the topic is the title.
  const topic = item.attributes.topic;
  const ordinal = item.attributes.number ?? item.attributes.step;
  const parts: (OscalPart | undefined)[] = [
    { id: statementIdOf(id), name: 'statement', prose: textOf(item, scope) },
    prose(detailOf(item, scope)) ? { id: `${id}_gdn`, name: 'guidance', prose: prose(detailOf(item, scope)) } : undefined,
    ...attributes
      .filter(([key, value]) => key !== 'topic' && isPair(value) && prose(value[scope.lang]))
      .map(([key, value]): OscalPart => ({ id: `${id}_${key}`, name: key, ns: KUMOJI_OSCAL_NS, title: attributeLabel(set, key, scope), prose: prose((value as Pair)[scope.lang]) })),
  ];
  return {
    id,
    title: isPair(topic) && prose(topic[scope.lang]) ? topic[scope.lang] : textOf(item, scope),
    props: some([
      prop('label', control.code ?? (typeof ordinal === 'number' ? ordinal : null), { oscal: true }),
      prop('catalog-item-id', item.itemId),
      ...attributes.filter(([key, value]) => key !== 'control' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')).map(([key, value]) => prop(key, value as string)),
    ]),
    links: citations.cite(item.source),
    parts: some(parts),
  };
}

/** The catalog of one loaded set, in the scope's language; its uuid names its content. */
export function catalogDocument(set: LoadedControlSet, scope: OscalScope): OscalCatalog {
  const citations = new Citations(scope);
  const name = set.name[scope.lang];
  const group = {
    id: set.key,
    title: name,
    props: some([prop('label', set.key, { oscal: true }), prop('collection-id', set.collection.id)]),
    links: citations.cite(set.source),
    controls: some(set.controls.map((c) => controlOf(set, c, scope, citations))),
  };
  const document: OscalCatalog = {
    catalog: {
      uuid: '',
      metadata: metadataOf(scope, {
        title: scope.t('reports.oscal.catalog.title', { name }),
        lastModified: set.collection.storedAt,
        version: String(set.collection.version),
        remarks: scope.t('reports.oscal.catalog.remarks'),
        props: [prop('control-set', set.key), prop('collection-id', set.collection.id)],
      }),
      groups: [group],
    },
  };
  const resources = citations.resources();
  if (resources.length) document.catalog['back-matter'] = { resources };
  return sealDocument(document, scope, ['catalog', set.key], true);
}
