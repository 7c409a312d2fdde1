import { Button, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCreateInsurancePolicyRequest } from '../../shared/risks/risk.schema.ts';
import { PageHeader } from '../components/page-header.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { yen } from './risk-labels.tsx';
import { policyRecords, type TInsurancePolicy, usePolicies } from './risk.query.ts';

/** Insurance policies (cyber insurance as the transfer treatment): limits, 免責, aggregate and the insurer's notice deadline. */
export function InsuranceListPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const policies = usePolicies();
  const columns: RegisterColumn<TInsurancePolicy>[] = [
    nameColumn({ key: 'name', header: t('risks.insurance.name'), path: '/risks/insurance', name: (p) => p.name, minWidth: 160 }),
    { key: 'insurer', header: t('risks.insurance.insurer'), cell: (p) => p.insurer },
    { key: 'limit', header: t('risks.insurance.perEventLimitYen'), numeric: true, cell: (p) => yen(p.perEventLimitYen, locale) },
    { key: 'deductible', header: t('risks.insurance.deductibleYen'), numeric: true, cell: (p) => yen(p.deductibleYen, locale) },
    { key: 'notice', header: t('risks.insurance.noticeDays'), numeric: true, cell: (p) => t('risks.insurance.days', { count: p.noticeDays }) },
    { key: 'period', header: t('risks.insurance.period'), cell: (p) => `${p.startsOn} – ${p.endsOn}` },
    { key: 'risks', header: t('risks.insurance.riskCount'), numeric: true, cell: (p) => p.riskCount },
  ];
  return (
    <>
      <PageHeader
        title={t('risks.insurance.title')}
        description={t('risks.insurance.description')}
        actions={
          <>
            <ExportLinks href="/api/v1/insurance-policies/export" />
            {session.organisation.can['risks.write'] ? (
              <Button component={Link} to="/risks/insurance/new">
                {t('risks.insurance.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <RegisterList query={policies} caption={t('risks.insurance.title')} empty={t('risks.insurance.empty')} rows={policies.data?.items ?? []} columns={columns} rowTestId="policy-row" />
    </>
  );
}

type Values = { name: string; insurer: string; deductibleYen: number | string; perEventLimitYen: number | string; annualAggregateLimitYen: number | string; noticeDays: number | string; startsOn: string; endsOn: string; note: string };
const EMPTY: Values = { name: '', insurer: '', deductibleYen: '', perEventLimitYen: '', annualAggregateLimitYen: '', noticeDays: 30, startsOn: '', endsOn: '', note: '' };
const valuesOf = (p: TInsurancePolicy): Values => ({ ...p, annualAggregateLimitYen: p.annualAggregateLimitYen ?? '' });
const num = (v: number | string) => (v === '' ? (undefined as unknown as number) : Number(v));
const bodyOf = (v: Values): TCreateInsurancePolicyRequest => ({
  name: v.name.trim(),
  insurer: v.insurer.trim(),
  deductibleYen: num(v.deductibleYen),
  perEventLimitYen: num(v.perEventLimitYen),
  annualAggregateLimitYen: v.annualAggregateLimitYen === '' ? null : Number(v.annualAggregateLimitYen),
  noticeDays: num(v.noticeDays),
  startsOn: v.startsOn,
  endsOn: v.endsOn,
  note: v.note.trim(),
});

export const InsuranceFormPage = recordPage(function InsuranceEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const policies = usePolicies();
  const edit = useRegisterRecordEditor(policyRecords, id, { empty: EMPTY, valuesOf, bodyOf, pathOf: (newId) => `/risks/insurance/${newId}`, createdMessage: t('risks.created'), savedMessage: t('risks.saved') });
  const { isNew, record: policy, editor } = edit;
  const { form } = editor;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('risks.insurance.new') : (policy.data?.name ?? t('risks.insurance.title'))}
      description={t('risks.insurance.description')}
      listPath="/risks/insurance"
      labels={registerFormLabels(t, 'risks.insurance', { name: policy.data?.name ?? '' }, { delete: 'risks.delete', deleteConfirm: 'risks.deleteConfirm' })}
      canWrite={session.organisation.can['risks.write']}
      needs={policies}
    >
      <SectionCard id="policy" title={t('risks.insurance.sectionTitle')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('risks.insurance.name')} required maxLength={200} {...form.getInputProps('name')} />
            <TextInput label={t('risks.insurance.insurer')} maxLength={200} {...form.getInputProps('insurer')} />
            <NumberInput label={t('risks.insurance.perEventLimitYen')} required min={1} thousandSeparator="," {...form.getInputProps('perEventLimitYen')} />
            <NumberInput label={t('risks.insurance.deductibleYen')} required min={0} thousandSeparator="," {...form.getInputProps('deductibleYen')} />
            <NumberInput label={t('risks.insurance.annualAggregateLimitYen')} min={1} thousandSeparator="," {...form.getInputProps('annualAggregateLimitYen')} />
            <NumberInput label={t('risks.insurance.noticeDays')} description={t('risks.insurance.noticeHint')} required min={0} max={365} {...form.getInputProps('noticeDays')} />
            <TextInput type="date" label={t('risks.insurance.startsOn')} required {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('risks.insurance.endsOn')} required {...form.getInputProps('endsOn')} />
          </SimpleGrid>
          <Textarea label={t('risks.insurance.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
