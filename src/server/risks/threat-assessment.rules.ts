import { IMPACT_COLUMNS, IMPACT_LEVELS, type TImpactLevel, type TThreatAssessmentSummary } from '../../shared/risks/threat-assessment.schema.ts';

/**
 * Threat lists and their impact assessment (seed 000 II.2.1 表2): the lists as
 * the catalog holds them (IPA 10大脅威 by their true year, FACTS.md 3), the
 * study's worked example, and how far an organisation has judged a list.
 * Pure: no I/O.
 */

export interface ThreatItemLike {
  itemId: string;
  parentId: string | null;
  ja: string;
  en: string;
  attributes: Record<string, unknown>;
}

export type Impacts = Record<(typeof IMPACT_COLUMNS)[number], TImpactLevel | null>;

export interface ThreatListModel {
  id: string;
  year: number;
  name: { ja: string; en: string };
  labelledYearInStudy: number | null;
  note: { ja: string; en: string } | null;
  threats: { id: string; rank: number; name: { ja: string; en: string }; studyExample: Impacts | null }[];
}

const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const textPair = (v: unknown) => {
  const t = v as { ja?: unknown; en?: unknown } | null;
  return t && typeof t.ja === 'string' && typeof t.en === 'string' ? { ja: t.ja, en: t.en } : null;
};
const isLevel = (v: unknown): v is TImpactLevel => (IMPACT_LEVELS as readonly unknown[]).includes(v);

/**
 * The study's entry in one column, on the assessment's scale: 表2 writes
 * 「影響大」, which the catalog holds as `high`, the assessment as `large`.
 */
function exampleLevel(v: unknown): TImpactLevel | null {
  if (v === 'high') return 'large';
  return isLevel(v) ? v : null;
}

/** The worked example of a threat (its impact attributes), or null when it has none. */
export function studyExampleOf(attributes: Record<string, unknown>): Impacts | null {
  const out = Object.fromEntries(IMPACT_COLUMNS.map((c) => [c, exampleLevel(attributes[c])])) as Impacts;
  return IMPACT_COLUMNS.some((c) => out[c] !== null) ? out : null;
}

/**
 * The lists of the catalog's items: a root item is a year's list, its
 * children the threats by rank. Newest year first. The study's label year
 * is kept only where it differs from the true year.
 */
export function threatListsOf(items: readonly ThreatItemLike[]): ThreatListModel[] {
  return items
    .filter((i) => i.parentId === null)
    .map((root) => {
      const year = int(root.attributes.year) ?? 0;
      const labelled = int(root.attributes.labelledYearInSeed);
      return {
        id: root.itemId,
        year,
        name: { ja: root.ja, en: root.en },
        labelledYearInStudy: labelled !== null && labelled !== year ? labelled : null,
        note: textPair(root.attributes.note),
        threats: items
          .filter((i) => i.parentId === root.itemId)
          .map((i) => ({ id: i.itemId, rank: int(i.attributes.rank) ?? 0, name: { ja: i.ja, en: i.en }, studyExample: studyExampleOf(i.attributes) }))
          .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id)),
      };
    })
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
}

/** A threat is judged once any of its three columns holds a judgement (表2's example marks one column per threat). */
export const isJudged = (a: Impacts) => IMPACT_COLUMNS.some((c) => a[c] !== null);
/** A large impact in any column. */
export const hasLargeImpact = (a: Impacts) => IMPACT_COLUMNS.some((c) => a[c] === 'large');

/** How far a list is judged, from the organisation's assessments by threat id (threats of other lists are ignored). */
export function summaryOf(threatIds: readonly string[], assessments: ReadonlyMap<string, Impacts>): TThreatAssessmentSummary {
  const judged = threatIds.map((id) => assessments.get(id)).filter((a): a is Impacts => !!a && isJudged(a));
  return { threatCount: threatIds.length, judgedCount: judged.length, largeCount: judged.filter(hasLargeImpact).length };
}
