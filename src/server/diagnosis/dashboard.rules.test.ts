import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextSteps, type NextStepInput } from './dashboard.rules.ts';

const base: NextStepInput = {
  profileComplete: true,
  checklists: [
    { id: 'pre', hasDraft: false, hasSubmitted: true },
    { id: 'mig', hasDraft: false, hasSubmitted: true },
  ],
  gateMissing: 0,
  advancePossible: false,
  behindDiagnosis: false,
  openTasks: 0,
};

describe('next steps on the dashboard', () => {
  const cases: [string, Partial<NextStepInput>, string][] = [
    ['all done', {}, ''],
    ['a newcomer', { profileComplete: false, checklists: [{ id: 'pre', hasDraft: false, hasSubmitted: false }, { id: 'mig', hasDraft: false, hasSubmitted: false }], openTasks: 6 }, 'profile answer:pre answer:mig tasks'],
    ['a draft to submit', { checklists: [{ id: 'pre', hasDraft: true, hasSubmitted: false }, { id: 'mig', hasDraft: true, hasSubmitted: true }] }, 'submit:pre submit:mig'],
    ['the gate to evaluate once diagnosed', { gateMissing: 1 }, 'evaluate'],
    ['behind the diagnosis with the gate complete: decide', { advancePossible: true, behindDiagnosis: true }, 'decide'],
    ['an advance possible but the diagnosis agrees with the stage: nothing to decide yet', { advancePossible: true }, ''],
    ['open tasks', { openTasks: 3 }, 'tasks'],
  ];
  for (const [name, patch, expected] of cases) {
    test(name, () => {
      assert.equal(
        nextSteps({ ...base, ...patch })
          .map((s) => (s.checklistId ? `${s.step}:${s.checklistId}` : s.step))
          .join(' '),
        expected,
      );
    });
  }
});
