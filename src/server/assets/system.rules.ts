/**
 * The system portfolio of an enterprise moving mainframe systems to a hybrid
 * cloud, as pure functions: dependency cycles, the checks of each system's
 * migration strategy against its placement and connections, the strategy by
 * criticality matrix and the placement view.
 *
 * Sources:
 * - FACTS.md 5: the 7 Rs (AWS Migration Hub Strategy values).
 * - Seed 004 (004_eaa084eda4e01963.txt) 「ハイブリッド設計原則」: keep the
 *   mainframe on premises for now and connect the parts that allow it to the
 *   cloud loosely; connect on-premises and public cloud by secure VPN or a
 *   leased line and exchange data through an API gateway; government systems
 *   consider the Government Cloud first.
 */

import { CONNECTIONS, CRITICALITIES, PLACEMENTS, STRATEGIES, type SYSTEM_FINDING_CODES } from '../../shared/schemas/system.schema.ts';

export type Strategy = (typeof STRATEGIES)[number];
export type Criticality = (typeof CRITICALITIES)[number];
export type Placement = (typeof PLACEMENTS)[number];
export type Connection = (typeof CONNECTIONS)[number];

export const STRATEGY_CODES: ReadonlySet<string> = new Set(STRATEGIES);

const ON_PREMISES: ReadonlySet<Placement> = new Set(['mainframe', 'on_premises']);
export const isCloud = (p: Placement): boolean => !ON_PREMISES.has(p);

/** Strategies that move the system somewhere else (everything but retire and retain). */
const MOVING: ReadonlySet<Strategy> = new Set(['rehost', 'replatform', 'refactor', 'repurchase', 'relocate']);

const SEED_004 = '004_eaa084eda4e01963.txt';
// FACTS.md 5 names the public source of the 7 Rs; screens show that one.
const SEVEN_RS = 'FACTS.md 5; AWS Migration Hub Strategy (7 Rs)';

export interface PortfolioSystem {
  id: string;
  criticality: Criticality;
  strategy: Strategy | null;
  effortPersonMonths: number | null;
  rationale: string;
  currentPlacement: Placement;
  targetPlacement: Placement | null;
  connections: readonly Connection[];
}

export interface Dependency {
  systemId: string;
  dependsOnId: string;
}

/** Where the system runs once its strategy is carried out; null when it is retired. */
export function finalPlacement(s: Pick<PortfolioSystem, 'strategy' | 'currentPlacement' | 'targetPlacement'>): Placement | null {
  if (s.strategy === 'retire') return null;
  if (s.strategy === 'retain') return s.currentPlacement;
  return s.targetPlacement ?? s.currentPlacement;
}

/**
 * Every dependency cycle, as the systems that form it (strongly connected
 * components of more than one system; a system never depends on itself).
 * Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
 * Components and their members come out in the order the ids were given.
 */
export function dependencyCycles(systemIds: readonly string[], dependencies: readonly Dependency[]): string[][] {
  const order = new Map(systemIds.map((id, i) => [id, i]));
  const next = new Map<string, string[]>(systemIds.map((id) => [id, []]));
  for (const d of dependencies) if (order.has(d.systemId) && order.has(d.dependsOnId)) next.get(d.systemId)!.push(d.dependsOnId);

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of systemIds) {
    if (index.has(root)) continue;
    const work: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = next.get(frame.id)!;
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        if (component.length > 1) components.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
      }
    }
  }
  return components.sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}

export type SystemFindingCode = (typeof SYSTEM_FINDING_CODES)[number];

export interface SystemFinding {
  code: SystemFindingCode;
  tone: 'info' | 'warning';
  source: string;
  /** Other systems the finding is about (dependencies across the boundary, a cycle, a retired system). */
  systemIds?: string[];
}

/** A dependency between a part that stays on premises and a part in the cloud. */
function crossesBoundary(a: Placement | null, b: Placement | null): boolean {
  return a !== null && b !== null && isCloud(a) !== isCloud(b);
}

/**
 * What to look at in one system: its strategy against its placement, and —
 * seed 004 「ハイブリッド設計原則」 — how it is connected to the systems it
 * shares data with on the other side of the on-premises / cloud boundary.
 */
