import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { assets } from '../../src/server/assets/asset.table.ts';
import type { RunningServer } from '../../src/server/server.ts';
import { createBrowserKit, exactly, pageOf } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The workloads and system portfolio journey through the real UI in headless
 * Chromium, against the real server (started as in foundation.browser.test.ts):
 * set-up and MFA → workloads with the four selection procedures and their
 * verdicts as the stage moves (stage 1: risk-tolerable work first; stage 3:
 * sensitive work needs a stage X plan) → systems with 7R decisions, hybrid
 * connections, a refused duplicate, a dependency cycle → the portfolio chart
 * and placement view. Screenshots in both languages go to
 * artifacts/screenshots/portfolio/NN-name-<lang>.png.
 *
 * Assets and stage decisions are written straight into the database: their
 * own modules (inventory, diagnosis) have their own journeys.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'cio@example.jp', name: '鈴木 一郎', organisation: '雲路工業株式会社' };

const kit = createBrowserKit({
  shots: 'portfolio',
  rawKeyPrefixes: ['common', 'nav', 'errors', 'workloads', 'systems', 'portfolio'],
  ports: [3300, 3399],
  scrollToTop: true,
});
const { newContext, shotBoth, shotJa } = kit;

let server: RunningServer;
let setupUrl = '';
let organisationId = '';
let decisionSeq = 0;

/** A gate decision moving the organisation to `stage`, as the diagnosis module records it. */
async function decideStage(stage: '1' | '3') {
  decisionSeq++;
  await server.database.db.execute(sql`
    insert into stage_decisions (organisation_id, track, seq, from_stage, to_stage, outcome, reason, decided_by_label, basis)
    values (${organisationId}, 'main', ${decisionSeq}, '0', ${stage}, 'advance', 'browser journey', ${OWNER.name}, '{}'::jsonb)`);
}

/** Picks options in a Mantine MultiSelect by typing and clicking them. */
async function pickOptions(page: Page, label: string, options: string[]) {
  const input = page.locator('input:not([type=hidden])').and(page.getByLabel(label, { exact: true }));
  for (const option of options) {
    await input.click();
    await input.fill(option.slice(0, 4));
    await page.getByRole('option', { name: new RegExp(option) }).first().click();
  }
  await page.keyboard.press('Escape');
}

before(async () => {
  ({ server, setupUrl } = await kit.start());
});

after(() => kit.close());

