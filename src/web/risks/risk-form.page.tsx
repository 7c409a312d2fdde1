import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BEARERS, RISK_STATUSES, TREATMENTS } from '../../shared/risks/risk.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { useMembers } from '../platform/members/members.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { RatingBadge, yen } from './risk-labels.tsx';
import { bodyOf, EMPTY, valuesOf } from './risk-form.values.ts';
import { riskRecords, type TRisk, useAcceptRisk, usePolicies, useReviewRisk, useThreatLists } from './risk.query.ts';

/** A risk (issue 10): its threat, the estimate in yen before and after treatment, the treatment and its owner. */
export const RiskFormPage = recordPage(RiskEditor);

function EstimateFields({ prefix, form }: { prefix: 'inherent' | 'treated'; form: ReturnType<typeof useRegisterRecordEditor>['editor']['form'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NumberInput label={t('risks.fields.annualFrequency')} description={t('risks.fields.annualFrequencyHint')} min={0} max={365} decimalScale={3} {...form.getInputProps(`${prefix}.annualFrequency`)} />
      <NumberInput label={t('risks.fields.lowYen')} description={t('risks.fields.lowYenHint')} min={0} thousandSeparator="," {...form.getInputProps(`${prefix}.lowYen`)} />
      <NumberInput label={t('risks.fields.highYen')} description={t('risks.fields.highYenHint')} min={0} thousandSeparator="," {...form.getInputProps(`${prefix}.highYen`)} />
    </SimpleGrid>
  );
}

function Summary({ risk }: { risk: TRisk }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (
    <Stack gap={4} data-testid="risk-summary">
      <Group gap="xs">
        <Text size="sm">{t('risks.inherent')}</Text>
        <RatingBadge rating={risk.ratings.inherent} />
        <Text size="sm">{t('risks.residual')}</Text>
        <RatingBadge rating={risk.ratings.residual} />
      </Group>
      <Text size="sm">{t('risks.aleLine', { inherent: yen(risk.aleYen.inherent, locale), treated: yen(risk.aleYen.treated, locale) })}</Text>
      <Text size="sm" c={risk.reviewOverdue ? 'red' : undefined}>
        {t('risks.nextReview', { date: risk.nextReviewOn })}
      </Text>
      {risk.acceptance ? (
        <Text size="sm" c={risk.acceptance.expired ? 'red' : undefined}>
          {risk.acceptance.expired ? t('risks.acceptanceExpired', { date: risk.acceptance.expiresOn }) : t('risks.acceptedLine', { by: risk.acceptance.acceptedBy, until: risk.acceptance.expiresOn })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Decisions({ risk }: { risk: TRisk }) {
  const { t } = useTranslation();
  const review = useReviewRisk(risk.id);
  const accept = useAcceptRisk(risk.id);
  const [rationale, setRationale] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const problem = (review.error ?? accept.error) as { message?: string } | null;
  return (
    <SectionCard id="decisions" title={t('risks.sections.decisions')} description={t('risks.sections.decisionsHint')}>
      <Stack gap="sm">
        {problem ? <Alert color="red">{problem.message}</Alert> : null}
        <Group>
          <Button variant="light" disabled={!risk.can.update} loading={review.isPending} onClick={() => review.mutate({ version: risk.version })}>
            {t('risks.review')}
          </Button>
        </Group>
        {risk.can.accept ? (
          <Stack gap="xs">
            <Textarea label={t('risks.fields.rationale')} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} />
            <TextInput type="date" label={t('risks.fields.expiresOn')} value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} />
            <Button w="fit-content" loading={accept.isPending} onClick={() => accept.mutate({ version: risk.version, rationale, expiresOn })}>
              {t('risks.accept')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

function RiskEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const threats = useThreatLists();
  const policies = usePolicies();
  const members = useMembers();
  // "Record as a risk" on the threat impact assessment opens the form with its threat chosen (?threat=<item id>).
  const [search] = useSearchParams();
  const empty = { ...EMPTY, threatItemId: search.get('threat') ?? '' };
  const edit = useRegisterRecordEditor(riskRecords, id, { empty, valuesOf, bodyOf, pathOf: (newId) => `/risks/${newId}`, createdMessage: t('risks.created'), savedMessage: t('risks.saved') });
  const { isNew, record: risk, editor } = edit;
  const data = risk.data;
  const { form } = editor;
  const [year, setYear] = useState<string>('');
  const lists = threats.data?.lists ?? [];
  const chosenList = lists.find((l) => String(l.year) === year) ?? lists.find((l) => l.items.some((i) => i.id === form.values.threatItemId)) ?? lists[0];
  const name = (p: { ja: string; en: string }) => (locale === 'ja' ? p.ja : p.en);
  const option = (value: string, label: string) => ({ value, label });

  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('risks.newTitle') : (data?.title ?? t('risks.title'))}
      description={t('risks.formDescription')}
      listPath="/risks"
      labels={registerFormLabels(t, 'risks', { name: data?.title ?? '' }, { back: 'risks.backToList' })}
      canWrite={session.organisation.can['risks.write']}
      needs={threats}
      summary={data ? <Summary risk={data} /> : null}
    >
      <SectionCard id="threat" title={t('risks.sections.threat')} description={t('risks.sections.threatHint')}>
        <Stack gap="sm">
          <TextInput label={t('risks.fields.title')} required maxLength={200} {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <NativeSelect label={t('risks.fields.threatYear')} value={chosenList ? String(chosenList.year) : ''} onChange={(e) => setYear(e.currentTarget.value)} data={lists.map((l) => option(String(l.year), name(l.name)))} />
            <NativeSelect
              label={t('risks.fields.threat')}
              data={[option('', t('risks.noThreat')), ...(chosenList?.items ?? []).map((i) => option(i.id, `${i.rank}. ${name(i.name)}`))]}
              {...form.getInputProps('threatItemId')}
            />
          </Group>
          <TextInput label={t('risks.fields.threatText')} maxLength={400} {...form.getInputProps('threatText')} />
          <Textarea label={t('risks.fields.description')} autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
          <Group grow>
            <NativeSelect label={t('risks.fields.bearer')} description={t('risks.fields.bearerHint')} data={BEARERS.map((b) => option(b, t(`risks.bearer.${b}`)))} {...form.getInputProps('bearer')} />
            <NativeSelect label={t('risks.fields.owner')} data={[option('', t('risks.noOwner')), ...(members.data ?? []).map((m) => option(m.userId, m.displayName))]} {...form.getInputProps('ownerUserId')} />
            <NativeSelect label={t('risks.fields.status')} data={RISK_STATUSES.map((s) => option(s, t(`risks.status.${s}`)))} {...form.getInputProps('status')} />
          </Group>
        </Stack>
      </SectionCard>
      <SectionCard id="inherent" title={t('risks.sections.inherent')} description={t('risks.sections.estimateHint')}>
        <EstimateFields prefix="inherent" form={form} />
      </SectionCard>
      <SectionCard id="treatment" title={t('risks.sections.treatment')} description={t('risks.sections.treatmentHint')}>
        <Stack gap="sm">
          <NativeSelect label={t('risks.fields.treatment')} data={TREATMENTS.map((x) => option(x, t(`risks.treatment.${x}`)))} {...form.getInputProps('treatment')} />
          <Textarea label={t('risks.fields.plannedControls')} autosize minRows={2} maxLength={4000} {...form.getInputProps('plannedControls')} />
          <Checkbox label={t('risks.fields.hasTreated')} {...form.getInputProps('hasTreated', { type: 'checkbox' })} />
          {form.values.hasTreated ? <EstimateFields prefix="treated" form={form} /> : null}
          {form.values.treatment === 'transfer' ? (
            <Group grow align="flex-start">
              <NativeSelect
                label={t('risks.fields.policy')}
                data={[option('', t('risks.noPolicy')), ...(policies.data?.items ?? []).map((p) => option(p.id, `${p.name} (${yen(p.perEventLimitYen, locale)})`))]}
                {...form.getInputProps('insurancePolicyId')}
              />
              <NumberInput label={t('risks.fields.sublimitYen')} min={0} thousandSeparator="," {...form.getInputProps('sublimitYen')} />
            </Group>
          ) : null}
        </Stack>
      </SectionCard>
      {data ? <Decisions risk={data} /> : null}
    </RegisterForm>
  );
}
