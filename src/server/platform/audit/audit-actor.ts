import type { AuthContext, OrgAuthContext } from '../http/route.ts';

/** Who acted, as the audit trail records it: the signed-in user and the e-mail shown beside each entry. */
export const userActor = (auth: AuthContext) => ({ actorUserId: auth.user.id, actorLabel: auth.user.email });

/** A member acting inside their organisation: the entry goes on that organisation's chain. */
export const memberActor = (auth: OrgAuthContext) => ({ organisationId: auth.organisation.id, ...userActor(auth) });
