import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TReport } from '../../shared/schemas/roadmap.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { PrintableReport, ReportMasthead } from '../components/printable-report.tsx';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.ts';
import { AnswerBadge, citations, formatDay, formatYen, formatYenRange, pick, StageBadge, stageLabel } from './diagnosis-labels.tsx';
import { DiagnosisResult } from './diagnosis-result.tsx';
import { reportExportUrl, useReport } from './diagnosis.query.ts';
import { decisionText } from './stage-widgets.tsx';

/**
 * The diagnosis report for the executive: one A4 document in Japanese or
 * English (whatever the UI language), printable from the browser and the
 * source of the server's PDF, which opens this page with `print=1` and waits
 * for `data-report-ready`.
 */
export function ReportPage() {
  const report = useReport();
  return (
    <PrintableReport
      query={report}
      keys="diagnosis.report"
      back="/diagnosis"
      pdfHref={(lang) => reportExportUrl('pdf', lang)}
      extra={(lang, t) => (
        <Button component="a" href={reportExportUrl('json', lang)} variant="subtle">
          {t('diagnosis.report.json')}
        </Button>
      )}
    >
      {(r, t, lang, timeZone) => <ReportBody r={r} t={t} lang={lang} timeZone={timeZone} />}
    </PrintableReport>
  );
}

