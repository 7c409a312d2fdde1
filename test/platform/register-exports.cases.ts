import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RouteFixtures } from '../helpers/route-fixtures.ts';
import { addMember, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Every register's export, one case each (register-exports.test.ts runs them
 * all): its URL with the register's own query, the entity its audit entry
 * names, the first columns of its header in both languages, and how to make
 * one of its records in an organisation, returning the text that shows the
 * record in the file.
 */

export interface ExportWorld {
  t: TestApp;
  org: TestOrganisation;
  /** The route fixtures of `org` (each makes a new record). */
  fixtures: RouteFixtures;
}

export interface ExportCase {
  url: string;
  entityType: string;
  headers: { ja: readonly string[]; en: readonly string[] };
  make: (w: ExportWorld) => Promise<string>;
}

const marker = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

/** A record made by its route fixture, shown in the file by one of its columns. */
const made =
  (entity: string, table: string, column: string) =>
  async ({ t, fixtures }: ExportWorld): Promise<string> => {
    const { id } = await fixtures[entity]!();
    const { rows } = await t.database.pool.query<{ v: string }>(`select ${column} as v from ${table} where id = $1`, [id]);
    assert.ok(rows[0]?.v, `${entity} ${id}`);
    return rows[0].v;
  };

async function posted(org: TestOrganisation, url: string, body: unknown): Promise<void> {
  const r = await org.owner.client.post(url, body);
  assert.equal(r.status, 201, `${url}: ${r.raw}`);
}

/** A member joined by invitation, shown in the file by their e-mail address. */
async function newMember({ t, org }: ExportWorld): Promise<string> {
  return (await addMember(t, org.id, 'staff')).email;
}

/** A restore test of a plan, with its note as the marker. */
async function restoreTestNote({ org, fixtures }: ExportWorld): Promise<string> {
  const plan = await fixtures.backupPlan!();
  const notes = marker('Restore');
  await posted(org, '/api/v1/restore-tests', { planId: plan.id, testedOn: '2026-11-01', durationMinutes: 45, errors: 0, notes });
  return notes;
}

/** A judgement of a control of a shipped set not judged yet, with its reason as the marker. */
async function controlJudgement({ org, fixtures }: ExportWorld): Promise<string> {
  await fixtures.controlAssessment!();
  const sets = await org.owner.client.get('/api/v1/controls');
  const free = sets.body.sets.flatMap((s: { controls: { itemId: string; assessment: unknown }[] }) => s.controls).find((c: { assessment: unknown }) => !c.assessment);
  const reason = marker('Reason');
  await posted(org, '/api/v1/control-assessments', { itemId: free.itemId, applicable: false, reason });
  return reason;
}

/** A judgement of a threat of the 2019 list, with its note as the marker. */
async function threatJudgement({ org, fixtures }: ExportWorld): Promise<string> {
  await fixtures.threatAssessment!();
  const view = await org.owner.client.get('/api/v1/threat-assessments?year=2019');
  const free = view.body.list.items.find((i: { assessment: unknown }) => !i.assessment);
  const note = marker('Note');
  await posted(org, '/api/v1/threat-assessments', { threatItemId: free.threatItemId, impactBankruptcy: 'large', note });
  return note;
}

/** A response in a free cell of the BCP grid. */
async function bcpResponse({ org, fixtures }: ExportWorld): Promise<string> {
  await fixtures.bcpScenario!();
  const grid = await org.owner.client.get('/api/v1/bcp');
  const free = grid.body.cells.find((c: { scenario: unknown }) => !c.scenario);
  const response = marker('Response');
  await posted(org, '/api/v1/bcp-scenarios', { mode: free.mode, disasterTypeId: free.disasterTypeId, response });
  return response;
}

