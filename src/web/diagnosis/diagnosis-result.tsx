import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { TDiagnosis } from '../../shared/schemas/diagnosis.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { AnswerBadge, citations, INDUSTRY_USAGE_SOURCE, itemName, pick, reasonText, StageBadge, stageLabel } from './diagnosis-labels.tsx';

interface Props {
  diagnosis: TDiagnosis;
  /** The report passes its own language; pages pass the UI's. */
  t: TFunction;
  locale: TLocale;
  /** Heading level of the sections (the report nests them one deeper). */
  level?: 2 | 3;
}

/**
 * The diagnosis, explained: the proposed stage and why (item by item), the
 * readiness for the next stage, Don't know answers, high risks and the
 * suggested actions, and the answers to the signs of stage 3.
 */
export function DiagnosisResult({ diagnosis: d, t, locale, level = 2 }: Props) {
  const h = (level + 1) as 3 | 4;
  const behind = d.proposedStage !== 'x' && Number(d.proposedStage) > Number(d.currentStage);
  const placement = d.checklists.filter((c) => c.placesAtStage && c.placesAtStage !== '1' && c.assessment);
  return (
    <Stack gap="md">
      <Group gap="lg" align="center" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('diagnosis.result.proposed')}
          </Text>
          <Group gap="xs" data-testid="proposed-stage">
            <StageBadge stage={d.proposedStage} t={t} size="xl" />
          </Group>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('diagnosis.result.readyFor')}
          </Text>
          <Text fw={600}>{d.readyForStage ? t('diagnosis.result.readyForYes', { stage: stageLabel(t, d.readyForStage) }) : t('diagnosis.result.readyForNo')}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('diagnosis.result.recorded')}
          </Text>
          <Text fw={600}>{stageLabel(t, d.currentStage)}</Text>
        </Stack>
      </Group>
      {!d.complete ? <Alert color="yellow" variant="light" title={t('diagnosis.result.incomplete')} /> : null}
      {behind ? (
        <Text size="sm" c="blue.8" role="note">
          {t('diagnosis.result.behind', { proposed: stageLabel(t, d.proposedStage), current: stageLabel(t, d.currentStage) })}
        </Text>
      ) : null}

      <Title order={h} fz="h4">
        {t('diagnosis.result.why')}
      </Title>
      <List spacing="xs" size="sm" data-testid="diagnosis-reasons">
        {d.reasons.map((r, i) => {
          const { text, items } = reasonText(r, d, t, locale);
          return (
            <List.Item key={i}>
              <Text size="sm">{text}</Text>
              {items.length ? (
                <List size="sm" withPadding listStyleType="disc">
                  {items.map((name) => (
                    <List.Item key={name}>{name}</List.Item>
                  ))}
                </List>
              ) : null}
            </List.Item>
          );
        })}
      </List>

      {d.unknownItems.length ? (
        <>
          <Title order={h} fz="h4">
            {t('diagnosis.result.unknownTitle', { count: d.unknownItems.length })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('diagnosis.result.unknownHint')}
          </Text>
          <List size="sm" spacing={2}>
            {d.unknownItems.map((id) => (
              <List.Item key={id}>{itemName(d, id, locale)}</List.Item>
            ))}
          </List>
        </>
      ) : null}

      {d.highRisks.map((r) => (
        <Alert key={r.itemId} color="red" variant="light" title={t('diagnosis.result.highRisk')} data-testid="high-risk">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('diagnosis.result.highRiskItem', { item: r.text[locale] })}
            </Text>
            {r.detail ? <Text size="sm">{r.detail[locale]}</Text> : null}
          </Stack>
        </Alert>
      ))}

      <Title order={h} fz="h4">
        {t('diagnosis.result.actions', { count: d.suggestedActions.length })}
      </Title>
      {d.suggestedActions.length ? (
        <Stack gap="xs" data-testid="suggested-actions">
          {d.suggestedActions.map((a) => (
            <Paper key={a.itemId} withBorder p="sm" radius="sm">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {a.number ? (
                  <Badge tt="none" variant="outline" color="red" radius="sm" style={{ flexShrink: 0 }}>
                    {a.number}
                  </Badge>
                ) : null}
                <Stack gap={2}>
                  <Text size="sm" c="dimmed">
                    {a.question[locale]}
                  </Text>
                  <Text size="sm" fw={600}>
                    {a.action[locale]}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Text size="sm">{t('diagnosis.result.noActions')}</Text>
      )}

      {placement.map((c) => (
        <Stack key={c.id} gap="xs">
          <Title order={h} fz="h4">
            {pick(c.name, locale)}
          </Title>
          <Table withTableBorder striped fz="sm">
            <Table.Tbody>
              {c.questions.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>{q.text[locale]}</Table.Td>
                  <Table.Td w={120}>
                    <AnswerBadge answer={q.answer} t={t} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}

      {d.industry && d.industry.usingPct !== null ? (
        <Text size="sm" c="dimmed">
          {t('diagnosis.result.industryContext', { industry: d.industry.name[locale], pct: d.industry.usingPct, source: citations([INDUSTRY_USAGE_SOURCE], locale) })}
        </Text>
      ) : null}
      {d.stageXReasons.length ? (
        <Text size="sm" c="grape.8">
          {t('diagnosis.result.stageX', { reasons: d.stageXReasons.map((r) => t(`diagnosis.stageXReason.${r}`)).join(t('diagnosis.listSeparator')) })}
        </Text>
      ) : null}
    </Stack>
  );
}
