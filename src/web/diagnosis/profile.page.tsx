import { Alert, Checkbox, NumberInput, type NumberInputProps, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPLOYEES_MAX, YEN_MAX } from '../../shared/schemas/organisation-profile.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { useServerErrors } from '../api/use-server-errors.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SaveFormFooter } from '../components/save-form-footer.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { citations, formatYen, INDUSTRY_USAGE_SOURCE } from './diagnosis-labels.tsx';
import { useProfile, useUpdateProfile } from './diagnosis.query.ts';

interface Values {
  industryId: string | null;
  employees: number | string;
  capitalYen: number | string;
  annualRevenueYen: number | string;
  handlesPersonalData: boolean;
  handlesSensitivePersonalData: boolean;
  handlesEuResidentsData: boolean;
  financialSector: boolean;
}

const numberOrNull = (v: number | string) => (v === '' || v === null || v === undefined ? null : Number(v));

/**
 * The organisation profile: the facts later rules depend on (industry from
 * the seed's table 1, size, the data it handles, its sector). Everyone reads
 * it; owners and managers change it, with its version (a concurrent edit is
 * reported, never overwritten).
 */
/** An amount in whole yen, with the amount as it reads (1億2,000万円) below it. */
function YenInput(props: NumberInputProps) {
  const { locale } = useLocaleAndZone();
  const { value } = props;
  return (
    <NumberInput
      description={value !== '' && value !== undefined ? formatYen(Number(value), locale) : undefined}
      min={0}
      max={YEN_MAX}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      {...props}
    />
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const profile = useProfile();
  const update = useUpdateProfile();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { industryId: null, employees: '', capitalYen: '', annualRevenueYen: '', handlesPersonalData: false, handlesSensitivePersonalData: false, handlesEuResidentsData: false, financialSector: false },
  });
  const errors = useServerErrors(form);
  const data = profile.data;

  useEffect(() => {
    if (!data) return;
    const values: Values = {
      industryId: data.industryId,
      employees: data.employees ?? '',
      capitalYen: data.capitalYen ?? '',
      annualRevenueYen: data.annualRevenueYen ?? '',
      handlesPersonalData: data.handlesPersonalData,
      handlesSensitivePersonalData: data.handlesSensitivePersonalData,
      handlesEuResidentsData: data.handlesEuResidentsData,
      financialSector: data.financialSector,
    };
    form.setInitialValues(values);
    form.setValues(values);
  }, [data?.version]);

  const readOnly = !data?.can.update;
  const industry = data?.industries.find((i) => i.id === form.values.industryId);

  return (
    <>
      <PageHeader title={t('organisationProfile.title')} description={t('organisationProfile.description')} />
      {profile.isPending ? <SectionLoader /> : null}
      <ProblemAlert problem={profile.error ? toApiError(profile.error) : null} />
      {data ? (
        <Paper withBorder p="lg" maw={760}>
          {readOnly ? (
            <Alert color="gray" variant="light" mb="md" title={t('organisationProfile.readOnly')} />
          ) : null}
          <form
            noValidate
            onSubmit={form.onSubmit((v) => {
              errors.clear();
              setSaved(null);
              update.mutate(
                {
                  industryId: v.industryId,
                  employees: numberOrNull(v.employees),
                  capitalYen: numberOrNull(v.capitalYen),
                  annualRevenueYen: numberOrNull(v.annualRevenueYen),
                  handlesPersonalData: v.handlesPersonalData,
                  handlesSensitivePersonalData: v.handlesSensitivePersonalData,
                  handlesEuResidentsData: v.handlesEuResidentsData,
                  financialSector: v.financialSector,
                  version: data.version,
                },
                { onSuccess: () => setSaved(t('common.saved')), onError: errors.apply },
              );
            })}
          >
            <Stack>
              <Title order={2} fz="h4">
                {t('organisationProfile.basics')}
              </Title>
              <Select
                label={t('organisationProfile.industry')}
                description={t('organisationProfile.industryHint', { source: citations(data.industriesSource.slice(0, 1), locale) })}
                placeholder={t('organisationProfile.industryPlaceholder')}
                data={data.industries.map((i) => ({ value: i.id, label: i.name[locale] }))}
                disabled={readOnly}
                clearable
                {...form.getInputProps('industryId')}
              />
              {industry?.usingPct !== null && industry ? (
                <Text size="sm" c="dimmed" data-testid="industry-usage">
                  {t('organisationProfile.industryUsage', { industry: industry.name[locale], pct: industry.usingPct, source: citations([INDUSTRY_USAGE_SOURCE], locale) })}
                </Text>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput label={t('organisationProfile.employees')} suffix={locale === 'ja' ? ' 人' : ''} min={0} max={EMPLOYEES_MAX} allowDecimal={false} allowNegative={false} thousandSeparator="," disabled={readOnly} {...form.getInputProps('employees')} />
                <YenInput label={t('organisationProfile.capital')} disabled={readOnly} {...form.getInputProps('capitalYen')} />
                <YenInput label={t('organisationProfile.revenue')} disabled={readOnly} {...form.getInputProps('annualRevenueYen')} />
              </SimpleGrid>
              <Title order={2} fz="h4" mt="sm">
                {t('organisationProfile.dataAndSector')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('organisationProfile.dataHint')}
              </Text>
              <Checkbox
                label={t('organisationProfile.personalData')}
                disabled={readOnly}
                {...form.getInputProps('handlesPersonalData', { type: 'checkbox' })}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  // Sensitive data and EU residents' data are personal data: they go with it.
                  form.setValues(on ? { handlesPersonalData: true } : { handlesPersonalData: false, handlesSensitivePersonalData: false, handlesEuResidentsData: false });
                }}
              />
              <Stack gap="xs" pl="lg">
                <Checkbox
                  label={t('organisationProfile.sensitiveData')}
                  description={t('organisationProfile.sensitiveHint')}
                  disabled={readOnly || !form.values.handlesPersonalData}
                  {...form.getInputProps('handlesSensitivePersonalData', { type: 'checkbox' })}
                />
                <Checkbox
                  label={t('organisationProfile.euData')}
                  description={t('organisationProfile.euHint')}
                  disabled={readOnly || !form.values.handlesPersonalData}
                  {...form.getInputProps('handlesEuResidentsData', { type: 'checkbox' })}
                />
              </Stack>
              <Checkbox label={t('organisationProfile.financialSector')} description={t('organisationProfile.financialHint')} disabled={readOnly} {...form.getInputProps('financialSector', { type: 'checkbox' })} />
              {data.updatedAt ? (
                <Text size="sm" c="dimmed">
                  {t('organisationProfile.updatedAt', { date: formatDateTime(data.updatedAt, locale, timeZone) })}
                </Text>
              ) : null}
              <SaveFormFooter errors={errors} saved={saved} saving={update.isPending} dirty={form.isDirty()} onReload={() => void profile.refetch()} readOnly={readOnly} />
            </Stack>
          </form>
        </Paper>
      ) : null}
    </>
  );
}