/** A workload with recovery targets: the workload's name shows the row. */
async function recoveryTarget({ org }: ExportWorld): Promise<string> {
  const name = marker('Workload');
  const w = await org.owner.client.post('/api/v1/workloads', { name });
  assert.equal(w.status, 201, w.raw);
  await posted(org, '/api/v1/recovery-targets', { workloadId: w.body.id, rtoMinutes: 240, rpoMinutes: 60 });
  return name;
}

/** The first practice item of the roadmap as a task, its note the marker. */
async function roadmapTask({ org, fixtures }: ExportWorld): Promise<string> {
  const { taskId } = await fixtures['roadmap-task']!();
  const roadmap = await org.owner.client.get('/api/v1/roadmap');
  const task = roadmap.body.stages.flatMap((s: { items: { task: { id: string; version: number } | null }[] }) => s.items).find((i: { task: { id: string } | null }) => i.task?.id === taskId).task;
  const note = marker('Note');
  const r = await org.owner.client.patch(`/api/v1/roadmap/tasks/${taskId}`, { note, version: task.version });
  assert.equal(r.status, 200, r.raw);
  return note;
}

export const EXPORT_CASES: readonly ExportCase[] = [
  { url: '/api/v1/assets/export', entityType: 'asset', headers: { ja: ['No', '情報資産名'], en: ['No.', 'Information asset'] }, make: made('asset', 'assets', 'name') },
  { url: '/api/v1/workloads/export', entityType: 'workload', headers: { ja: ['業務名', '区分', '業務の内容'], en: ['Workload name', 'Category', 'What the work is'] }, make: made('workload', 'workloads', 'name') },
  { url: '/api/v1/systems/export', entityType: 'system', headers: { ja: ['システム名', '概要', '業務上の重要度'], en: ['System name', 'Overview', 'Business criticality'] }, make: made('system', 'systems', 'name') },
  { url: '/api/v1/risks/export', entityType: 'risk', headers: { ja: ['リスク名', '脅威', '損害を負う側'], en: ['Risk', 'Threat', 'Who bears the damage'] }, make: made('risk', 'risks', 'title') },
  { url: '/api/v1/insurance-policies/export', entityType: 'insurancePolicy', headers: { ja: ['契約名', '保険会社'], en: ['Policy', 'Insurer'] }, make: made('insurancePolicy', 'insurance_policies', 'name') },
  { url: '/api/v1/threat-assessments/export?year=2019', entityType: 'threatAssessment', headers: { ja: ['順位', '脅威', '倒産'], en: ['Rank', 'Threat', 'Bankruptcy'] }, make: threatJudgement },
  { url: '/api/v1/providers/export', entityType: 'provider', headers: { ja: ['事業者', 'コピー元'], en: ['Provider', 'Copied from'] }, make: made('provider', 'providers', 'name') },
  { url: '/api/v1/providers/export?table=contracts', entityType: 'contract', headers: { ja: ['契約', '事業者', '番号'], en: ['Contracts', 'Provider', 'No.'] }, make: made('contract', 'contracts', 'title') },
  { url: '/api/v1/contracts/export', entityType: 'contract', headers: { ja: ['契約名', '事業者', '開始日'], en: ['Contract', 'Provider', 'Starts on'] }, make: made('contract', 'contracts', 'title') },
  { url: '/api/v1/incidents/export', entityType: 'incident', headers: { ja: ['件名', '検出の区分', '重大度'], en: ['Incident', 'How it was detected', 'Severity'] }, make: made('incident', 'incidents', 'title') },
  { url: '/api/v1/inspections/export', entityType: 'inspection', headers: { ja: ['点検名', '移行ガイドの点検項目', '周期'], en: ['Inspection', 'Item of the guide', 'Schedule'] }, make: made('inspection', 'inspections', 'title') },
  { url: '/api/v1/corrective-actions/export', entityType: 'correctiveAction', headers: { ja: ['是正処置', '起票元', '起票元の名称'], en: ['Corrective action', 'Comes from', 'Name of the origin'] }, make: made('correctiveAction', 'corrective_actions', 'title') },
  { url: '/api/v1/raci-tasks/export', entityType: 'raciTask', headers: { ja: ['タスク'], en: ['Task'] }, make: made('raciTask', 'raci_tasks', 'title') },
  { url: '/api/v1/isms-documents/export', entityType: 'ismsDocument', headers: { ja: ['文書名', '文書番号'], en: ['Document', 'Number'] }, make: made('ismsDocument', 'isms_documents', 'title') },
  { url: '/api/v1/controls/export', entityType: 'controlAssessment', headers: { ja: ['管理策の区分', '番号'], en: ['Set', 'Number'] }, make: controlJudgement },
  { url: '/api/v1/data-stores/export', entityType: 'dataStore', headers: { ja: ['保管場所', '所在(サービス・リージョンなど)'], en: ['Data store', 'Where (service, region …)'] }, make: made('dataStore', 'data_stores', 'name') },
  { url: '/api/v1/staffing/export', entityType: 'staffingPerson', headers: { ja: ['氏名', '所属'], en: ['Name', 'Affiliation'] }, make: made('staffingPerson', 'staffing_people', 'name') },
  { url: '/api/v1/iam-accounts/export', entityType: 'iamAccount', headers: { ja: ['システム', 'アカウント名', '利用者'], en: ['System', 'Account', 'Used by'] }, make: made('iamAccount', 'iam_accounts', 'account') },
  { url: '/api/v1/log-sources/export', entityType: 'logSource', headers: { ja: ['ログ名', 'システム', 'ログの種類'], en: ['Log', 'System', 'Kind of log'] }, make: made('logSource', 'log_sources', 'name') },
  { url: '/api/v1/members/export', entityType: 'member', headers: { ja: ['氏名', 'メールアドレス', '役割'], en: ['Name', 'E-mail address', 'Role'] }, make: newMember },
  { url: '/api/v1/backup-plans/export?table=restoreTests', entityType: 'restoreTest', headers: { ja: ['データセット', '実施日', '所要時間(分)'], en: ['Data set', 'Tested on', 'Time taken (min)'] }, make: restoreTestNote },
  { url: '/api/v1/backup-plans/export', entityType: 'backupPlan', headers: { ja: ['データセット', '頻度'], en: ['Data set', 'Frequency'] }, make: made('backupPlan', 'backup_plans', 'name') },
  { url: '/api/v1/recovery/export', entityType: 'recoveryTarget', headers: { ja: ['ワークロード', 'RTO(分)', 'RPO(分)'], en: ['Workload', 'RTO (minutes)', 'RPO (minutes)'] }, make: recoveryTarget },
  { url: '/api/v1/bcp/export?table=scenarios', entityType: 'bcpScenario', headers: { ja: ['運用モード', '災害の種類', '状態'], en: ['Operating mode', 'Disaster type', 'Status'] }, make: bcpResponse },
  { url: '/api/v1/bcp/export?table=drills', entityType: 'bcpDrill', headers: { ja: ['訓練名', '実施日', '運用モード'], en: ['Drill', 'Held on', 'Operating mode'] }, make: made('bcpDrill', 'bcp_drills', 'title') },
  { url: '/api/v1/costs/export', entityType: 'costScenario', headers: { ja: ['名前', '種別', '採用済みの予算計画'], en: ['Name', 'Kind', 'Adopted as the budget plan'] }, make: made('costScenario', 'cost_scenarios', 'name') },
  { url: '/api/v1/cost-actuals/export', entityType: 'costActual', headers: { ja: ['計上月', '区分', '金額(円)', '内容', '備考'], en: ['Month', 'Category', 'Amount (yen)', 'Description', 'Notes'] }, make: made('costActual', 'cost_actuals', 'description') },
  { url: '/api/v1/roadmap/export', entityType: 'roadmap-task', headers: { ja: ['段階', '区分', '実践項目'], en: ['Stage', 'Area', 'Practice item'] }, make: roadmapTask },
];
