import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/** Diagnosis, stage gates and roadmap (PRODUCT.md capability 3). */
export const diagnosisPolicy = definePolicy({
  permissions: {
    'diagnosis.read': ALL_ROLES,
    'diagnosis.answer': WRITER_ROLES,
    // Seed 000 II.6: the executive and the cloud administrator evaluate; the executive decides.
    'gate.evaluate': WRITER_ROLES,
    'gate.decide': ['owner', 'manager'],
    'roadmap.update': WRITER_ROLES,
    'budget.update': ['owner', 'manager'],
  },
  records: {
    // A submitted assessment is a record of its day: it takes no more answers, and is neither submitted nor discarded again.
    'assessment.answer': { permission: 'diagnosis.answer', allows: (a: { status: string }) => a.status === 'draft' },
  },
});
