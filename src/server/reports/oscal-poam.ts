import type { TCorrectiveAction } from '../../shared/operations/corrective-action.schema.ts';
import type { OscalObservation, OscalPoam, OscalPoamItem, OscalRisk } from '../../shared/reports/oscal.types.ts';
import { endOfDueDay, instant, metadataOf, prop, prose, some, type OscalScope } from './oscal-document.ts';
import { oscalUuid, sealDocument } from './oscal.ids.ts';

/**
 * The organisation's open corrective actions (operations, seed 004
 * 「定期点検結果のフィードバック」 PDCA) as an OSCAL plan of action and
 * milestones. Each action is a POA&M item with the risk it answers (its
 * plan as the remediation, its due date as the milestone and the deadline)
 * and, where it came from another record (an inspection's findings, an
 * incident's review, a data store's gaps, a BCP drill, an IAM account or a
 * log source), an observation of that origin linking to its screen. The
 * system is the organisation itself (`system-id`): Kumoji keeps no system
 * security plan to import.
 */

type Action = TCorrectiveAction;

/** How the origin found what the action answers (OSCAL observation methods). */
const METHOD: Record<Action['origin'], OscalObservation['methods'][number]> = {
  inspection: 'TEST',
  drill: 'TEST',
  incident: 'EXAMINE',
  dataStore: 'EXAMINE',
  iamAccount: 'EXAMINE',
  logSource: 'EXAMINE',
  other: 'UNKNOWN',
};

/** Plan is open; Do, Check and Act are remediating (an action that is closed has left the plan). */
const riskStatus = (a: Action): OscalRisk['status'] => (a.phase === 'plan' ? 'open' : 'remediating');

function originObservation(a: Action, scope: OscalScope): OscalObservation | null {
  if (a.origin === 'other' || !a.originId) return null;
  const origin = scope.t(`operations.actions.origins.${a.origin}`);
  return {
    uuid: oscalUuid(scope, 'origin-observation', a.id),
    title: prose(a.originTitle) ?? origin,
    description: scope.t('reports.oscal.poam.origin', { origin, title: a.originTitle || origin }),
    props: some([prop('origin', a.origin), prop('origin-id', a.originId)]),
    links: some([a.originPath ? { href: a.originPath, rel: 'related', text: a.originTitle || origin } : null]),
    methods: [METHOD[a.origin]],
    collected: instant(a.updatedAt),
  };
}

function riskOf(a: Action, observation: OscalObservation | null, scope: OscalScope): OscalRisk {
  const { t } = scope;
  const plan = prose(a.plan) ?? a.title;
  const milestone = a.dueOn
    ? [{ uuid: oscalUuid(scope, 'milestone', a.id), type: 'milestone' as const, title: t('reports.oscal.poam.milestone', { date: a.dueOn }), timing: { 'on-date': { date: endOfDueDay(a.dueOn) } } }]
    : undefined;
  return {
    uuid: oscalUuid(scope, 'risk', a.id),
    title: a.title,
    description: observation ? t('reports.oscal.poam.riskFrom', { origin: t(`operations.actions.origins.${a.origin}`), title: a.originTitle || a.title }) : a.title,
    statement: plan,
    props: some([prop('pdca-phase', a.phase)]),
    status: riskStatus(a),
    ...(a.dueOn ? { deadline: endOfDueDay(a.dueOn) } : {}),
    remediations: [{ uuid: oscalUuid(scope, 'remediation', a.id), lifecycle: 'planned', title: a.title, description: plan, ...(milestone ? { tasks: milestone } : {}) }],
    ...(observation ? { 'related-observations': [{ 'observation-uuid': observation.uuid }] } : {}),
  };
}

function itemOf(a: Action, risk: OscalRisk, observation: OscalObservation | null, scope: OscalScope): OscalPoamItem {
  const { t } = scope;
  const notes = [
    prose(a.doneNote) && `${t('operations.actions.fields.doneNote')}\n\n${a.doneNote.trim()}`,
    prose(a.checkNote) && `${t('operations.actions.fields.checkNote')}\n\n${a.checkNote.trim()}`,
    prose(a.actNote) && `${t('operations.actions.fields.actNote')}\n\n${a.actNote.trim()}`,
  ].filter(Boolean);
  return {
    uuid: oscalUuid(scope, 'poam-item', a.id),
    title: a.title,
    description: prose(a.plan) ?? a.title,
    props: some([
      prop('pdca-phase', a.phase, { remarks: t(`operations.actions.phases.${a.phase}`) }),
      prop('origin', a.origin),
      prop('due-date', a.dueOn),
      prop('overdue', a.overdue),
      prop('owner', a.ownerName),
      prop('evidence-count', a.evidence.length),
    ]),
    links: [{ href: `/corrective-actions/${a.id}`, rel: 'related', text: a.title }],
    ...(observation ? { 'related-observations': [{ 'observation-uuid': observation.uuid }] } : {}),
    'related-risks': [{ 'risk-uuid': risk.uuid }],
    ...(notes.length ? { remarks: notes.join('\n\n') } : {}),
  };
}

/** The plan of action and milestones of `actions` (open, at least one), `now` its last-modified; the uuid names its content. */
export function poamDocument(actions: readonly Action[], scope: OscalScope, now: Date): OscalPoam {
  const observations: OscalObservation[] = [];
  const risks: OscalRisk[] = [];
  const items: OscalPoamItem[] = [];
  for (const a of actions) {
    const observation = originObservation(a, scope);
    if (observation) observations.push(observation);
    const risk = riskOf(a, observation, scope);
    risks.push(risk);
    items.push(itemOf(a, risk, observation, scope));
  }
  const document: OscalPoam = {
    'plan-of-action-and-milestones': {
      uuid: '',
      metadata: metadataOf(scope, { title: scope.t('reports.oscal.poam.title'), lastModified: now, version: '', remarks: scope.t('reports.oscal.poam.remarks'), organisation: true }),
      // RFC 4122's scheme: the organisation's id is a UUID.
      'system-id': { 'identifier-type': 'http://ietf.org/rfc/rfc4122', id: scope.organisationId },
      observations: some(observations),
      risks: some(risks),
      'poam-items': items,
    },
  };
  return sealDocument(document, scope, ['poam']);
}
