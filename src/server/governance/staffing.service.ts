import type { z } from 'zod';
import { certificationStanding, roleGaps } from '../../shared/governance/staffing.rules.ts';
import type {
  CreateStaffingPersonRequestSchema,
  CreateStaffingRoleRequestSchema,
  TStaffing,
  TStaffingPerson,
  TStaffingRole,
  UpdateStaffingPersonRequestSchema,
  UpdateStaffingRoleRequestSchema,
} from '../../shared/governance/staffing.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { loadedCollection, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { holdersOf, listAssignments, listPeople, listRoles, nextRolePosition, personRegister, replaceAssignments, roleRegister, rolesOfPerson, type StaffingPersonRow, type StaffingRoleRow } from './staffing.repository.ts';
import { staffingRoles } from './staffing.table.ts';

/**
 * The staffing matrix (seed 004 「人材確保と資格」: 「クラウド環境を含むセキュリティ
 * 対応には、以下のような人材が必要です」 and its table of required or recommended
 * certifications): roles, the people who hold them and their
 * certifications, and what each role lacks (staffing.rules.ts).
 */

export const STAFFING_TEMPLATE_COLLECTION = 'urn:kumoji:seed-004:staffing';

const readTemplate = (ctx: DataContext): Promise<LoadedCollection | null> => loadedCollection(ctx, STAFFING_TEMPLATE_COLLECTION);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

interface Matrix {
  roles: StaffingRoleRow[];
  people: StaffingPersonRow[];
  holds: { personId: string; roleId: string }[];
  template: LoadedCollection | null;
}

