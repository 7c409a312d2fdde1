import { CONTROL_SET_KEYS, OSCAL_POAM_URL, OSCAL_PROFILE_URL, OSCAL_RESULTS_URL, OSCAL_STATUS_URL, OscalQuerySchema, OscalStatusSchema, oscalCatalogUrl } from '../../shared/reports/oscal.schema.ts';
import { sendDownload } from '../platform/http/download.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { exportCatalog, exportPoam, exportProfile, exportResults, oscalStatus } from './oscal.service.ts';

/**
 * The OSCAL documents (catalog, profile, assessment results, POA&M) as JSON
 * files, in `lang` (ja | en; the member's language when not given): thin
 * routes over oscal.service.ts. A catalog per control set, each at a path
 * of its own: a set key is not an organisation's entity, and the route
 * table admits a path parameter only for one (test/platform/security.test.ts),
 * so an unknown set is the platform's 404.
 */
export function oscalRoutes(deps: ModuleDeps): AnyRoute[] {
  const common = {
    method: 'GET' as const,
    tags: ['reports'],
    access: { kind: 'org', permission: 'reports.read' } as const,
    query: OscalQuerySchema,
    response: null,
    produces: 'application/json',
  };
  return [
    defineRoute({
      method: 'GET',
      url: OSCAL_STATUS_URL,
      summary: 'What each OSCAL document holds now: every control set with its loaded catalog version and its controls judged and excluded, and the open corrective actions',
      tags: common.tags,
      access: common.access,
      response: OscalStatusSchema,
      handler: ({ auth }) => oscalStatus(deps, auth),
    }),
    ...CONTROL_SET_KEYS.map((key) =>
      defineRoute({
        ...common,
        url: oscalCatalogUrl(key),
        summary: `The control set "${key}" as an OSCAL 1.1.2 catalog (JSON file): its controls with their statements, guidance and sources`,
        handler: async ({ reply, auth, query, locale }) => sendDownload(reply, await exportCatalog(deps, auth, key, query.lang ?? locale)),
      }),
    ),
    defineRoute({
      ...common,
      url: OSCAL_PROFILE_URL,
      summary: "The organisation's statement of applicability as an OSCAL 1.1.2 profile (JSON file) importing its control sets' catalogs, less the controls judged not applicable",
      handler: async ({ reply, auth, query, locale }) => sendDownload(reply, await exportProfile(deps, auth, query.lang ?? locale)),
    }),
    defineRoute({
      ...common,
      url: OSCAL_RESULTS_URL,
      summary: "The organisation's control judgements as OSCAL 1.1.2 assessment results (JSON file): an observation per judged control, a finding per applicable one",
      handler: async ({ reply, auth, query, locale }) => sendDownload(reply, await exportResults(deps, auth, query.lang ?? locale)),
    }),
    defineRoute({
      ...common,
      url: OSCAL_POAM_URL,
      summary: 'The open corrective actions as an OSCAL 1.1.2 plan of action and milestones (JSON file); 409 when none is open',
      handler: async ({ reply, auth, query, locale }) => sendDownload(reply, await exportPoam(deps, auth, query.lang ?? locale)),
    }),
  ];
}
