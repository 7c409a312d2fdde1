import { Alert, Anchor, Button, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackToRegisterButton } from './risk-labels.tsx';
import { IMPACT_COLUMNS, IMPACT_LEVELS, type TImpactColumn, type TImpactLevel } from '../../shared/risks/threat-assessment.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { type TThreatAssessmentView, useSaveThreatAssessment, useThreatAssessments } from './risk.query.ts';

type Item = NonNullable<TThreatAssessmentView['list']>['items'][number];
type Judgement = Record<TImpactColumn, TImpactLevel | null> & { note: string };

const COLUMN_KEY: Record<TImpactColumn, string> = { impactBankruptcy: 'bankruptcy', impactSalesDrop: 'salesDrop', impactCustomerLoss: 'customerLoss' };

const judgementOf = (item: Item): Judgement => ({
  impactBankruptcy: item.assessment?.impactBankruptcy ?? null,
  impactSalesDrop: item.assessment?.impactSalesDrop ?? null,
  impactCustomerLoss: item.assessment?.impactCustomerLoss ?? null,
  note: item.assessment?.note ?? '',
});

/** One threat of the list: its three impact columns and a note, saved at the version shown. */
function ThreatRow({ item, canWrite }: { item: Item; canWrite: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const save = useSaveThreatAssessment();
  const [value, setValue] = useState<Judgement>(() => judgementOf(item));
  const [saved, setSaved] = useState(false);
  // Another version arrived (this save, or the list reloaded): show what is stored.
  useEffect(() => setValue(judgementOf(item)), [item.assessment?.version]);
  const stored = judgementOf(item);
  const changed = JSON.stringify(stored) !== JSON.stringify(value);
  const name = locale === 'ja' ? item.name.ja : item.name.en;
  const level = (l: TImpactLevel | null) => t(`risks.threats.level.${l ?? 'unset'}`);
  const example = item.studyExample
    ? IMPACT_COLUMNS.filter((c) => item.studyExample![c])
        .map((c) => t('risks.threats.exampleColumn', { column: t(`risks.threats.${COLUMN_KEY[c]}`), level: level(item.studyExample![c]) }))
        .join(t('risks.threats.exampleSeparator'))
    : null;
  const submit = () => {
    setSaved(false);
    const change = item.assessment ? { id: item.assessment.id, body: { ...value, version: item.assessment.version } } : { id: null, body: { ...value, threatItemId: item.threatItemId } };
    save.mutate(change, { onSuccess: () => setSaved(true) });
  };
  return (
    <Table.Tr data-testid="threat-row">
      <Table.Td ta="right">{item.rank}</Table.Td>
      <Table.Td miw={220}>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        {example ? (
          <Text size="xs" c="dimmed">
            {t('risks.threats.example', { columns: example })}
          </Text>
        ) : null}
        <Anchor size="xs" component={Link} to={`/risks/new?threat=${encodeURIComponent(item.threatItemId)}`}>
          {t('risks.threats.recordRisk')}
        </Anchor>
      </Table.Td>
      {IMPACT_COLUMNS.map((c) => (
        <Table.Td key={c} miw={135}>
          <NativeSelect
            aria-label={`${name} ${t(`risks.threats.${COLUMN_KEY[c]}`)}`}
            disabled={!canWrite}
            value={value[c] ?? ''}
            onChange={(e) => setValue({ ...value, [c]: (e.currentTarget.value || null) as TImpactLevel | null })}
            data={[{ value: '', label: level(null) }, ...IMPACT_LEVELS.map((l) => ({ value: l, label: level(l) }))]}
          />
        </Table.Td>
      ))}
      <Table.Td miw={150}>
        <TextInput aria-label={`${name} ${t('risks.threats.note')}`} disabled={!canWrite} maxLength={2000} value={value.note} onChange={(e) => setValue({ ...value, note: e.currentTarget.value })} />
      </Table.Td>
      <Table.Td>
        {canWrite ? (
          <Stack gap={4}>
            <Button size="xs" disabled={!changed} loading={save.isPending} onClick={submit}>
              {t('risks.threats.save')}
            </Button>
            {saved && !changed ? (
              <Text size="xs" c="green">
                {t('risks.threats.saved')}
              </Text>
            ) : null}
            {save.error ? <ProblemAlert problem={toApiError(save.error)} /> : null}
          </Stack>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** 脅威の影響評価 (seed 000 II.2.1 表2): each threat of a year's IPA list judged on bankruptcy, sales and customers. */
export function ThreatAssessmentPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const [year, setYear] = useState<number | null>(null);
  const view = useThreatAssessments(year);
  const canWrite = useOrganisationSession().organisation.can['risks.write'];
  const data = view.data;
  const list = data?.list ?? null;
  return (
    <>
      <PageHeader
        title={t('risks.threats.title')}
        description={t('risks.threats.description')}
        actions={
          <>
            <BackToRegisterButton />
            {list ? <ExportLinks href={`/api/v1/threat-assessments/export?year=${list.year}`} /> : null}
          </>
        }
      />
      <QueryState query={view} empty={data && !list ? t('risks.threats.empty') : null}>
        {data && list ? (
          <SectionCard id="threats" title={locale === 'ja' ? list.name.ja : list.name.en} description={t('risks.threats.summary', { threats: list.summary.threatCount, judged: list.summary.judgedCount, large: list.summary.largeCount })}>
            <Stack gap="sm">
              <NativeSelect
                w={200}
                label={t('risks.threats.year')}
                value={String(list.year)}
                onChange={(e) => setYear(Number(e.currentTarget.value))}
                data={data.lists.map((l) => ({ value: String(l.year), label: t('risks.threats.yearOption', { year: l.year }) }))}
              />
              {list.labelledYearInStudy ? <Alert color="blue">{t('risks.threats.labelledNote', { labelled: list.labelledYearInStudy, year: list.year })}</Alert> : null}
              {list.hasStudyExample ? (
                <Text size="sm" c="dimmed">
                  {t('risks.threats.exampleHint')}
                </Text>
              ) : null}
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th ta="right" scope="col" style={{ whiteSpace: 'nowrap' }}>
                        {t('risks.threats.rank')}
                      </Table.Th>
                      <Table.Th scope="col">{t('risks.threats.threat')}</Table.Th>
                      {IMPACT_COLUMNS.map((c) => (
                        <Table.Th key={c} scope="col">
                          {t(`risks.threats.${COLUMN_KEY[c]}`)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('risks.threats.note')}</Table.Th>
                      <Table.Th scope="col" />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((item) => (
                      <ThreatRow key={item.threatItemId} item={item} canWrite={item.assessment ? item.assessment.can.update : canWrite} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </SectionCard>
        ) : null}
      </QueryState>
    </>
  );
}
