// The RACI matrix's rules (seed 004 「ガバナンスと責任分界」「RACIモデルによる責任分界」):
// for each task, who does the work (Responsible), who is finally answerable
// (Accountable), who is consulted and who is informed. Shared by the server,
// which stores the warnings' basis, and the web app, which shows them while a
// row is edited.

/**
 * What a department holds in one task. `AR` is a department that both answers
 * for the task and does it, as in a small organisation whose IT department
 * runs what it owns; C and I stand alone (a department consulted on a task it
 * does is simply Responsible).
 */
export const RACI_CELLS = ['R', 'A', 'AR', 'C', 'I'] as const;
export type RaciCell = (typeof RACI_CELLS)[number];

export const isAccountable = (cell: RaciCell) => cell === 'A' || cell === 'AR';
export const isResponsible = (cell: RaciCell) => cell === 'R' || cell === 'AR';

/** Why a task's row does not yet divide the responsibility as the model requires. */
export type RaciWarning = 'noAccountable' | 'manyAccountable' | 'noResponsible';

/** Exactly one Accountable and at least one Responsible per task; anything else is warned, not refused, so a matrix can be built up row by row. */
export function raciWarnings(cells: readonly RaciCell[]): RaciWarning[] {
  const accountable = cells.filter(isAccountable).length;
  const warnings: RaciWarning[] = [];
  if (accountable === 0) warnings.push('noAccountable');
  if (accountable > 1) warnings.push('manyAccountable');
  if (!cells.some(isResponsible)) warnings.push('noResponsible');
  return warnings;
}

export interface RaciSummary {
  tasks: number;
  /** Tasks with exactly one A and at least one R. */
  complete: number;
  withWarnings: number;
}

export function raciSummary(tasks: readonly (readonly RaciCell[])[]): RaciSummary {
  const complete = tasks.filter((cells) => raciWarnings(cells).length === 0).length;
  return { tasks: tasks.length, complete, withWarnings: tasks.length - complete };
}

/**
 * The template's lists as cells (catalog `raci-template`): one cell per named
 * department, R and A of the same name merged into AR, a name listed twice
 * under C or I kept once, and a department both doing and consulted kept as
 * the stronger role (R or A before C before I).
 */
export function cellsFromLists(lists: { responsible: readonly string[]; accountable: readonly string[]; consulted: readonly string[]; informed: readonly string[] }): { department: string; cell: RaciCell }[] {
  const out = new Map<string, RaciCell>();
  const put = (name: string, cell: RaciCell) => {
    const key = name.trim();
    if (!key) return;
    const held = out.get(key);
    if (!held) out.set(key, cell);
    else if ((held === 'R' && cell === 'A') || (held === 'A' && cell === 'R')) out.set(key, 'AR');
  };
  for (const name of lists.accountable) put(name, 'A');
  for (const name of lists.responsible) put(name, 'R');
  for (const name of lists.consulted) put(name, 'C');
  for (const name of lists.informed) put(name, 'I');
  return [...out].map(([department, cell]) => ({ department, cell }));
}
