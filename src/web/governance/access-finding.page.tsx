import { Stack, Table } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TFindingAction } from '../../shared/governance/access-logs.schema.ts';
import { FindingActions, type FindingLine } from '../components/finding-actions.tsx';
import { BackLink, PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { accountRecords, logRecords, openActionsByFinding, useOpenAccountFinding, useOpenLogFinding } from './access-logs.query.ts';

const BACK = '/governance/access';

/** A record's facts as label and value rows. */
function Facts({ rows }: { rows: readonly [string, string][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="finding-record">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={500} w={220} style={{ whiteSpace: 'nowrap' }}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A record's findings, each with its open action or the button that opens one, and every action opened from it. */
function RecordFindings<F extends string>(p: {
  record: { findings: readonly F[]; actions: readonly TFindingAction[]; version: number; can: { update: boolean } };
  label: (finding: F) => string;
  open: { mutate: (body: { finding: F; version: number }, options: { onSettled: () => void }) => void; error: unknown };
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string | null>(null);
  const opened = openActionsByFinding(p.record.actions);
  const lines: FindingLine[] = p.record.findings.map((f) => ({ key: f, label: p.label(f), action: opened.has(f) ? { id: opened.get(f)!.id, title: t('governance.access.actionOpen') } : null }));
  return (
    <FindingActions
      title={t('governance.access.actionsTitle')}
      empty={t('governance.access.noActions')}
      actions={p.record.actions}
      findings={{
        lines,
        canOpen: p.record.can.update,
        openLabel: t('governance.access.openFinding'),
        openLabelFor: (line) => t('governance.access.openFindingFor', { finding: line.label }),
        onOpen: (key) => {
          setPending(key);
          p.open.mutate({ finding: key as F, version: p.record.version }, { onSettled: () => setPending(null) });
        },
        pending,
        error: p.open.error,
      }}
      testId="finding-actions"
    />
  );
}

/** The page's words: messages, field labels, yes and no. */
function useFactWords() {
  const { t } = useTranslation();
  return { t, f: (key: string) => t(`governance.access.fields.${key}`), yesNo: (v: boolean) => t(`governance.access.${v ? 'yes' : 'no'}`) };
}

/** A record's page: its name, the way back, its facts, then its findings and their actions. */
function FindingRecordPage(p: { title: string; description?: string; query: { error: unknown; isPending: boolean }; section: { id: string; title: string; rows: readonly [string, string][] } | null; findings: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={p.title} description={p.description} actions={<BackLink to={BACK} label={t('governance.access.back')} />} />
      <QueryState query={p.query}>
        {p.section ? (
          <Stack gap="lg">
            <SectionCard id={p.section.id} title={p.section.title}>
              <Facts rows={p.section.rows} />
            </SectionCard>
            {p.findings}
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}

/** One account of the IAM review (seed 004 「IAM設計とアクセス制御」): what it is, what it lacks, and the corrective actions opened for it. */
export function IamAccountPage() {
  const { t, f, yesNo } = useFactWords();
  const { id = '' } = useParams();
  const account = accountRecords.useRecord(id);
  const open = useOpenAccountFinding(id);
  const a = account.data;
  return (
    <FindingRecordPage
      title={a?.account ?? t('governance.access.accountsTitle')}
      description={a ? t('governance.access.accountDescription', { system: a.system }) : undefined}
      query={account}
      section={
        a
          ? {
              id: 'account',
              title: t('governance.access.accountSection'),
              rows: [
                [f('system'), a.system],
                [f('account'), a.account],
                [f('holder'), a.holder || '—'],
                [f('kind'), t(`governance.access.kind.${a.kind}`)],
                [f('role'), a.role || '—'],
                [f('mfa'), yesNo(a.mfa)],
                [f('active'), yesNo(a.active)],
                [f('lastUsedOn'), a.lastUsedOn ?? '—'],
                [f('lastReviewedOn'), a.lastReviewedOn ?? '—'],
              ],
            }
          : null
      }
      findings={a ? <RecordFindings record={a} label={(finding) => t(`governance.access.finding.${finding}`)} open={open} /> : null}
    />
  );
}

/** One log source of the log policy check (seed 004 「監査ログ・ログ管理」): what it keeps, what it lacks, and the corrective actions opened for it. */
export function LogSourcePage() {
  const { t, f, yesNo } = useFactWords();
  const { id = '' } = useParams();
  const source = logRecords.useRecord(id);
  const open = useOpenLogFinding(id);
  const l = source.data;
  return (
    <FindingRecordPage
      title={l?.name ?? t('governance.access.logsTitle')}
      description={t('governance.access.logDescription')}
      query={source}
      section={
        l
          ? {
              id: 'log',
              title: t('governance.access.logSection'),
              rows: [
                [f('name'), l.name],
                [f('system'), l.system || '—'],
                [f('logKind'), t(`governance.access.logKind.${l.kind}`)],
                [f('retentionMonths'), String(l.retentionMonths)],
                [f('worm'), yesNo(l.worm)],
                [f('clockSync'), yesNo(l.clockSync)],
                [f('collected'), yesNo(l.collected)],
                [f('encrypted'), yesNo(l.encrypted)],
              ],
            }
          : null
      }
      findings={l ? <RecordFindings record={l} label={(finding) => t(`governance.access.finding.${finding}`, { months: l.requiredMonths })} open={open} /> : null}
    />
  );
}