function presentPerson(ctx: DataContext, p: StaffingPersonRow, roleIds: string[], today: IsoDate): TStaffingPerson {
  return personRegister.present(ctx, p, (r) => ({
    id: r.id,
    name: r.name,
    affiliation: r.affiliation as TStaffingPerson['affiliation'],
    certifications: r.certifications.map((c) => ({ ...c, standing: certificationStanding(c.expiresOn, today) })),
    roleIds,
    notes: r.notes,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** A role with its holders (in the matrix's order) and the template it may come from. */
function presentRole(ctx: DataContext, role: StaffingRoleRow, holders: StaffingPersonRow[], template: LoadedCollection | null, today: IsoDate): TStaffingRole {
  return roleRegister.present(ctx, role, (r) => ({
    id: r.id,
    title: r.title,
    templateItemId: r.templateItemId,
    source: (r.templateItemId && template?.items.find((i) => i.itemId === r.templateItemId)?.source) || [],
    critical: r.critical,
    requiredCertifications: r.requiredCertifications,
    notes: r.notes,
    holders: holders.map((p) => ({ id: p.id, name: p.name })),
    gaps: roleGaps(r, holders, today),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function readMatrix(ctx: DataContext): Promise<Matrix> {
  const [roles, people, holds, template] = await ctx.sideBySide(() => listRoles(ctx), () => listPeople(ctx), () => listAssignments(ctx), () => readTemplate(ctx));
  return { roles, people, holds, template };
}

export async function staffingOf(ctx: DataContext, today: IsoDate): Promise<TStaffing> {
  const m = await readMatrix(ctx);
  const holdersOfRole = (roleId: string) => {
    const ids = new Set(m.holds.filter((h) => h.roleId === roleId).map((h) => h.personId));
    return m.people.filter((p) => ids.has(p.id));
  };
  const roles = m.roles.map((r) => presentRole(ctx, r, holdersOfRole(r.id), m.template, today));
  const people = m.people.map((p) => presentPerson(ctx, p, m.holds.filter((h) => h.personId === p.id).map((h) => h.roleId), today));
  const standings = people.flatMap((p) => p.certifications.map((c) => c.standing));
  const added = new Set(m.roles.map((r) => r.templateItemId));
  return {
    roles,
    people,
    summary: {
      roles: roles.length,
      rolesWithGaps: roles.filter((r) => r.gaps.length).length,
      people: people.length,
      certificationsExpiring: standings.filter((s) => s === 'expiringSoon').length,
      certificationsExpired: standings.filter((s) => s === 'expired').length,
    },
    template: m.template ? { name: m.template.name, source: m.template.source, notAdded: m.template.items.filter((i) => !added.has(i.itemId)).length } : null,
  };
}

export async function getRole(ctx: DataContext, id: string, today: IsoDate): Promise<TStaffingRole> {
  const [role, holders, template] = await ctx.sideBySide(() => roleRegister.get(ctx, id), () => holdersOf(ctx, id), () => readTemplate(ctx));
  return presentRole(ctx, role, holders, template, today);
}

export async function getPerson(ctx: DataContext, id: string, today: IsoDate): Promise<TStaffingPerson> {
  const [person, roleIds] = await ctx.sideBySide(() => personRegister.get(ctx, id), () => rolesOfPerson(ctx, id));
  return presentPerson(ctx, person, roleIds, today);
}

export async function createRole(ctx: DataContext, input: z.output<typeof CreateStaffingRoleRequestSchema>, today: IsoDate): Promise<TStaffingRole> {
  const row = await ctx.transaction(async (tx) => roleRegister.create(tx, { ...input, templateItemId: null, position: await nextRolePosition(tx) }));
  return getRole(ctx, row.id, today);
}

export async function updateRole(ctx: DataContext, id: string, input: z.output<typeof UpdateStaffingRoleRequestSchema>, today: IsoDate): Promise<TStaffingRole> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await roleRegister.expect(tx, id, version);
    await roleRegister.update(tx, id, version, fields, { before: roleRegister.spec.auditView(before), changedOnly: true });
  });
  return getRole(ctx, id, today);
}

/** A role goes with who held it (the trail keeps both). */
export async function deleteRole(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => roleRegister.remove(tx, id, undefined));
}

/** 400 on each role that is not one of the organisation's (locked against deletion until the change commits). */
async function checkRoles(ctx: DataContext, roleIds: readonly string[]): Promise<void> {
  const own = await ctx.lockOwnIds(staffingRoles, roleIds);
  const errors: FieldError[] = roleIds.flatMap((id, i) => (own.has(id) ? [] : [{ path: `roleIds.${i}`, code: 'referenceNotFound' }]));
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

export async function createPerson(ctx: DataContext, input: z.output<typeof CreateStaffingPersonRequestSchema>, today: IsoDate): Promise<TStaffingPerson> {
  const { roleIds, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    await checkRoles(tx, roleIds);
    const person = await personRegister.create(tx, fields, { after: (r) => ({ ...personRegister.spec.auditView(r), roleIds }) });
    await replaceAssignments(tx, person.id, roleIds);
    return person;
  });
  return getPerson(ctx, row.id, today);
}

export async function updatePerson(ctx: DataContext, id: string, input: z.output<typeof UpdateStaffingPersonRequestSchema>, today: IsoDate): Promise<TStaffingPerson> {
  const { version, roleIds, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await personRegister.expect(tx, id, version);
    const held = await rolesOfPerson(tx, id);
    if (roleIds) {
      await checkRoles(tx, roleIds);
      await replaceAssignments(tx, id, roleIds);
    }
    const view = (r: StaffingPersonRow, ids: readonly string[]) => ({ ...personRegister.spec.auditView(r), roleIds: [...ids].sort() });
    await personRegister.update(tx, id, version, fields, { before: view(before, held), after: (r) => view(r, roleIds ?? held), changedOnly: true });
  });
  return getPerson(ctx, id, today);
}

export async function deletePerson(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const held = await rolesOfPerson(tx, id);
    await personRegister.remove(tx, id, undefined, { before: (r) => ({ ...personRegister.spec.auditView(r), roleIds: held }) });
  });
}

export const roleHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => roleRegister.history(ctx, id);
export const personHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => personRegister.history(ctx, id);

/**
 * Adds each of seed 004's roles the matrix does not have yet, with the
 * certifications the seed names for it, titled in the member's language.
 * Whether a role is critical is the organisation's call (none is by default).
 */
export async function addTemplate(ctx: DataContext, locale: TLocale, today: IsoDate): Promise<TStaffing> {
  await ctx.transaction(async (tx) => {
    const [template, roles] = await Promise.all([readTemplate(tx), listRoles(tx)]);
    if (!template) throw new HttpProblem(409, 'staffingTemplateNotLoaded');
    const added = new Set(roles.map((r) => r.templateItemId));
    let position = await nextRolePosition(tx);
    for (const item of template.items.filter((i) => !added.has(i.itemId))) {
      await roleRegister.create(tx, { title: locale === 'ja' ? item.ja : item.en, templateItemId: item.itemId, position: position++, critical: false, requiredCertifications: strings(item.attributes.certifications), notes: '' });
    }
  });
  return staffingOf(ctx, today);
}
