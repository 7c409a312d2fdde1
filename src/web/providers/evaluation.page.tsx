import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { RATING_MAX, RATING_MIN, type TSaveEvaluationRequest } from '../../shared/providers/provider.schema.ts';
import { useServerErrors } from '../api/use-server-errors.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { DataTable } from '../components/data-table.tsx';
import { BackLink, PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { figure } from './provider-labels.tsx';
import { providerRecords, type TEvaluation, useEvaluation, useSaveEvaluation } from './provider.query.ts';

type Item = TSaveEvaluationRequest['items'][number] & { rating: number | null };
interface Draft {
  evaluatedOn: string;
  reevaluateMonths: number;
  items: Item[];
}

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

function draftOf(e: TEvaluation, today: string): Draft {
  return {
    evaluatedOn: e.evaluatedOn ?? today,
    reevaluateMonths: e.reevaluateMonths,
    items: e.items.map((i) => ({ itemId: i.itemId, rating: i.rating, weight: i.weight, knockOut: i.knockOut, evidence: i.evidence, note: i.note })),
  };
}

/** Seed 000 III.6.1 a)-i) and the nine selection checks of IV.6, rated for one provider, with the weighted score and the knock-outs. */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const today = dateIn(timeZone, new Date());
  const session = useOrganisationSession();
  const provider = providerRecords.useRecord(id);
  const stored = useEvaluation(id);
  const save = useSaveEvaluation(id);
  const errors = useServerErrors({ getValues: () => ({}), setErrors: () => undefined });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const data = stored.data;
  useEffect(() => {
    if (data) setDraft(draftOf(data, today));
  }, [data?.id, data?.version]);
  const canWrite = session.organisation.can['providers.write'];
  const lang = locale === 'en' ? 'en' : 'ja';
  const setItem = (i: number, patch: Partial<Item>) => draft && setDraft({ ...draft, items: draft.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const submit = () => {
    if (!draft || !data) return;
    errors.clear();
    setSaved(false);
    save.mutate({ version: data.version, ...draft }, { onSuccess: () => setSaved(true), onError: errors.apply });
  };
  const labelOf = (itemId: string) => {
    const item = data?.items.find((x) => x.itemId === itemId);
    return item ? `${item.label}. ${item.text[lang]}` : itemId;
  };
  return (
    <>
      <PageHeader
        title={t('providers.evaluation.title', { name: provider.data?.name ?? '' })}
        description={t('providers.evaluation.description')}
        actions={<BackLink to={`/providers/${id}`} label={t('providers.evaluation.back')} />}
      />
      <QueryState query={stored}>
        {data && draft ? (
          <Stack gap="lg">
            <SectionCard id="outcome" title={t('providers.evaluation.score')} description={t('providers.evaluation.howScored')}>
              <Stack gap={4} data-testid="evaluation-outcome">
                <Text fw={500}>{data.score === null ? t('providers.evaluation.noScore') : t('providers.evaluation.scoreLine', { score: figure(data.score, locale, 1), rated: data.rated })}</Text>
                {data.knockOuts.length ? <Text c="red">{t('providers.evaluation.knockOuts', { items: data.knockOuts.map(labelOf).join('、') })}</Text> : null}
                {data.knockOutsPending.length ? <Text c="orange">{t('providers.evaluation.knockOutsPending', { items: data.knockOutsPending.map(labelOf).join('、') })}</Text> : null}
                {data.dueOn ? (
                  <Text size="sm" c={data.overdue ? 'red' : 'dimmed'}>
                    {t('providers.evaluation.dueOn')}: {data.dueOn}
                    {data.overdue ? ` (${t('providers.evaluation.overdue')})` : ''}
                  </Text>
                ) : null}
              </Stack>
            </SectionCard>
            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
              <TextInput type="date" label={t('providers.evaluation.evaluatedOn')} value={draft.evaluatedOn} readOnly={!canWrite} onChange={(e) => setDraft({ ...draft, evaluatedOn: e.currentTarget.value })} />
              <NumberInput label={t('providers.evaluation.reevaluateMonths')} value={draft.reevaluateMonths} min={1} max={60} readOnly={!canWrite} onChange={(v) => setDraft({ ...draft, reevaluateMonths: Number(v) })} />
            </SimpleGrid>
            {(['company', 'selection'] as const).map((group) => (
              <SectionCard key={group} id={group} title={t(`providers.evaluation.groups.${group}`)}>
                <DataTable
                  caption={t(`providers.evaluation.groups.${group}`)}
                  columns={[t('providers.evaluation.label'), t('providers.evaluation.item'), t('providers.evaluation.rating'), t('providers.evaluation.weight'), t('providers.evaluation.knockOut'), t('providers.evaluation.evidence')]}
                  verticalSpacing="xs"
                >
                  {data.items.map((item, i) =>
                    item.group !== group ? null : (
                      <Table.Tr key={item.itemId} data-testid="evaluation-item">
                        <Table.Td>{item.label}</Table.Td>
                        <Table.Td miw={220}>
                          <Text size="sm">{item.text[lang]}</Text>
                        </Table.Td>
                        <Table.Td miw={140}>
                          <NativeSelect
                            aria-label={t('providers.evaluation.rating')}
                            disabled={!canWrite}
                            value={draft.items[i]?.rating === null ? '' : String(draft.items[i]?.rating)}
                            data={[{ value: '', label: t('providers.evaluation.ratings.none') }, ...RATINGS.map((r) => ({ value: String(r), label: t(`providers.evaluation.ratings.${r}`) }))]}
                            onChange={(e) => setItem(i, { rating: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
                          />
                        </Table.Td>
                        <Table.Td w={90}>
                          <NumberInput aria-label={t('providers.evaluation.weight')} min={0} max={5} value={draft.items[i]?.weight ?? 1} readOnly={!canWrite} onChange={(v) => setItem(i, { weight: Number(v) })} />
                        </Table.Td>
                        <Table.Td>
                          <Checkbox aria-label={t('providers.evaluation.knockOut')} disabled={!canWrite} checked={draft.items[i]?.knockOut ?? false} onChange={(e) => setItem(i, { knockOut: e.currentTarget.checked })} />
                        </Table.Td>
                        <Table.Td miw={240}>
                          <Textarea aria-label={t('providers.evaluation.evidence')} autosize minRows={1} maxLength={2000} readOnly={!canWrite} value={draft.items[i]?.evidence ?? ''} onChange={(e) => setItem(i, { evidence: e.currentTarget.value })} />
                        </Table.Td>
                      </Table.Tr>
                    ),
                  )}
                </DataTable>
              </SectionCard>
            ))}
            <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
            <ReloadLatestButton problem={errors.problem} onReload={() => void stored.refetch()} />
            {saved ? <Alert color="green">{t('providers.evaluation.saved')}</Alert> : null}
            {canWrite ? (
              <Group>
                <Button onClick={submit} loading={save.isPending} data-testid="save-evaluation">
                  {t('providers.evaluation.save')}
                </Button>
              </Group>
            ) : null}
            <SourceCitations sources={data.source} />
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
