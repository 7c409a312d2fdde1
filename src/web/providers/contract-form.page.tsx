import { Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTICE_UNITS } from '../../shared/providers/contract-term.rules.ts';
import { REVIEW_STATUSES, type TCreateContractRequest } from '../../shared/providers/contract.schema.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { DataTable } from '../components/data-table.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { ReadyBadge, StandingBadge } from './contract-list.page.tsx';
import { contractRecords, type TContract, useProviders } from './provider.query.ts';

interface ReviewValues {
  itemId: string;
  status: string;
  clause: string;
  blocking: boolean;
}

interface Values {
  providerId: string;
  title: string;
  startsOn: string;
  termMonths: number | string;
  autoRenew: boolean;
  renewalMonths: number | string;
  noticeAmount: number | string;
  noticeUnit: string;
  noticeMethod: string;
  review: ReviewValues[];
  exitDataFormat: string;
  exitReturnDays: number | string;
  exitDeletionCertificate: boolean;
  note: string;
}

const EMPTY: Values = {
  providerId: '',
  title: '',
  startsOn: '',
  termMonths: 12,
  autoRenew: true,
  renewalMonths: '',
  noticeAmount: 1,
  noticeUnit: 'months',
  noticeMethod: '',
  review: [],
  exitDataFormat: '',
  exitReturnDays: '',
  exitDeletionCertificate: false,
  note: '',
};

const valuesOf = (c: TContract): Values => ({
  ...c,
  renewalMonths: c.renewalMonths ?? '',
  exitReturnDays: c.exitReturnDays ?? '',
  review: c.review.map((r) => ({ itemId: r.itemId, status: r.status ?? '', clause: r.clause, blocking: r.blocking })),
});

const orNull = (v: number | string) => (v === '' ? null : Number(v));
const num = (v: number | string) => (v === '' ? (undefined as unknown as number) : Number(v));

const bodyOf = (v: Values): TCreateContractRequest => ({
  providerId: v.providerId,
  title: v.title.trim(),
  startsOn: v.startsOn,
  termMonths: num(v.termMonths),
  autoRenew: v.autoRenew,
  renewalMonths: v.autoRenew ? orNull(v.renewalMonths) : null,
  noticeAmount: num(v.noticeAmount),
  noticeUnit: v.noticeUnit as (typeof NOTICE_UNITS)[number],
  noticeMethod: v.noticeMethod.trim(),
  ...(v.review.length
    ? { review: v.review.map((r) => ({ itemId: r.itemId, status: r.status === '' ? null : (r.status as (typeof REVIEW_STATUSES)[number]), clause: r.clause.trim(), blocking: r.blocking })) }
    : {}),
  exitDataFormat: v.exitDataFormat.trim(),
  exitReturnDays: orNull(v.exitReturnDays),
  exitDeletionCertificate: v.exitDeletionCertificate,
  note: v.note.trim(),
});

/** The term, the last day to give notice and the review's outcome, computed by the server from what is stored. */
function Standing({ contract }: { contract: TContract }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const s = contract.standing;
  const lang = locale === 'en' ? 'en' : 'ja';
  const titleOf = (itemId: string) => {
    const r = contract.review.find((x) => x.itemId === itemId);
    return r ? `${r.number ?? ''} ${r.text[lang]}`.trim() : itemId;
  };
  return (
    <Stack gap={4} data-testid="contract-standing">
      <Group gap="xs">
        <ReadyBadge contract={contract} />
        <StandingBadge contract={contract} />
      </Group>
      <Text size="sm">{t('providers.contracts.standingLine', { term: s.termNumber, from: s.termStartsOn, to: s.termEndsOn })}</Text>
      {s.status === 'ended' ? null : s.lastNoticeOn === null ? (
        <Text size="sm">{t('providers.contracts.endsLine', { date: s.termEndsOn })}</Text>
      ) : s.daysLeft === 0 ? (
        <Text size="sm" fw={500} c="orange">
          {t('providers.contracts.noticeToday')}
        </Text>
      ) : (
        <Text size="sm" fw={500} c={s.status === 'noticeDueSoon' ? 'orange' : undefined} data-testid="last-notice-line">
          {t('providers.contracts.noticeLine', { date: s.lastNoticeOn, days: s.daysLeft })}
        </Text>
      )}
      <Text size="sm">{t('providers.contracts.summaryLine', contract.summary)}</Text>
      {contract.summary.blocking.length ? (
        <Text size="sm" c="red">
          {t('providers.contracts.blockingLine', { items: contract.summary.blocking.map(titleOf).join('、') })}
        </Text>
      ) : null}
      {contract.summary.exitFindings.map((f) => (
        <Text key={f} size="sm" c="orange">
          {t(`providers.contracts.exitFindings.${f}`)}
        </Text>
      ))}
    </Stack>
  );
}

