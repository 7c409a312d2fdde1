import { can } from '../../../shared/policy.ts';
import type { TIndustryOption, TOrganisationProfile, TUpdateOrganisationProfileRequest } from '../../../shared/schemas/organisation-profile.schema.ts';
import { memberActor } from '../audit/audit-actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Db } from '../db/database.ts';
import { HttpProblem } from '../http/problem.ts';
import type { OrgAuthContext } from '../http/route.ts';
import { sideBySide } from '../db/side-by-side.ts';
import { findProfile, insertProfile, updateProfile, type OrganisationProfileRow, type ProfileFields } from './organisation-profile.repository.ts';
import { profileComplete, profileProblems } from './organisation-profile.rules.ts';

export interface IndustryList {
  options: TIndustryOption[];
  source: string[];
}

/**
 * What the profile needs: the database, and the industry list (seed 000 I.3
 * 表1), which the catalog module reads from the organisation's loaded
 * catalog: platform imports no domain module, so it is handed in.
 */
export interface ProfileDeps {
  database: Database;
  industryOptions: (reader: { db: Db; organisationId: string }) => Promise<IndustryList>;
}

const FIELDS = [
  'industryId',
  'employees',
  'capitalYen',
  'annualRevenueYen',
  'handlesPersonalData',
  'handlesSensitivePersonalData',
  'handlesEuResidentsData',
  'financialSector',
] as const;

const EMPTY: Required<ProfileFields> = {
  industryId: null,
  employees: null,
  capitalYen: null,
  annualRevenueYen: null,
  handlesPersonalData: false,
  handlesSensitivePersonalData: false,
  handlesEuResidentsData: false,
  financialSector: false,
};

const fieldsOf = (row: OrganisationProfileRow | undefined | null): Required<ProfileFields> =>
  row ? (Object.fromEntries(FIELDS.map((k) => [k, row[k]])) as Required<ProfileFields>) : { ...EMPTY };

export function presentProfile(
  row: OrganisationProfileRow | undefined | null,
  industries: IndustryList,
  auth: OrgAuthContext,
): TOrganisationProfile {
  const fields = fieldsOf(row);
  return {
    ...fields,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    version: row?.version ?? 0,
    complete: profileComplete(row ?? null),
    industries: industries.options,
    industriesSource: industries.source,
    can: { update: can(auth.organisation.role, 'profile.update') },
  };
}

export async function getProfile(deps: ProfileDeps, auth: OrgAuthContext): Promise<TOrganisationProfile> {
  const { db } = deps.database;
  const [row, industries] = await sideBySide(db, () => findProfile(db, auth.organisation.id), () => deps.industryOptions({ db, organisationId: auth.organisation.id }));
  return presentProfile(row, industries, auth);
}

/**
 * Saves the fields sent, over the stored ones; `version` 0 means "there is
 * no profile yet". Contradictory facts are refused field by field.
 */
export async function editProfile(deps: ProfileDeps, auth: OrgAuthContext, input: TUpdateOrganisationProfileRequest): Promise<TOrganisationProfile> {
  const organisationId = auth.organisation.id;
  return deps.database.db.transaction(async (tx) => {
    const industries = await deps.industryOptions({ db: tx, organisationId });
    const before = await findProfile(tx, organisationId);
    if ((before?.version ?? 0) !== input.version) throw new HttpProblem(409, 'conflict');
    const { version, ...patch } = input;
    const next: Required<ProfileFields> = { ...fieldsOf(before), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const problems = profileProblems(next, (id) => industries.options.some((o) => o.id === id));
    if (problems.length) throw new HttpProblem(400, 'validation', {}, problems);
    const row = before ? await updateProfile(tx, organisationId, version, next, auth.user.id) : await insertProfile(tx, organisationId, next, auth.user.id);
    if (!row) throw new HttpProblem(409, 'conflict');
    await appendAudit(tx, {
      ...memberActor(auth),
      action: 'profile.update',
      entityType: 'organisation-profile',
      entityId: organisationId,
      before: before ? fieldsOf(before) : null,
      after: next,
    });
    return presentProfile(row, industries, auth);
  });
}
