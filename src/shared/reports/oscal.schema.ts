// The NIST OSCAL documents (PRODUCT.md capability 12): the query of
// /api/v1/oscal/catalogs/<set>, /profile, /assessment-results and /poam, and
// the names the documents and their files go by. The documents' structure
// is checked by the JSON Schemas in ./oscal-structure/ (Kumoji's own check of
// the OSCAL 1.1.2 model, not NIST's schema).
import { z } from 'zod';
import { CONTROL_SET_KEYS, type TControlSetKey } from '../governance/control.schema.ts';
import { plainString, type TLocale } from '../schemas/common.schema.ts';

export { CONTROL_SET_KEYS, type TControlSetKey };

/** The OSCAL release the documents follow. */
export const OSCAL_VERSION = '1.1.2';

/** The namespace of Kumoji's own property and part names (OSCAL `ns`), as the problem types are named (`urn:kumoji:problem:…`). */
export const KUMOJI_OSCAL_NS = 'urn:kumoji:oscal';

/** The four models Kumoji writes, by the key each document's JSON has at its root. */
export const OSCAL_MODELS = ['catalog', 'profile', 'assessment-results', 'plan-of-action-and-milestones'] as const;
export type TOscalModel = (typeof OSCAL_MODELS)[number];

/** Where each document is downloaded (the catalogs one per control set). */
export const oscalCatalogUrl = (set: TControlSetKey) => `/api/v1/oscal/catalogs/${set}`;
export const OSCAL_PROFILE_URL = '/api/v1/oscal/profile';
export const OSCAL_RESULTS_URL = '/api/v1/oscal/assessment-results';
export const OSCAL_POAM_URL = '/api/v1/oscal/poam';

const isLocale = (v: string): v is TLocale => v === 'ja' || v === 'en';

/** `lang`: the documents' language (ja | en); the member's own when not given. */
export const OscalQuerySchema = z.strictObject({
  lang: plainString(8)
    .refine(isLocale, { params: { i18n: 'oscalLang' } })
    .transform((v) => v as TLocale)
    .optional(),
});

export const OSCAL_STATUS_URL = '/api/v1/oscal';

/**
 * What each document would hold now, for the page that downloads them:
 * every control set with its loaded catalog version and number of
 * controls, how many controls the profile excludes, how many are judged,
 * and how many corrective actions are open (the POA&M needs one).
 */
export const OscalStatusSchema = z.object({
  version: z.literal(OSCAL_VERSION),
  sets: z.array(
    z.object({
      key: z.enum(CONTROL_SET_KEYS),
      name: z.object({ ja: z.string(), en: z.string() }),
      /** The organisation's loaded version of the set's catalog collection; null when it has none loaded. */
      catalogVersion: z.number().int().nullable(),
      controls: z.number().int(),
      judged: z.number().int(),
      excluded: z.number().int(),
    }),
  ),
  openActions: z.number().int(),
});
export type TOscalStatus = z.infer<typeof OscalStatusSchema>;
