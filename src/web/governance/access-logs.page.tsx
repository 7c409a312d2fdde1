import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACCOUNT_KINDS, LOG_KINDS, type AccountKind, type LogKind } from '../../shared/governance/access-logs.rules.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { accountRecords, logRecords, openActionsByFinding, type TIamAccount, type TLogSource, useIamReview, useLogSources } from './access-logs.query.ts';

// Long findings wrap inside their badge instead of being cut off.
const plain = { textTransform: 'none', whiteSpace: 'normal', height: 'auto' } as const;
const wrapping = { label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

/** What a record lacks (marked where a corrective action for it is open), or that it lacks nothing. */
function Findings({ findings, actions, months }: { findings: readonly string[]; actions: TIamAccount['actions']; months?: number }) {
  const { t } = useTranslation();
  const opened = openActionsByFinding(actions);
  if (!findings.length)
    return (
      <Badge color="green" variant="light" style={plain}>
        {t('governance.access.ok')}
      </Badge>
    );
  return (
    <Stack gap={2}>
      {findings.map((f) => {
        const label = t(`governance.access.finding.${f}`, { months });
        return (
          <Badge key={f} color={opened.has(f) ? 'blue' : 'orange'} variant="light" style={plain} styles={wrapping}>
            {opened.has(f) ? t('governance.access.findingWithAction', { finding: label }) : label}
          </Badge>
        );
      })}
    </Stack>
  );
}

function AccountRow({ a, canWrite }: { a: TIamAccount; canWrite: boolean }) {
  const { t } = useTranslation();
  const update = accountRecords.useUpdate(a.id);
  const today = dateIn('Asia/Tokyo', new Date());
  const yesNo = (v: boolean) => t(`governance.access.${v ? 'yes' : 'no'}`);
  return (
    <Table.Tr data-testid="account-row">
      <Table.Td>{a.system}</Table.Td>
      <Table.Td fw={500}>
        <Anchor component={Link} to={`/governance/access/accounts/${a.id}`}>
          {a.account}
        </Anchor>
      </Table.Td>
      <Table.Td>{a.holder}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`governance.access.kind.${a.kind}`)}</Table.Td>
      <Table.Td>{yesNo(a.mfa)}</Table.Td>
      <Table.Td>{yesNo(a.active)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.lastUsedOn ?? '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.lastReviewedOn ?? '—'}</Table.Td>
      <Table.Td miw={180}>
        <Findings findings={a.findings} actions={a.actions} />
      </Table.Td>
      <Table.Td>
        {canWrite && a.can.update ? (
          <Stack gap={4}>
            <Button size="compact-xs" variant="light" loading={update.isPending} onClick={() => update.mutate({ lastReviewedOn: today, version: a.version })} aria-label={`${t('governance.access.reviewedToday')}: ${a.account}`}>
              {t('governance.access.reviewedToday')}
            </Button>
            {a.active ? (
              <Button size="compact-xs" variant="subtle" color="red" loading={update.isPending} onClick={() => update.mutate({ active: false, version: a.version })} aria-label={`${t('governance.access.disable')}: ${a.account}`}>
                {t('governance.access.disable')}
              </Button>
            ) : null}
            {update.error ? <ProblemAlert problem={toApiError(update.error)} /> : null}
          </Stack>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function NewAccount() {
  const { t } = useTranslation();
  const create = accountRecords.useCreate();
  const blank = { system: '', account: '', holder: '', kind: 'person' as AccountKind, mfa: false, lastUsedOn: '', lastReviewedOn: '' };
  const [v, setV] = useState(blank);
  const f = (key: string) => t(`governance.access.fields.${key}`);
  const errors = create.error ? toApiError(create.error).fieldErrors : {};
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput label={f('system')} maxLength={200} value={v.system} error={errors.system} onChange={(e) => setV({ ...v, system: e.currentTarget.value })} />
        <TextInput label={f('account')} maxLength={200} value={v.account} error={errors.account} onChange={(e) => setV({ ...v, account: e.currentTarget.value })} />
        <TextInput label={f('holder')} maxLength={200} value={v.holder} onChange={(e) => setV({ ...v, holder: e.currentTarget.value })} />
        <NativeSelect label={f('kind')} value={v.kind} onChange={(e) => setV({ ...v, kind: e.currentTarget.value as AccountKind })} data={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`governance.access.kind.${k}`) }))} />
        <TextInput type="date" label={f('lastUsedOn')} value={v.lastUsedOn} onChange={(e) => setV({ ...v, lastUsedOn: e.currentTarget.value })} />
        <TextInput type="date" label={f('lastReviewedOn')} value={v.lastReviewedOn} onChange={(e) => setV({ ...v, lastReviewedOn: e.currentTarget.value })} />
        <Checkbox label={f('mfa')} checked={v.mfa} onChange={(e) => setV({ ...v, mfa: e.currentTarget.checked })} mb={8} />
        <Button
          disabled={!v.system.trim() || !v.account.trim()}
          loading={create.isPending}
          onClick={() => create.mutate({ ...v, system: v.system.trim(), account: v.account.trim(), holder: v.holder.trim(), lastUsedOn: v.lastUsedOn || null, lastReviewedOn: v.lastReviewedOn || null }, { onSuccess: () => setV(blank) })}
        >
          {t('governance.access.newAccount')}
        </Button>
      </Group>
      {create.error ? <ProblemAlert problem={toApiError(create.error)} /> : null}
    </Stack>
  );
}