export function systemFindings(
  system: PortfolioSystem,
  others: ReadonlyMap<string, PortfolioSystem>,
  dependencies: readonly Dependency[],
  cycles: readonly string[][],
): SystemFinding[] {
  const findings: SystemFinding[] = [];
  const { strategy } = system;
  if (strategy === null) {
    findings.push({ code: 'strategyUndecided', tone: 'info', source: SEVEN_RS });
  } else {
    if (!system.rationale.trim()) findings.push({ code: 'rationaleMissing', tone: 'warning', source: SEVEN_RS });
    if (MOVING.has(strategy) && system.effortPersonMonths === null) findings.push({ code: 'effortMissing', tone: 'info', source: SEVEN_RS });
    if (MOVING.has(strategy) && (system.targetPlacement === null || !isCloud(system.targetPlacement))) {
      findings.push({ code: 'movingWithoutCloudTarget', tone: 'warning', source: SEVEN_RS });
    }
    if (strategy === 'retain' && system.targetPlacement !== null && system.targetPlacement !== system.currentPlacement) {
      findings.push({ code: 'retainWithDifferentTarget', tone: 'warning', source: SEVEN_RS });
    }
    if (strategy === 'retire' && system.targetPlacement !== null) findings.push({ code: 'retireWithTarget', tone: 'warning', source: SEVEN_RS });
  }

  const here = finalPlacement(system);
  const neighbours = new Set<string>();
  const retired = new Set<string>();
  for (const d of dependencies) {
    const otherId = d.systemId === system.id ? d.dependsOnId : d.dependsOnId === system.id ? d.systemId : null;
    if (otherId === null) continue;
    const other = others.get(otherId);
    if (!other) continue;
    if (d.systemId === system.id && other.strategy === 'retire' && system.strategy !== 'retire') retired.add(otherId);
    if (crossesBoundary(here, finalPlacement(other))) neighbours.add(otherId);
  }
  if (neighbours.size) {
    const linked = (s: PortfolioSystem) => s.connections.includes('vpn') || s.connections.includes('dedicated_line');
    const unlinked = [...neighbours].filter((id) => !linked(system) && !linked(others.get(id)!));
    if (unlinked.length) findings.push({ code: 'hybridLinkMissing', tone: 'warning', source: `${SEED_004} 「ハイブリッド設計原則」`, systemIds: unlinked });
    const withoutGateway = [...neighbours].filter((id) => !system.connections.includes('api_gateway') && !others.get(id)!.connections.includes('api_gateway'));
    if (withoutGateway.length) findings.push({ code: 'apiGatewayRecommended', tone: 'info', source: `${SEED_004} 「ハイブリッド設計原則」`, systemIds: withoutGateway });
  }
  if (retired.size) findings.push({ code: 'dependsOnRetired', tone: 'warning', source: SEVEN_RS, systemIds: [...retired] });
  const cycle = cycles.find((c) => c.includes(system.id));
  if (cycle) findings.push({ code: 'inCycle', tone: 'warning', source: 'FACTS.md 5', systemIds: cycle.filter((id) => id !== system.id) });
  return findings;
}

export interface MatrixCell {
  strategy: Strategy | null;
  criticality: Criticality;
  systemIds: string[];
  effortPersonMonths: number;
}

/** Strategy by criticality: one cell per pair that has systems, undecided strategies last. */
export function strategyMatrix(systems: readonly PortfolioSystem[]): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const strategy of [...STRATEGIES, null]) {
    for (const criticality of CRITICALITIES) {
      const members = systems.filter((s) => s.strategy === strategy && s.criticality === criticality);
      if (!members.length) continue;
      // Tenths of a person-month summed as integers: 0.1 + 0.2 stays 0.3.
      const tenths = members.reduce((sum, s) => sum + Math.round((s.effortPersonMonths ?? 0) * 10), 0);
      cells.push({ strategy, criticality, systemIds: members.map((s) => s.id), effortPersonMonths: tenths / 10 });
    }
  }
  return cells;
}

export interface PlacementGroup {
  placement: Placement | 'retired';
  systemIds: string[];
}

export interface BoundaryLink {
  systemId: string;
  dependsOnId: string;
  connections: Connection[];
}

/**
 * The placement view: where each system runs now and after its strategy, and
 * every dependency that crosses the on-premises / cloud boundary with the
 * connections its two ends declare.
 */
export function placementView(systems: readonly PortfolioSystem[], dependencies: readonly Dependency[]) {
  const group = (placementOf: (s: PortfolioSystem) => Placement | null): PlacementGroup[] =>
    [...PLACEMENTS, 'retired' as const]
      .map((placement) => ({ placement, systemIds: systems.filter((s) => (placementOf(s) ?? 'retired') === placement).map((s) => s.id) }))
      .filter((g) => g.systemIds.length > 0);
  const byId = new Map(systems.map((s) => [s.id, s]));
  const boundaryLinks: BoundaryLink[] = [];
  for (const d of dependencies) {
    const a = byId.get(d.systemId);
    const b = byId.get(d.dependsOnId);
    if (!a || !b || !crossesBoundary(finalPlacement(a), finalPlacement(b))) continue;
    const connections = CONNECTIONS.filter((c) => a.connections.includes(c) || b.connections.includes(c));
    boundaryLinks.push({ systemId: d.systemId, dependsOnId: d.dependsOnId, connections });
  }
  return { current: group((s) => s.currentPlacement), target: group(finalPlacement), boundaryLinks };
}
