import type { z } from 'zod';
import type { SaveRequirementsRequestSchema, TRequirements } from '../../shared/providers/requirements.schema.ts';
import { workloadNames } from '../assets/assets.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { versionConflict } from '../platform/register/register.ts';
import { evaluationOutcome } from './evaluation.rules.ts';
import { fitCells, fitTotals, profileFindings, requiredAvailability, type Offer, type Profile } from './fit.rules.ts';
import { listEvaluations, listProviders, requirementsOf, requirementsRegister, type ProviderRow, type RequirementsRow } from './provider.repository.ts';
import { providers } from './provider.table.ts';

/**
 * A workload's requirements profile (seed 000 III.6.2 選定した業務と事業者との適合)
 * and the providers compared against it: one profile per workload, saved at
 * the version read, with its own contradictions (FACTS.md 5) and the fit
 * matrix (fit.rules.ts) computed on every read from the providers as they
 * stand.
 */

type Body = TRequirements['profile'];

const DEFAULT_PROFILE: Body = {
  serviceType: null,
  dataInJapan: false,
  ismapRequired: 'none',
  migrationDataKinds: null,
  migrationItems: null,
  migrationVolumeGb: null,
  interfaces: '',
  operatingHours: '',
  serviceHoursPerDay: 24,
  serviceDaysPerYear: 365,
  recoveryHours: null,
  availabilityPercent: null,
  maxDowntimeHours: null,
  downtimePeriod: 'year',
  terminals: '',
  sites: null,
  terminalCount: null,
  support: 'none',
  providerIds: [],
  judgements: [],
};

function bodyOf(r: RequirementsRow | undefined, own: ReadonlySet<string>): Body {
  if (!r) return DEFAULT_PROFILE;
  const { id, organisationId, workloadId, createdBy, updatedBy, createdAt, updatedAt, version, ...body } = r;
  void [id, organisationId, workloadId, createdBy, updatedBy, createdAt, updatedAt, version];
  // A provider deleted since is out of the comparison (deleteProvider also takes it out of the stored profile).
  return { ...(body as unknown as Body), providerIds: r.providerIds.filter((p) => own.has(p)), judgements: r.judgements.filter((j) => own.has(j.providerId)) as Body['judgements'] };
}

const profileOf = (b: Body): Profile => ({
  ...b,
  migrationStated: b.migrationDataKinds !== null || b.migrationItems !== null || b.migrationVolumeGb !== null,
  interfacesStated: b.interfaces.trim() !== '',
  terminalsStated: b.terminals.trim() !== '' || b.sites !== null || b.terminalCount !== null,
});

const offerOf = (p: ProviderRow): Offer => ({
  id: p.id,
  serviceTypes: p.serviceTypes,
  dataLocations: p.dataLocations,
  ismap: p.ismap as Offer['ismap'],
  slaAvailabilityPercent: p.slaAvailabilityPercent,
  recoveryTimeHours: p.recoveryTimeHours,
  supportHours: p.supportHours as Offer['supportHours'],
});

async function workloadName(ctx: DataContext, workloadId: string): Promise<string> {
  const found = (await workloadNames(ctx)).find((w) => w.id === workloadId);
  if (!found) throw new HttpProblem(404, 'notFound');
  return found.name;
}

export async function getRequirements(ctx: DataContext, workloadId: string): Promise<TRequirements> {
  const [name, row, own, evaluations] = await ctx.sideBySide(
    () => workloadName(ctx, workloadId),
    () => requirementsOf(ctx, workloadId),
    () => listProviders(ctx),
    () => listEvaluations(ctx),
  );
  const byId = new Map(own.map((p) => [p.id, p]));
  const body = bodyOf(row, new Set(byId.keys()));
  const profile = profileOf(body);
  const scores = new Map(evaluations.map((e) => [e.providerId, evaluationOutcome(e.items).score]));
  return {
    workloadId,
    workloadName: name,
    id: row?.id ?? null,
    version: row?.version ?? null,
    profile: body,
    slaFindings: profileFindings(profile),
    requiredAvailabilityPercent: requiredAvailability(profile),
    matrix: body.providerIds.map((pid) => {
      const provider = byId.get(pid)!;
      const cells = fitCells(profile, offerOf(provider));
      return { providerId: pid, providerName: provider.name, cells, ...fitTotals(cells), evaluationScore: scores.get(pid) ?? null };
    }),
  };
}

/** Saves the profile at the version read (null: the workload's first); compared providers must be the organisation's. */
export async function saveRequirements(ctx: DataContext, workloadId: string, input: z.output<typeof SaveRequirementsRequestSchema>): Promise<TRequirements> {
  await ctx.transaction(async (tx) => {
    await workloadName(tx, workloadId);
    const own = await tx.lockOwnIds(providers, input.providerIds);
    const errors: FieldError[] = input.providerIds.flatMap((id, i) => (own.has(id) ? [] : [{ path: `providerIds.${i}`, code: 'referenceNotFound' }]));
    if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
    const { version, ...body } = input;
    const existing = await requirementsOf(tx, workloadId, 'update');
    if (version === null) {
      if (existing) throw versionConflict();
      await requirementsRegister.create(tx, { workloadId, ...body });
    } else {
      if (!existing || existing.version !== version) throw versionConflict();
      await requirementsRegister.update(tx, existing.id, version, body, { before: requirementsRegister.spec.auditView(existing), changedOnly: true });
    }
  });
  return getRequirements(ctx, workloadId);
}
