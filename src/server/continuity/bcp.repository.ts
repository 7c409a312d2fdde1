import { asc, desc } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { bcpDrills, bcpScenarios } from './bcp.table.ts';

/** Queries of the BCP grid's scenarios and the drills, through a request's DataContext. */

export type BcpScenarioRow = typeof bcpScenarios.$inferSelect;
export type BcpDrillRow = typeof bcpDrills.$inferSelect;

const writable = changeableWith('continuity.write');

export const scenarioRegister = defineRegister({ table: bcpScenarios, entityType: 'bcpScenario', auditView: recordContent, can: writable });
export const drillRegister = defineRegister({ table: bcpDrills, entityType: 'bcpDrill', auditView: recordContent, can: writable });

export const BCP_CELL_KEY = 'bcp_scenarios_org_cell_key';

export const listScenarios = (ctx: DataContext) => ctx.select(bcpScenarios);
export const listDrills = (ctx: DataContext) => ctx.select(bcpDrills, { orderBy: [desc(bcpDrills.heldOn), asc(bcpDrills.title), asc(bcpDrills.id)] });
