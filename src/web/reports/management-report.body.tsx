import { Badge, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { FIGURE_KEYS } from '../../shared/reports/report.rules.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { ReportMasthead } from '../components/printable-report.tsx';
import { formatYen, pick, stageLabel } from '../diagnosis/diagnosis-labels.tsx';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { deadlineText, decisionText, figureLabel, figureValue } from './report-labels.tsx';
import type { TManagementReport } from './report.query.ts';

type Props = { r: TManagementReport; t: TFunction; lang: TLocale; timeZone: string };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Title order={2} fz={15}>
        {title}
      </Title>
      {children}
    </>
  );
}

/** The report's contents in `lang`: summary, changes, decisions, each module's section, and how to check it. */
export function ReportBody({ r, t, lang, timeZone }: Props) {
  const c = r.content;
  const o = c.overview;
  const fig = (key: (typeof FIGURE_KEYS)[number]) => figureValue(t, key, c.figures[key] ?? null, lang);
  return (
    <Stack gap="sm">
      <ReportMasthead
        t={t}
        title={t('reports.report.heading', { number: r.number })}
        organisation={o.organisation.name}
        made={t('reports.report.issued', { date: formatDateTime(r.issuedAt, lang, timeZone), name: r.issuedBy })}
        audience={t('reports.report.audience')}
      />

      <SimpleGrid cols={4} spacing="xs" className="report-keep">
        {(['stage', 'highRisks', 'deadlinesOverdue', 'actionsOverdue'] as const).map((key) => (
          <Paper key={key} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {figureLabel(t, key)}
            </Text>
            <Text fw={700}>{fig(key)}</Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Section title={t('reports.report.decisions')}>
        {c.decisions.length ? (
          <List size="sm" spacing={2} data-testid="report-decisions">
            {c.decisions.map((d) => (
              <List.Item key={d.kind}>{decisionText(t, d.kind, d.count)}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('reports.dashboard.noDecisions')}</Text>
        )}
      </Section>

      <Section title={t('reports.report.changes')}>
        {c.previous ? (
          <>
            <Text size="sm">{t('reports.report.since', { number: c.previous.number, date: formatDate(c.previous.issuedAt, lang, timeZone) })}</Text>
            {c.changes.length ? (
              <Table withTableBorder fz="xs" data-testid="report-changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.report.figure')}</Table.Th>
                    <Table.Th ta="right">{t('reports.report.before')}</Table.Th>
                    <Table.Th ta="right">{t('reports.report.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.changes.map((ch) => (
                    <Table.Tr key={ch.figure}>
                      <Table.Td>{figureLabel(t, ch.figure)}</Table.Td>
                      <Table.Td ta="right">{figureValue(t, ch.figure, ch.before, lang)}</Table.Td>
                      <Table.Td ta="right">{figureValue(t, ch.figure, ch.after, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm">{t('reports.report.noChanges')}</Text>
            )}
          </>
        ) : (
          <Text size="sm">{t('reports.report.first')}</Text>
        )}
      </Section>

      <Section title={t('reports.report.figures')}>
        {/* Sixteen rows: kept whole, the table would leave most of the first page blank; its rows never break. */}
        <Table withTableBorder fz="xs">
          <Table.Tbody>
            {FIGURE_KEYS.map((key) => (
              <Table.Tr key={key}>
                <Table.Th w="55%">{figureLabel(t, key)}</Table.Th>
                <Table.Td ta="right">{fig(key)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('reports.report.stage')}>
        <Text size="sm">
          {t('reports.report.stageLine', { stage: stageLabel(t, o.stage.current), next: o.stage.next ? pick(o.stage.next.name, lang) : '—' })}
          {o.stage.gate?.items.length ? ` ${t('reports.dashboard.gate', { evaluated: o.stage.gate.items.length - o.stage.gate.missing.length, total: o.stage.gate.items.length })}` : ''}
        </Text>
        <Text size="sm">{t('reports.dashboard.tasks', { open: o.tasks.open, overdue: o.tasks.overdue })}</Text>
      </Section>

      <Section title={t('reports.report.risks')}>
        <HeatTable r={r} t={t} />
        {o.risks.top.length ? (
          <List size="xs" spacing={0}>
            {o.risks.top.slice(0, 5).map((x) => (
              <List.Item key={x.riskId}>
                {x.title}: {t(`risks.level.${x.residual.level}`)} / {t('reports.report.ale')} {formatYen(x.aleYen, lang)}
              </List.Item>
            ))}
          </List>
        ) : null}
        {o.risks.riskCount ? <Text size="sm">{t('reports.dashboard.ale', { inherent: formatYen(o.risks.simulation.inherent.aleYen, lang), treated: formatYen(o.risks.simulation.treated.aleYen, lang) })}</Text> : null}
      </Section>

      <Section title={t('reports.report.deadlines', { days: o.deadlines.horizonDays })}>
        {o.deadlines.items.length ? (
          <Table withTableBorder fz="xs">
            <Table.Tbody>
              {o.deadlines.items.map((d, i) => (
                <Table.Tr key={`${d.path}-${d.kind}-${d.date}-${i}`}>
                  <Table.Td w="24%">
                    {d.dueAt ? formatDateTime(d.dueAt, lang, timeZone) : formatDate(d.date, lang, 'UTC')}
                    {d.overdue ? (
                      <Badge ml={4} size="xs" color="red" variant="light" tt="none">
                        {t('reports.report.overdue')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{deadlineText(t, d, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('reports.dashboard.noDeadlines')}</Text>
        )}
      </Section>

      <Section title={t('reports.report.costs')}>
        {o.costs.review && o.costs.plan ? (
          <>
            <Text size="sm">{t('reports.dashboard.costLine', { plan: o.costs.plan.name, planYen: formatYen(o.costs.review.planYen, lang), actualYen: formatYen(o.costs.review.actualYen, lang), varianceYen: formatYen(o.costs.review.varianceYen, lang) })}</Text>
            <Table withTableBorder fz="xs" className="report-keep">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.report.category')}</Table.Th>
                  <Table.Th ta="right">{t('reports.report.plan')}</Table.Th>
                  <Table.Th ta="right">{t('reports.report.actual')}</Table.Th>
                  <Table.Th ta="right">{t('reports.report.variance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.costs.review.categories.map((row) => (
                  <Table.Tr key={row.category}>
                    <Table.Td>{t(`costs.category.${row.category}`)}</Table.Td>
                    <Table.Td ta="right">{formatYen(row.planYen, lang)}</Table.Td>
                    <Table.Td ta="right">{formatYen(row.actualYen, lang)}</Table.Td>
                    <Table.Td ta="right">{formatYen(row.varianceYen, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : (
          <Text size="sm">{t('reports.dashboard.noPlan')}</Text>
        )}
      </Section>

      <Section title={t('reports.report.operations')}>
        <Text size="sm">
          {t('reports.dashboard.inspections')}: {o.inspections.onTimePercent === null ? '—' : `${o.inspections.onTimePercent}%`} ({t('reports.dashboard.rounds', { onTime: o.inspections.roundsOnTime, due: o.inspections.roundsDue, overdue: o.inspections.overdue })})
        </Text>
        <Text size="sm">{t('reports.dashboard.actionsLine', { open: o.actions.open, overdue: o.actions.overdue })}</Text>
      </Section>

      <Section title={t('reports.report.controls')}>
        <Table withTableBorder fz="xs" className="report-keep">
          <Table.Tbody>
            {o.controls.sets.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Td>{pick(s.name, lang)}</Table.Td>
                <Table.Td ta="right">{t('reports.report.controlLine', { implemented: s.summary.implemented, applicable: s.summary.applicable, overdue: s.summary.overdue })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('reports.report.integrity')}>
        <Text size="xs">{t('reports.report.integrityText')}</Text>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="report-sha">
          SHA-256: {r.contentSha256}
        </Text>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {t('reports.report.auditHead')}: {r.auditHeadHash}
        </Text>
        <Text size="xs" c={r.intact ? undefined : 'red.8'} fw={r.intact ? undefined : 700}>
          {r.intact ? t('reports.report.intact') : t('reports.report.notIntact')}
        </Text>
      </Section>
    </Stack>
  );
}

/** The residual heat map as a table: impact from high to low down, likelihood from low to high across; each cell the number of risks. */
function HeatTable({ r, t }: { r: TManagementReport; t: TFunction }) {
  const cells = r.content.overview.risks.heatMap.residual;
  if (!r.content.overview.risks.riskCount) return <Text size="sm">{t('reports.dashboard.noRisks')}</Text>;
  const likelihoods = [...new Set(cells.map((c) => c.likelihood))].sort((a, b) => a - b);
  const impacts = [...new Set(cells.map((c) => c.impact))].sort((a, b) => b - a);
  const at = (l: number, i: number) => cells.find((c) => c.likelihood === l && c.impact === i);
  const shade = { low: '#e6fcf5', medium: '#fff9db', high: '#fff4e6', critical: '#fff5f5' } as const;
  return (
    <Table withTableBorder withColumnBorders fz="xs" className="report-keep" data-testid="report-heat">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.report.impactLikelihood')}</Table.Th>
          {likelihoods.map((l) => (
            <Table.Th key={l} ta="center">
              {l}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {impacts.map((i) => (
          <Table.Tr key={i}>
            <Table.Th>{i}</Table.Th>
            {likelihoods.map((l) => {
              const cell = at(l, i);
              return (
                <Table.Td key={l} ta="center" style={{ background: cell ? shade[cell.level] : undefined }}>
                  {cell?.count || ''}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
