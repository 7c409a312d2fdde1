import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/**
 * Risks (PRODUCT.md capability 5): everyone reads the register and its
 * analysis; writers record and treat risks; accepting a residual risk is the
 * risk owner's decision (ISO/IEC 27001 6.1.3 f), so it is held by the roles
 * that decide (the service also requires the member to be the risk's owner).
 */
export const risksPolicy = definePolicy({
  permissions: {
    'risks.read': ALL_ROLES,
    'risks.write': WRITER_ROLES,
    'risks.accept': ['owner', 'manager'],
    // The scale every rating is on is the organisation's risk criteria (ISO/IEC 27001 6.1.2 a): decided by the roles that decide.
    'risks.configure': ['owner', 'manager'],
  },
  records: {
    // Only a risk whose treatment is acceptance can be accepted; a closed risk takes no decision.
    'risk.accept': { permission: 'risks.accept', allows: (r: { treatment: string; status: string }) => r.treatment === 'accept' && r.status !== 'closed' },
  },
});
