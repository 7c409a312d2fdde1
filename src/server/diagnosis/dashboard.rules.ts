/**
 * What to do next, in the order the journey goes (PRODUCT.md: profile,
 * diagnosis, gate, roadmap): a pure function of what the dashboard knows.
 */

export type NextStep = 'profile' | 'answer' | 'submit' | 'evaluate' | 'decide' | 'tasks';

export interface NextStepInput {
  profileComplete: boolean;
  /** The checklists that take part in the diagnosis. */
  checklists: { id: string; hasDraft: boolean; hasSubmitted: boolean }[];
  gateMissing: number;
  /** An advance is possible now (gate complete, a next stage exists). */
  advancePossible: boolean;
  /** The diagnosis proposes a stage above the recorded one. */
  behindDiagnosis: boolean;
  openTasks: number;
}

export function nextSteps(input: NextStepInput): { step: NextStep; checklistId: string | null }[] {
  const steps: { step: NextStep; checklistId: string | null }[] = [];
  if (!input.profileComplete) steps.push({ step: 'profile', checklistId: null });
  for (const c of input.checklists) {
    if (c.hasDraft) steps.push({ step: 'submit', checklistId: c.id });
    else if (!c.hasSubmitted) steps.push({ step: 'answer', checklistId: c.id });
  }
  const diagnosed = input.checklists.every((c) => c.hasSubmitted);
  if (diagnosed && input.gateMissing > 0) steps.push({ step: 'evaluate', checklistId: null });
  if (diagnosed && input.advancePossible && input.behindDiagnosis) steps.push({ step: 'decide', checklistId: null });
  if (input.openTasks > 0) steps.push({ step: 'tasks', checklistId: null });
  return steps;
}