function ReportBody({ r, t, lang, timeZone }: { r: TReport; t: ReturnType<typeof useTranslation>['t']; lang: TLocale; timeZone: string }) {
  const p = r.profile;
  const industry = p.industries.find((i) => i.id === p.industryId);
  const yesNo = (b: boolean) => (b ? t('diagnosis.report.yes') : t('diagnosis.report.no'));
  const current = r.stages.stages.find((s) => s.stage === r.stages.current.stage);
  return (
    <Stack gap="sm">
      <ReportMasthead
        t={t}
        title={t('diagnosis.report.title')}
        organisation={r.organisation.name}
        made={t('diagnosis.report.generated', { date: formatDateTime(r.generatedAt, lang, timeZone) })}
        audience={t('diagnosis.report.audience')}
      />

      <Title order={2} fz={15}>
        {t('diagnosis.report.summary')}
      </Title>
      <SimpleGrid cols={4} spacing="xs" className="report-keep">
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('diagnosis.report.currentStage')}
          </Text>
          <StageBadge stage={r.stages.current.stage} t={t} />
          <Text size="xs">{pick(current?.name, lang)}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('diagnosis.result.proposed')}
          </Text>
          <StageBadge stage={r.diagnosis.proposedStage} t={t} />
          <Text size="xs">{r.diagnosis.readyForStage ? t('diagnosis.result.readyForYes', { stage: stageLabel(t, r.diagnosis.readyForStage) }) : t('diagnosis.result.readyForNo')}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('diagnosis.report.timeInStage')}
          </Text>
          <Text fw={700}>{t('diagnosis.report.days', { days: r.stages.current.time.daysSpent })}</Text>
          <Text size="xs">
            {r.stages.current.time.minimumMonths ? t('diagnosis.stages.minimum', { months: r.stages.current.time.minimumMonths }) : ''}
          </Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('diagnosis.report.risksAndActions')}
          </Text>
          <Text fw={700} c={r.diagnosis.highRisks.length ? 'red.8' : undefined}>
            {t('diagnosis.dashboard.highRisks', { count: r.diagnosis.highRisks.length })}
          </Text>
          <Text size="xs">{t('diagnosis.dashboard.actions', { count: r.diagnosis.suggestedActions.length })}</Text>
        </Paper>
      </SimpleGrid>

      <Title order={2} fz={15}>
        {t('diagnosis.report.profile')}
      </Title>
      <Table withTableBorder fz="xs" className="report-keep">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="32%">{t('organisationProfile.industry')}</Table.Th>
            <Table.Td>
              {industry ? pick(industry.name, lang) : '—'}
              {industry?.usingPct !== null && industry ? ` (${t('diagnosis.report.industryUsage', { pct: industry.usingPct })})` : ''}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('organisationProfile.employees')}</Table.Th>
            <Table.Td>{p.employees === null ? '—' : t('diagnosis.report.people', { count: p.employees, value: formatNumber(p.employees, lang) })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('organisationProfile.capital')}</Table.Th>
            <Table.Td>{formatYen(p.capitalYen, lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('organisationProfile.revenue')}</Table.Th>
            <Table.Td>{formatYen(p.annualRevenueYen, lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('diagnosis.report.data')}</Table.Th>
            <Table.Td>
              {t('organisationProfile.personalData')}: {yesNo(p.handlesPersonalData)} / {t('organisationProfile.sensitiveData')}: {yesNo(p.handlesSensitivePersonalData)} /{' '}
              {t('organisationProfile.euData')}: {yesNo(p.handlesEuResidentsData)} / {t('organisationProfile.financialSector')}: {yesNo(p.financialSector)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <Title order={2} fz={15}>
        {t('diagnosis.report.diagnosis')}
      </Title>
      <DiagnosisResult diagnosis={r.diagnosis} t={t} locale={lang} level={2} />

      <Title order={2} fz={15}>
        {t('diagnosis.report.answers')}
      </Title>
      {r.assessments.map((a) => (
        <Stack key={a.id} gap={4}>
          <Group justify="space-between" align="baseline">
            <Title order={3} fz={13}>
              {pick(a.checklist.name, lang)}: {a.score.text[lang]}
            </Title>
            <Text size="xs" c="dimmed">
              {t('diagnosis.checklists.submitted', { date: formatDate(a.submittedAt, lang, timeZone), name: a.submittedBy ?? '' })}
            </Text>
          </Group>
          <Table withTableBorder fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44}>{t('diagnosis.compare.number')}</Table.Th>
                <Table.Th>{t('diagnosis.compare.item')}</Table.Th>
                <Table.Th w={104}>{t('diagnosis.report.answer')}</Table.Th>
                <Table.Th w="28%">{t('diagnosis.report.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.questions.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>{q.number ?? '—'}</Table.Td>
                  <Table.Td>{q.text[lang]}</Table.Td>
                  <Table.Td>
                    <AnswerBadge answer={q.answer?.answer ?? null} t={t} />
                  </Table.Td>
                  <Table.Td>
                    {q.answer?.comment ?? ''}
                    {q.answer?.evidence.length ? <Text size="xs" c="dimmed">{t('diagnosis.report.evidence', { names: q.answer.evidence.map((e) => e.fileName).join(', ') })}</Text> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      {r.assessments.length === 0 ? <Text size="sm">{t('diagnosis.result.none')}</Text> : null}

      <Title order={2} fz={15}>
        {t('diagnosis.report.roadmap')}
      </Title>
      {r.roadmap.stages.map((s) => (
        <Stack key={s.stage} gap={4}>
          <Title order={3} fz={13}>
            {pick(s.name, lang)} — {t(`diagnosis.roadmap.role.${s.role}`)}
          </Title>
          <Text size="xs">
            {s.minDurationMonths ? t('diagnosis.stages.minimum', { months: s.minDurationMonths }) : ''}
            {s.time ? ` / ${t('diagnosis.time.spent', { days: s.time.daysSpent, date: formatDate(s.time.enteredAt, lang, timeZone) })}` : ''}
            {s.budget.guide ? ` / ${t('diagnosis.roadmap.guide', { range: formatYenRange(s.budget.guide, lang) })}` : ''}
            {s.budget.budgetYen !== null ? ` / ${t('diagnosis.roadmap.planned', { amount: formatYen(s.budget.budgetYen, lang) })} (${t(`diagnosis.roadmap.budgetStatus.${s.budget.status}`)})` : ''}
          </Text>
          <Table withTableBorder fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('diagnosis.roadmap.area')}</Table.Th>
                <Table.Th>{t('diagnosis.roadmap.item')}</Table.Th>
                <Table.Th w={90}>{t('diagnosis.roadmap.owner')}</Table.Th>
                <Table.Th w={90}>{t('diagnosis.roadmap.due')}</Table.Th>
                <Table.Th w={80}>{t('diagnosis.roadmap.statusLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.items.map((row) => (
                <Table.Tr key={row.item.id}>
                  <Table.Td>{t(`diagnosis.practice.${row.item.practice}`, { defaultValue: row.item.practice })}</Table.Td>
                  <Table.Td>{row.item.text[lang]}</Table.Td>
                  <Table.Td>{row.task?.owner?.displayName ?? '—'}</Table.Td>
                  <Table.Td>{formatDay(row.task?.dueDate, lang)}</Table.Td>
                  <Table.Td>{t(`diagnosis.roadmap.status.${row.task?.status ?? 'todo'}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}

      <Title order={2} fz={15}>
        {t('diagnosis.report.gate')}
      </Title>
      {r.stages.gate ? (
        <Stack gap={2} className="report-keep">
          <Title order={3} fz={13}>
            {t('diagnosis.gate.title', { stage: stageLabel(t, r.stages.current.stage) })}
          </Title>
          {r.stages.gate.items.map((i) => (
            <Text key={i.item.id} size="xs">
              {i.latest ? '✓' : i.required ? '!' : '–'} {i.item.text[lang]}:{' '}
              {i.latest
                ? `${t(`diagnosis.gate.results.${i.latest.result}`)} (${i.latest.evaluators}, ${formatDate(i.latest.recordedAt, lang, timeZone)}) ${i.latest.summary}`
                : i.required
                  ? t('diagnosis.gate.missing')
                  : t('diagnosis.gate.optional')}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Title order={3} fz={13}>
        {t('diagnosis.report.decisions')}
      </Title>
      {r.stages.decisions.length ? (
        <Table withTableBorder fz="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('diagnosis.report.date')}</Table.Th>
              <Table.Th w={150}>{t('diagnosis.report.decision')}</Table.Th>
              <Table.Th>{t('diagnosis.decision.reason')}</Table.Th>
              <Table.Th w="24%">{t('diagnosis.decision.thirdPartyOpinion')}</Table.Th>
              <Table.Th w={80}>{t('diagnosis.report.decidedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.stages.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDate(d.decidedAt, lang, timeZone)}</Table.Td>
                <Table.Td>{decisionText(d, t)}</Table.Td>
                <Table.Td>{d.reason}</Table.Td>
                <Table.Td>{d.thirdPartyOpinion ? `${d.thirdPartyName ? `${d.thirdPartyName}: ` : ''}${d.thirdPartyOpinion}` : '—'}</Table.Td>
                <Table.Td>{d.decidedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="xs">{t('diagnosis.history.noDecisions')}</Text>
      )}

      <Group gap="xs" mt="md">
        <Badge tt="none" variant="outline" color="gray" radius="sm">
          {t('diagnosis.report.sources')}
        </Badge>
        <Text size="xs" c="dimmed">
          {citations([...(r.stages.stageModel?.source ?? []), '000_2afa2b1b220c6436.txt VI'], lang, ' / ')}
        </Text>
      </Group>
    </Stack>
  );
}