function LogRow({ l }: { l: TLogSource }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => t(`governance.access.${v ? 'yes' : 'no'}`);
  return (
    <Table.Tr data-testid="log-row">
      <Table.Td fw={500}>
        <Anchor component={Link} to={`/governance/access/logs/${l.id}`}>
          {l.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{l.system}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`governance.access.logKind.${l.kind}`)}</Table.Td>
      <Table.Td ta="right">{l.retentionMonths}</Table.Td>
      <Table.Td>{yesNo(l.worm)}</Table.Td>
      <Table.Td>{yesNo(l.clockSync)}</Table.Td>
      <Table.Td>{yesNo(l.collected)}</Table.Td>
      <Table.Td>{yesNo(l.encrypted)}</Table.Td>
      <Table.Td miw={200}>
        <Findings findings={l.findings} actions={l.actions} months={l.requiredMonths} />
      </Table.Td>
    </Table.Tr>
  );
}

function NewLogSource() {
  const { t } = useTranslation();
  const create = logRecords.useCreate();
  const blank = { name: '', system: '', kind: 'access' as LogKind, retentionMonths: 12 as number | string, worm: false, clockSync: false, collected: false, encrypted: false };
  const [v, setV] = useState(blank);
  const f = (key: string) => t(`governance.access.fields.${key}`);
  const flag = (key: 'worm' | 'clockSync' | 'collected' | 'encrypted') => <Checkbox key={key} label={f(key)} checked={v[key]} onChange={(e) => setV({ ...v, [key]: e.currentTarget.checked })} mb={8} />;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput label={f('name')} maxLength={200} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} />
        <TextInput label={f('system')} maxLength={200} value={v.system} onChange={(e) => setV({ ...v, system: e.currentTarget.value })} />
        <NativeSelect label={f('logKind')} value={v.kind} onChange={(e) => setV({ ...v, kind: e.currentTarget.value as LogKind })} data={LOG_KINDS.map((k) => ({ value: k, label: t(`governance.access.logKind.${k}`) }))} />
        <NumberInput label={f('retentionMonths')} min={0} max={1200} w={140} value={v.retentionMonths} onChange={(n) => setV({ ...v, retentionMonths: n })} />
        {(['worm', 'clockSync', 'collected', 'encrypted'] as const).map(flag)}
        <Button disabled={!v.name.trim() || v.retentionMonths === ''} loading={create.isPending} onClick={() => create.mutate({ ...v, name: v.name.trim(), system: v.system.trim(), retentionMonths: Number(v.retentionMonths) }, { onSuccess: () => setV(blank) })}>
          {t('governance.access.newLog')}
        </Button>
      </Group>
      {create.error ? <ProblemAlert problem={toApiError(create.error)} /> : null}
    </Stack>
  );
}

/** IAM設計とアクセス制御 and 監査ログ・ログ管理 (seed 004): the account review per system and the log sources against the policy. */
export function AccessLogsPage() {
  const { t } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['governance.write'];
  const review = useIamReview();
  const logs = useLogSources();
  const f = (key: string) => t(`governance.access.fields.${key}`);
  return (
    <>
      <PageHeader title={t('governance.access.title')} description={t('governance.access.description')} />
      <Stack gap="lg">
        <QueryState query={review}>
          {review.data ? (
            <SectionCard id="accounts" title={t('governance.access.accountsTitle')}>
              <Stack gap="md">
                {review.data.systems.length ? (
                  <Stack gap={2} data-testid="iam-systems">
                    {review.data.systems.map((s) => (
                      <Text key={s.system} size="sm">
                        {t('governance.access.systemLine', { system: s.system, active: s.active, mfa: s.mfaPercent === null ? t('governance.access.noPeople') : `${s.mfaPercent}%`, unused: s.unused, overdue: s.reviewOverdue })}
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <Text c="dimmed">{t('governance.access.accountsEmpty')}</Text>
                )}
                {review.data.items.length ? (
                  <Table.ScrollContainer minWidth={900}>
                    <Table verticalSpacing="xs">
                      <Table.Thead>
                        <Table.Tr>
                          {['system', 'account', 'holder', 'kind', 'mfa', 'active', 'lastUsedOn', 'lastReviewedOn', 'findings'].map((k) => (
                            <Table.Th key={k} scope="col">
                              {f(k)}
                            </Table.Th>
                          ))}
                          <Table.Th scope="col" />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {review.data.items.map((a) => (
                          <AccountRow key={a.id} a={a} canWrite={canWrite} />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ) : null}
                {canWrite ? <NewAccount /> : null}
                <Group gap={0}>
                  <ExportLinks href="/api/v1/iam-accounts/export" />
                </Group>
                <SourceCitations sources={review.data.source} size="xs" />
              </Stack>
            </SectionCard>
          ) : null}
        </QueryState>
        <QueryState query={logs}>
          {logs.data ? (
            <SectionCard id="logs" title={t('governance.access.logsTitle')} description={logs.data.items.length ? t('governance.access.logsSummary', { sources: logs.data.summary.sources, findings: logs.data.summary.withFindings }) : t('governance.access.logsEmpty')}>
              <Stack gap="md">
                {logs.data.items.length ? (
                  <Table.ScrollContainer minWidth={900}>
                    <Table verticalSpacing="xs">
                      <Table.Thead>
                        <Table.Tr>
                          {['name', 'system', 'logKind', 'retentionMonths', 'worm', 'clockSync', 'collected', 'encrypted', 'findings'].map((k) => (
                            <Table.Th key={k} scope="col">
                              {f(k)}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {logs.data.items.map((l) => (
                          <LogRow key={l.id} l={l} />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ) : null}
                {canWrite ? <NewLogSource /> : null}
                <Group gap={0}>
                  <ExportLinks href="/api/v1/log-sources/export" />
                </Group>
                <SourceCitations sources={logs.data.source} size="xs" />
              </Stack>
            </SectionCard>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}
