import type { TFunction } from 'i18next';
import { citationLabel, displayedCitations, documentName } from '../../shared/catalog/citation.rules.ts';
import { sourceDocument } from '../../shared/catalog/source-documents.ts';
import { KUMOJI_OSCAL_NS, OSCAL_VERSION } from '../../shared/reports/oscal.schema.ts';
import type { OscalLink, OscalMetadata, OscalProp, OscalResource } from '../../shared/reports/oscal.types.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { translator } from '../platform/i18n/translate.ts';
import { oscalUuid, type OscalOwner } from './oscal.ids.ts';

/**
 * What every OSCAL document Kumoji writes shares: its language and
 * organisation, the metadata, Kumoji's own properties (`ns`
 * urn:kumoji:oscal), and the documents a catalog's sources cite, each once
 * in the back matter with its one title (docs/CATALOG.md "Citations on
 * screens": the document's title and publisher, then the section in the
 * reader's language), linked from the controls that cite it.
 */

export interface OscalScope extends OscalOwner {
  organisationName: string;
  lang: TLocale;
  t: TFunction;
}

export const oscalScope = (organisation: { id: string; name: string }, lang: TLocale): OscalScope => ({ organisationId: organisation.id, organisationName: organisation.name, lang, t: translator(lang) });

/** An instant as RFC 3339 with its time zone (UTC, `Z`). */
export const instant = (at: Date | string) => new Date(at).toISOString();

/**
 * The end of a due day: corrective actions fall due by the day in Japan
 * (operations counts them overdue from the next day there), and Japan keeps
 * +09:00 all year.
 */
export const endOfDueDay = (day: string) => `${day}T23:59:59+09:00`;

/** A list, or nothing: OSCAL's lists hold at least one item. */
export const some = <T>(items: readonly (T | undefined | null | false)[]): T[] | undefined => {
  const kept = items.filter((i): i is T => !!i);
  return kept.length ? kept : undefined;
};

/** Markup text, or nothing when blank. */
export const prose = (text: string | null | undefined): string | undefined => (text && text.trim() ? text.trim() : undefined);

/** One of Kumoji's properties (OSCAL's own names, such as `label`, are written without `ns`); nothing for an empty value. */
export function prop(name: string, value: string | number | boolean | null | undefined, options: { oscal?: boolean; remarks?: string } = {}): OscalProp | undefined {
  if (value === null || value === undefined) return undefined;
  const line = String(value).replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return { name, value: line, ...(options.oscal ? {} : { ns: KUMOJI_OSCAL_NS }), ...(prose(options.remarks) ? { remarks: prose(options.remarks) } : {}) };
}

/** The organisation as the party that prepared its own documents. */
export function organisationMetadata(scope: OscalScope): Pick<OscalMetadata, 'roles' | 'parties' | 'responsible-parties'> {
  const party = oscalUuid(scope, 'party', 'organisation');
  return {
    roles: [{ id: 'prepared-by', title: scope.t('reports.oscal.roles.preparedBy') }],
    parties: [{ uuid: party, type: 'organization', name: scope.organisationName.replace(/\s+/g, ' ').trim() || scope.t('reports.oscal.organisation') }],
    'responsible-parties': [{ 'role-id': 'prepared-by', 'party-uuids': [party] }],
  };
}

/** A document's metadata; `version` and `last-modified` as its builder knows them. */
export function metadataOf(scope: OscalScope, m: { title: string; lastModified: Date | string; version: string; remarks?: string; props?: (OscalProp | undefined)[]; organisation?: boolean }): OscalMetadata {
  return {
    title: m.title,
    'last-modified': instant(m.lastModified),
    version: m.version,
    'oscal-version': OSCAL_VERSION,
    props: some([prop('lang', scope.lang), prop('generator', 'Kumoji'), ...(m.props ?? [])]),
    ...(m.organisation ? organisationMetadata(scope) : {}),
    ...(prose(m.remarks) ? { remarks: prose(m.remarks) } : {}),
  };
}

/**
 * The documents a document's sources cite, collected as the controls are
 * written: `cite` gives the links of one item's sources, `resources` the
 * back matter's entries, one per cited document (or, for a source naming
 * no listed document, an organisation's own file, one per source text).
 */
export class Citations {
  private readonly byKey = new Map<string, OscalResource>();

  constructor(private readonly scope: OscalScope) {}

  cite(sources: readonly string[]): OscalLink[] | undefined {
    return some(
      displayedCitations(sources).map((c) => {
        const key = c.documentId ?? `text:${c.text}`;
        let resource = this.byKey.get(key);
        if (!resource) {
          const document = c.documentId ? sourceDocument(c.documentId) : undefined;
          resource = {
            uuid: oscalUuid(this.scope, 'source-document', key),
            title: (c.documentId && documentName(c.documentId, this.scope.lang)) || c.text,
            ...(document?.url ? { rlinks: [{ href: document.url }] } : {}),
          };
          this.byKey.set(key, resource);
        }
        return { href: `#${resource.uuid}`, rel: 'reference', text: citationLabel(c, this.scope.lang) };
      }),
    );
  }

  resources(): OscalResource[] {
    return [...this.byKey.values()];
  }
}