test('workloads and system portfolio journey', { timeout: 300_000 }, async (t) => {
  assert.match(setupUrl, /\/setup\?token=/, 'the server printed a set-up link');
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);

  await step('set-up, MFA, and the inventory the workloads will use', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    const { rows } = await server.database.pool.query<{ id: string }>('select id from organisations where name = $1', [OWNER.organisation]);
    organisationId = rows[0].id;
    // Seed 000 III.3.3 図11: the customer ledger (rank A, personal data) and the member card ledger; a manual.
    await server.database.db.insert(assets).values([
      { organisationId, name: 'お得意様台帳', medium: 'electronic', records: 200, rank: 'A', unitValueYen: 150_000, sensitivity: 'sensitive', riskCategoryId: 'urn:kumoji:seed-000:asset-breakdown:customer-personal-info', containsPersonalData: true },
      { organisationId, name: '会員Mカード台帳', medium: 'electronic', records: 1000, rank: 'B', unitValueYen: 50_000, containsPersonalData: true },
      { organisationId, name: '業務マニュアル', medium: 'electronic', records: 100, rank: 'C', unitValueYen: 10_000, sensitivity: 'basic' },
    ]);
    const nav = await mainNavLinks(page);
    assert.ok(nav.includes('対象業務') && nav.includes('システムポートフォリオ'), nav.join(', '));
  });

  await step('an empty workload list says where the organisation stands', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '対象業務' }).click();
    await page.getByRole('heading', { level: 1, name: '対象業務' }).waitFor();
    await page.getByText('現在の段階: 未判定').waitFor();
    await shotBoth(page, 'workloads-empty');
  });

  await step('a risk-tolerable workload through the four procedures; no stage yet, so not yet', async () => {
    await page.getByRole('link', { name: '対象業務を登録' }).click();
    await page.getByRole('heading', { level: 1, name: '対象業務の登録' }).waitFor();
    await page.getByLabel(exactly('業務名')).fill('社内メール・グループウェア');
    await page.getByLabel('業務の内容').fill('社内の電子メールと予定表、テレワークでの連絡');
    await page.getByRole('checkbox', { name: '利便性を重視' }).check();
    await page.getByRole('checkbox', { name: 'コストを重視' }).check();
    await page.getByRole('radio', { name: /② コミュニケーションツール/ }).check();
    await page.getByTestId('table5').getByRole('checkbox', { name: 'テレワーク' }).check();
    await pickOptions(page, '使用する情報資産', ['業務マニュアル']);
    await page.getByTestId('table6').getByRole('radio', { name: '情報では' }).check();
    await page.getByLabel('自社で評価した将来の優先順位').selectOption('high');
    await page.getByRole('radio', { name: 'はい' }).check();
    await shotBoth(page, 'workload-form');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('対象業務を登録しました。判定と理由をご確認ください。').waitFor();
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('まだ移行しません', { exact: true }).waitFor();
    await verdict.getByText('まだ段階が判定されていません', { exact: false }).waitFor();
    await page.getByText('A 0 / B 0 / C 1').waitFor();
    await shotJa(page, 'workload-no-stage');
  });

  await step('stage 1: risk-tolerable work is what to try first', async () => {
    await decideStage('1');
    await page.reload();
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('移行できます', { exact: true }).waitFor();
    await verdict.getByText('第1段階で最初に試すのに適した、リスクを許容できる業務です。').waitFor();
    await shotBoth(page, 'workload-stage-1');
  });

  await step('customer management (personal data, rank A) waits for stage 3 and a stage X plan', async () => {
    await page.goto(`${server.url}/workloads/new`);
    await page.getByLabel(exactly('業務名')).fill('顧客管理');
    await page.getByRole('checkbox', { name: '事業継続(セキュリティ)を重視' }).check();
    await page.getByRole('radio', { name: /④ 業務の処理アプリ/ }).check();
    await page.getByTestId('table5').getByRole('checkbox', { name: '顧客個人情報②' }).check();
    await pickOptions(page, '使用する情報資産', ['お得意様台帳', '会員Mカード台帳']);
    await page.getByRole('radio', { name: 'はい' }).check();
    await page.getByRole('button', { name: '登録する' }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('まだ移行しません', { exact: true }).waitFor();
    await verdict.getByText('第X段階 センシティブ型').first().waitFor();
    await verdict.getByText('リスクを許容できる業務として登録されていますが', { exact: false }).waitFor();
    await page.getByText('98.8%').waitFor();
    await shotBoth(page, 'workload-sensitive-stage-1');
    await decideStage('3');
    await page.reload();
    await verdict.getByText('第X段階の計画が必要です', { exact: true }).waitFor();
    await shotJa(page, 'workload-needs-plan');
    await page.getByLabel('第X段階の計画', { exact: true }).fill('ISMAP 登録事業者を選定し、デュアルクラウドでバックアップする。個人情報保護法に基づき委託先を監督する。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('対象業務を保存しました。').waitFor();
    await verdict.getByText('移行できます', { exact: true }).waitFor();
    await verdict.getByText('第X段階の計画が記録されています。').waitFor();
    await shotBoth(page, 'workload-planned');
  });

  await step('the workload list shows stage, verdict and value', async () => {
    await page.getByRole('link', { name: '対象業務の一覧へ戻る' }).click();
    await page.getByText('現在の段階: 第3段階 本格導入型').waitFor();
    assert.equal(await page.getByTestId('workload-row').count(), 2);
    await page.getByTestId('workload-row').filter({ hasText: '顧客管理' }).getByText('8,000万円').waitFor();
    await shotBoth(page, 'workloads-list');
  });

  await step('systems: a mainframe core kept, a BI system refactored to the public cloud', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'システムポートフォリオ' }).click();
    await page.getByRole('heading', { level: 1, name: 'システムポートフォリオ' }).waitFor();
    await page.getByRole('link', { name: 'システムを登録' }).click();
    await page.getByLabel(exactly('システム名')).fill('勘定系システム');
    await page.getByLabel('業務上の重要度').selectOption('critical');
    await page.getByLabel('移行戦略', { exact: true }).selectOption('retain');
    await page.getByTestId('strategy-detail').waitFor();
    await page.getByLabel('選定の理由').fill('長年の稼働実績を損なわないよう、当面オンプレミスで維持する');
    await pickOptions(page, '支えている対象業務', ['顧客管理']);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('システムを登録しました。確認事項をご覧ください。').waitFor();
    await page.getByText('確認が必要な事項はありません。').waitFor();

    await page.goto(`${server.url}/systems/new`);
    await page.getByLabel(exactly('システム名')).fill('帳票・BI 分析');
    await page.getByLabel('移行戦略', { exact: true }).selectOption('refactor');
    await page.getByLabel('見込み工数(人月)').fill('12.5');
    await page.getByLabel('選定の理由').fill('帳票作成と分析処理をクラウドへオフロードする');
    await page.getByLabel('移行後の配置').selectOption('public_cloud');
    await pickOptions(page, '依存するシステム', ['勘定系システム']);
    await page.getByRole('button', { name: '登録する' }).click();
    const findings = page.getByTestId('findings');
    await findings.getByText('セキュア VPN・専用線のいずれも指定されていません', { exact: false }).waitFor();
    await findings.getByText('API ゲートウェイを介して行うことが推奨されます', { exact: false }).waitFor();
    await shotBoth(page, 'system-hybrid-findings');
    await page.getByRole('checkbox', { name: '専用線(閉域網)' }).check();
    await page.getByRole('checkbox', { name: 'API ゲートウェイ' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('システムを保存しました。').waitFor();
    await findings.getByText('確認が必要な事項はありません。').waitFor();
  });

  await step('a duplicate name is refused on its field; a cycle is named on the list', async () => {
    await page.goto(`${server.url}/systems/new`);
    await page.getByLabel(exactly('システム名')).fill('勘定系システム');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('この名前はすでに使われています。').waitFor();
    await shotJa(page, 'system-duplicate-name');
    // Two more systems through the same API the form uses; then the core depends on the BI system: a cycle.
    const { csrfToken } = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const post = (data: object) => page.request.post(`${server.url}/api/v1/systems`, { headers: { 'x-csrf-token': csrfToken }, data });
    assert.equal((await post({ name: '旧帳票サーバ', criticality: 'low', strategy: 'retire', rationale: '利用者がいないため廃止', currentPlacement: 'on_premises' })).status(), 201);
    assert.equal((await post({ name: '人事給与', criticality: 'medium', currentPlacement: 'on_premises', strategy: 'repurchase', targetPlacement: 'public_cloud', effortPersonMonths: 4, rationale: 'SaaS へ乗り換える' })).status(), 201);
    await page.goto(`${server.url}/systems`);
    await page.getByRole('main').getByRole('link', { name: '勘定系システム', exact: true }).click();
    await pickOptions(page, '依存するシステム', ['帳票・BI 分析']);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('findings').getByText('依存関係が循環しています', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'システムの一覧へ戻る' }).click();
    await page.getByTestId('cycles').getByText('勘定系システム、帳票・BI 分析 が互いに依存しています', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('system-row').count(), 4);
    await shotBoth(page, 'systems-list');
  });

  await step('the portfolio: strategy by criticality, placements, boundary links', async () => {
    await page.getByRole('link', { name: 'ポートフォリオを図で見る' }).click();
    await page.getByRole('heading', { level: 1, name: 'ポートフォリオ' }).waitFor();
    await page.getByTestId('portfolio-chart').locator('svg').waitFor();
    assert.ok((await page.getByTestId('portfolio-chart').locator('svg path').count()) > 4, 'the chart draws its bubbles');
    await page.getByTestId('placement-after-public_cloud').getByText('帳票・BI 分析').waitFor();
    await page.getByTestId('placement-after-retired').getByText('旧帳票サーバ').waitFor();
    const links = page.getByTestId('boundary-links');
    await links.getByText('専用線(閉域網)').first().waitFor();
    await page.getByText('16.5 人月').waitFor();
    await shotBoth(page, 'portfolio');
  });

  await step('no script errors along the way', async () => {
    assert.deepEqual(kit.errors, []);
  });
});
