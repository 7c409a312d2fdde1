import { asc, desc } from 'drizzle-orm';
import { can } from '../../shared/policy.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister, recordContent } from '../platform/register/register.ts';
import { bcpDrills, bcpScenarios } from './bcp.table.ts';

/** Queries of the BCP grid's scenarios and the drills, through a request's DataContext. */

export type BcpScenarioRow = typeof bcpScenarios.$inferSelect;
export type BcpDrillRow = typeof bcpDrills.$inferSelect;

const writable = (role: Parameters<typeof can>[0]) => ({ update: can(role, 'continuity.write'), delete: can(role, 'continuity.write') });

export const scenarioRegister = defineRegister({ table: bcpScenarios, entityType: 'bcpScenario', auditView: recordContent, can: (_r: BcpScenarioRow, role) => writable(role) });
export const drillRegister = defineRegister({ table: bcpDrills, entityType: 'bcpDrill', auditView: recordContent, can: (_r: BcpDrillRow, role) => writable(role) });

export const BCP_CELL_KEY = 'bcp_scenarios_org_cell_key';

export const listScenarios = (ctx: DataContext) => ctx.select(bcpScenarios);
export const listDrills = (ctx: DataContext) => ctx.select(bcpDrills, { orderBy: [desc(bcpDrills.heldOn), asc(bcpDrills.title), asc(bcpDrills.id)] });
