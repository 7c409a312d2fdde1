import { OSCAL_PROFILE_URL } from '../../shared/reports/oscal.schema.ts';
import type { OscalAssessmentResults, OscalFinding, OscalObservation } from '../../shared/reports/oscal.types.ts';
import type { LoadedControlSet } from './oscal-catalog.ts';
import { instant, metadataOf, prop, prose, some, type OscalScope } from './oscal-document.ts';
import { controlIdOf, oscalUuid, sealDocument, statementIdOf } from './oscal.ids.ts';

/**
 * The organisation's control judgements (governance, PRODUCT.md capability
 * 7) as OSCAL assessment results: one result, the controls judged so far as
 * its reviewed controls, an observation of each judgement (applicable or
 * not and why, how far implemented, owner, due date, notes, evidence files
 * with their SHA-256) and a finding for each applicable control: satisfied
 * once implemented, with how far it is (OSCAL's implementation states:
 * implemented, partial, planned). A control judged not applicable is
 * observed, not found against. There is no separate assessment plan: the
 * plan the results import is a note in the back matter pointing at the
 * organisation's profile, the controls it holds itself to.
 */

type Control = LoadedControlSet['controls'][number];
type Judgement = NonNullable<Control['assessment']>;

/** Governance's implementation status in OSCAL's words (implementation-status state). */
const IMPLEMENTATION_STATE: Record<Judgement['status'], string> = { implemented: 'implemented', inProgress: 'partial', notStarted: 'planned' };

function observationOf(set: LoadedControlSet, c: Control, a: Judgement, scope: OscalScope): OscalObservation {
  const { t } = scope;
  const control = scope.lang === 'ja' ? c.item.ja : c.item.en;
  const applicability = t(`governance.controls.applicability.${a.applicable ? 'applicable' : 'excluded'}`);
  const lines = [
    t('reports.oscal.results.judgement', { set: set.name[scope.lang], control, applicability }),
    a.applicable ? t('reports.oscal.results.status', { status: t(`governance.controls.status.${a.status}`) }) : null,
    prose(a.reason) ? t('reports.oscal.results.reason', { reason: a.reason.trim() }) : null,
    a.ownerDepartment ? t('reports.oscal.results.owner', { owner: a.ownerDepartment.name }) : null,
    a.dueOn ? t(a.overdue ? 'reports.oscal.results.dueOverdue' : 'reports.oscal.results.due', { date: a.dueOn }) : null,
    t('reports.oscal.results.evidence', { count: a.evidence.length }),
  ];
  return {
    uuid: oscalUuid(scope, 'observation', a.id),
    title: control,
    description: lines.filter(Boolean).join('\n\n'),
    props: some([
      prop('control-id', controlIdOf(c.item.itemId)),
      prop('applicability', a.applicable ? 'applicable' : 'not-applicable'),
      prop('status', a.status),
      prop('due-date', a.dueOn),
      prop('overdue', a.overdue),
      prop('evidence-count', a.evidence.length),
    ]),
    // A judgement reads the organisation's documents, settings and evidence files.
    methods: ['EXAMINE'],
    'relevant-evidence': some(
      a.evidence.map((e) => ({
        href: e.downloadUrl,
        description: e.fileName,
        props: some([prop('sha-256', e.sha256), prop('uploaded-at', instant(e.uploadedAt)), prop('version', e.versionNo)]),
      })),
    ),
    collected: instant(a.updatedAt),
    ...(prose(a.notes) ? { remarks: prose(a.notes) } : {}),
  };
}

function findingOf(c: Control, a: Judgement, observation: string, scope: OscalScope): OscalFinding {
  const control = scope.lang === 'ja' ? c.item.ja : c.item.en;
  const status = scope.t(`governance.controls.status.${a.status}`);
  return {
    uuid: oscalUuid(scope, 'finding', a.id),
    title: control,
    description: scope.t(a.status === 'implemented' ? 'reports.oscal.results.satisfied' : 'reports.oscal.results.notSatisfied', { status }),
    props: some([prop('due-date', a.dueOn), prop('overdue', a.overdue)]),
    target: {
      type: 'statement-id',
      'target-id': statementIdOf(controlIdOf(c.item.itemId)),
      status: { state: a.status === 'implemented' ? 'satisfied' : 'not-satisfied' },
      'implementation-status': { state: IMPLEMENTATION_STATE[a.status] },
    },
    'related-observations': [{ 'observation-uuid': observation }],
  };
}

/** The organisation's assessment results in the scope's language, `now` their last-modified; the uuid names their content. */
export function resultsDocument(sets: readonly LoadedControlSet[], scope: OscalScope, now: Date): OscalAssessmentResults {
  const { t } = scope;
  const observations: OscalObservation[] = [];
  const findings: OscalFinding[] = [];
  const reviewed: { 'control-id': string }[] = [];
  let controls = 0;
  for (const set of sets) {
    for (const c of set.controls) {
      controls++;
      const a = c.assessment;
      if (!a) continue;
      const observation = observationOf(set, c, a, scope);
      observations.push(observation);
      reviewed.push({ 'control-id': controlIdOf(c.item.itemId) });
      if (a.applicable) findings.push(findingOf(c, a, observation.uuid, scope));
    }
  }
  const times = observations.map((o) => o.collected).sort();
  const plan = oscalUuid(scope, 'assessment-plan', 'control-judgements');
  const document: OscalAssessmentResults = {
    'assessment-results': {
      uuid: '',
      metadata: metadataOf(scope, { title: t('reports.oscal.results.title'), lastModified: now, version: '', organisation: true }),
      'import-ap': { href: `#${plan}`, remarks: t('reports.oscal.results.planRemarks') },
      results: [
        {
          uuid: oscalUuid(scope, 'assessment-result', 'control-judgements'),
          title: t('reports.oscal.results.resultTitle'),
          description: t('reports.oscal.results.resultDescription', { judged: observations.length, controls }),
          // The evidence the results reflect was collected from the first judgement to the latest change.
          start: times[0] ?? instant(now),
          ...(times.length ? { end: times[times.length - 1] } : {}),
          props: some([prop('controls', controls), prop('judged', observations.length), prop('applicable', findings.length), prop('implemented', findings.filter((f) => f.target.status.state === 'satisfied').length)]),
          'reviewed-controls': {
            'control-selections': [reviewed.length ? { description: t('reports.oscal.results.reviewed'), 'include-controls': reviewed } : { description: t('reports.oscal.results.noneReviewed') }],
          },
          observations: some(observations),
          findings: some(findings),
        },
      ],
      'back-matter': {
        resources: [{ uuid: plan, title: t('reports.oscal.results.planTitle'), description: t('reports.oscal.results.planRemarks'), rlinks: [{ href: `${OSCAL_PROFILE_URL}?lang=${scope.lang}`, 'media-type': 'application/oscal.profile+json' }] }],
      },
    },
  };
  return sealDocument(document, scope, ['assessment-results']);
}