/** A contract with a provider: term, renewal and notice, exit terms, and the review of the 17 items (seed 000 III.6.1). */
export const ContractFormPage = recordPage(function ContractEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const providers = useProviders();
  const canWrite = session.organisation.can['providers.write'];
  const edit = useRegisterRecordEditor(contractRecords, id, {
    empty: EMPTY,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `/providers/contracts/${newId}`,
    createdMessage: t('providers.contracts.created'),
    savedMessage: t('providers.saved'),
  });
  const { isNew, record: contract, editor } = edit;
  const { form } = editor;
  const values = form.getValues();
  const lang = locale === 'en' ? 'en' : 'ja';
  const providerChoices = [{ value: '', label: '—' }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))];
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('providers.contracts.new') : (contract.data?.title ?? t('providers.contracts.title'))}
      description={t('providers.contracts.description')}
      listPath="/providers/contracts"
      labels={registerFormLabels(t, 'providers.contracts', { name: contract.data?.title ?? '' })}
      canWrite={canWrite}
      needs={providers}
      submitTestId="save-contract"
      summary={contract.data ? <Standing contract={contract.data} /> : null}
      after={contract.data ? <SourceCitations sources={contract.data.source} /> : null}
    >
      <SectionCard id="term" title={t('providers.contracts.term')} description={t('providers.contracts.howCounted')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('providers.contracts.titleField')} required maxLength={200} {...form.getInputProps('title')} />
            <NativeSelect label={t('providers.contracts.provider')} required data={providerChoices} {...form.getInputProps('providerId')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('providers.contracts.startsOn')} required {...form.getInputProps('startsOn')} />
            <NumberInput label={t('providers.contracts.termMonths')} required min={1} max={600} {...form.getInputProps('termMonths')} />
            <NumberInput label={t('providers.contracts.renewalMonths')} description={t('providers.contracts.renewalHint')} min={1} max={600} disabled={!values.autoRenew} {...form.getInputProps('renewalMonths')} />
          </SimpleGrid>
          <Checkbox label={t('providers.contracts.autoRenew')} {...form.getInputProps('autoRenew', { type: 'checkbox' })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('providers.contracts.noticeAmount')} min={0} max={3660} {...form.getInputProps('noticeAmount')} />
            <NativeSelect label={t('providers.contracts.noticeUnit')} data={NOTICE_UNITS.map((u) => ({ value: u, label: t(`providers.contracts.noticeUnits.${u}`) }))} {...form.getInputProps('noticeUnit')} />
            <TextInput label={t('providers.contracts.noticeMethod')} maxLength={500} {...form.getInputProps('noticeMethod')} />
          </SimpleGrid>
        </Stack>
      </SectionCard>
      <SectionCard id="exit" title={t('providers.contracts.exit')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('providers.contracts.exitDataFormat')} maxLength={500} {...form.getInputProps('exitDataFormat')} />
            <NumberInput label={t('providers.contracts.exitReturnDays')} min={0} max={3660} {...form.getInputProps('exitReturnDays')} />
          </SimpleGrid>
          <Checkbox label={t('providers.contracts.exitDeletionCertificate')} {...form.getInputProps('exitDeletionCertificate', { type: 'checkbox' })} />
          <Textarea label={t('providers.fields.note')} autosize minRows={2} maxLength={4000} {...form.getInputProps('note')} />
        </Stack>
      </SectionCard>
      <SectionCard id="review" title={t('providers.contracts.review')} description={isNew ? undefined : t('providers.contracts.reviewHint')}>
        {isNew || !contract.data ? (
          <Text size="sm" c="dimmed">
            {t('providers.contracts.reviewAfterCreate')}
          </Text>
        ) : (
          <DataTable
            caption={t('providers.contracts.review')}
            columns={[t('providers.contracts.number'), t('providers.contracts.item'), t('providers.contracts.status'), t('providers.contracts.clause'), t('providers.contracts.blocking')]}
            verticalSpacing="xs"
          >
            {contract.data.review.map((item, i) => (
              <Table.Tr key={item.itemId} data-testid="review-item">
                <Table.Td>{item.number}</Table.Td>
                <Table.Td miw={220}>
                  <Text size="sm">{item.text[lang]}</Text>
                  {item.detail ? (
                    <Text size="xs" c="dimmed">
                      {item.detail[lang]}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td miw={160}>
                  <NativeSelect
                    aria-label={t('providers.contracts.status')}
                    data={[{ value: '', label: t('providers.contracts.statuses.unreviewed') }, ...REVIEW_STATUSES.map((s) => ({ value: s, label: t(`providers.contracts.statuses.${s}`) }))]}
                    {...form.getInputProps(`review.${i}.status`)}
                  />
                </Table.Td>
                <Table.Td miw={240}>
                  <Textarea aria-label={t('providers.contracts.clause')} autosize minRows={1} maxLength={4000} {...form.getInputProps(`review.${i}.clause`)} />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('providers.contracts.blocking')} {...form.getInputProps(`review.${i}.blocking`, { type: 'checkbox' })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </SectionCard>
    </RegisterForm>
  );
});
