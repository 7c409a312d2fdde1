import { ActionIcon, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ISMAP_REGISTRATIONS, SERVICE_TYPES, SUPPORT_HOURS, type TCreateProviderRequest } from '../../shared/providers/provider.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { EvaluationBadge } from './provider-labels.tsx';
import { providerRecords, type TProvider, useProviders } from './provider.query.ts';

interface Values {
  name: string;
  services: string[];
  website: string;
  serviceTypes: string[];
  dataLocations: { country: string; region: string }[];
  certifications: { name: string; expiresOn: string }[];
  ismap: string;
  ismapRegisteredOn: string;
  ismapListCheckedOn: string;
  msp: boolean;
  mss: boolean;
  subcontractors: string[];
  slaAvailabilityPercent: number | string;
  recoveryTimeHours: number | string;
  supportHours: string;
  migrationSupport: boolean;
  note: string;
}

const EMPTY: Values = {
  name: '',
  services: [],
  website: '',
  serviceTypes: [],
  dataLocations: [],
  certifications: [],
  ismap: 'none',
  ismapRegisteredOn: '',
  ismapListCheckedOn: '',
  msp: false,
  mss: false,
  subcontractors: [],
  slaAvailabilityPercent: '',
  recoveryTimeHours: '',
  supportHours: 'none',
  migrationSupport: false,
  note: '',
};

const valuesOf = (p: TProvider): Values => ({
  ...p,
  dataLocations: p.dataLocations.map((l) => ({ ...l })),
  certifications: p.certifications.map((c) => ({ name: c.name, expiresOn: c.expiresOn ?? '' })),
  ismapRegisteredOn: p.ismapRegisteredOn ?? '',
  ismapListCheckedOn: p.ismapListCheckedOn ?? '',
  slaAvailabilityPercent: p.slaAvailabilityPercent ?? '',
  recoveryTimeHours: p.recoveryTimeHours ?? '',
});

const orNull = (v: number | string) => (v === '' ? null : Number(v));
const dateOrNull = (v: string) => (v === '' ? null : v);

const bodyOf = (v: Values): TCreateProviderRequest => ({
  name: v.name.trim(),
  services: v.services.map((s) => s.trim()).filter(Boolean),
  website: v.website.trim(),
  serviceTypes: v.serviceTypes as TCreateProviderRequest['serviceTypes'],
  dataLocations: v.dataLocations.map((l) => ({ country: l.country.trim().toUpperCase(), region: l.region.trim() })),
  certifications: v.certifications.map((c) => ({ name: c.name.trim(), expiresOn: dateOrNull(c.expiresOn) })),
  ismap: v.ismap as (typeof ISMAP_REGISTRATIONS)[number],
  ismapRegisteredOn: v.ismap === 'none' ? null : dateOrNull(v.ismapRegisteredOn),
  ismapListCheckedOn: v.ismap === 'none' ? null : dateOrNull(v.ismapListCheckedOn),
  msp: v.msp,
  mss: v.mss,
  subcontractors: v.subcontractors.map((s) => s.trim()).filter(Boolean),
  slaAvailabilityPercent: orNull(v.slaAvailabilityPercent),
  recoveryTimeHours: orNull(v.recoveryTimeHours),
  supportHours: v.supportHours as (typeof SUPPORT_HOURS)[number],
  migrationSupport: v.migrationSupport,
  note: v.note.trim(),
});

type Form = ReturnType<typeof useRegisterRecordEditor<Values, TCreateProviderRequest, TProvider>>['editor']['form'];

/** Data locations and certifications: rows added and removed on the form, each row's fields drawn by `fields`. */
function ListRows({ form, path, label, testId, disabled, blank, fields }: { form: Form; path: 'dataLocations' | 'certifications'; label: string; testId: string; disabled: boolean; blank: Values['dataLocations'][number] | Values['certifications'][number]; fields: (i: number) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {form.getValues()[path].map((_, i) => (
        <Group key={i} align="flex-end" wrap="nowrap">
          {fields(i)}
          {disabled ? null : (
            <ActionIcon variant="subtle" color="red" aria-label={t('providers.remove')} mb={4} onClick={() => form.removeListItem(path, i)}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {disabled ? null : (
        <Group>
          <Button size="xs" variant="default" onClick={() => form.insertListItem(path, blank)}>
            {t('providers.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** A provider's profile: services, where the data is kept, certifications and ISMAP, and what it commits to. */
export const ProviderFormPage = recordPage(function ProviderEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const { locale } = useLocaleAndZone();
  const providers = useProviders();
  const canWrite = session.organisation.can['providers.write'];
  const edit = useRegisterRecordEditor(providerRecords, id, {
    empty: EMPTY,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `/providers/${newId}`,
    createdMessage: t('providers.created'),
    savedMessage: t('providers.saved'),
  });
  const { isNew, record: provider, editor } = edit;
  const { form } = editor;
  const values = form.getValues();
  const disabled = !canWrite;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('providers.new') : (provider.data?.name ?? t('providers.title'))}
      description={t('providers.description')}
      listPath="/providers"
      labels={registerFormLabels(t, 'providers', { name: provider.data?.name ?? '' })}
      canWrite={canWrite}
      needs={providers}
      submitTestId="save-provider"
      summary={
        provider.data ? (
          <Group gap="sm">
            {provider.data.reference ? (
              <Text size="sm" c="dimmed">
                {t('providers.fields.reference')}: {provider.data.reference[locale === 'en' ? 'en' : 'ja']}
              </Text>
            ) : null}
            <EvaluationBadge evaluation={provider.data.evaluation} />
            <Button size="xs" variant="light" component={Link} to={`/providers/${provider.data.id}/evaluation`} data-testid="evaluate-provider">
              {t('providers.links.evaluate')}
            </Button>
          </Group>
        ) : null
      }
    >
      <SectionCard id="profile" title={t('providers.sections.profile')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('providers.fields.name')} required maxLength={200} {...form.getInputProps('name')} />
            <TextInput label={t('providers.fields.website')} maxLength={500} {...form.getInputProps('website')} />
          </SimpleGrid>
          <TagsInput label={t('providers.fields.services')} description={t('providers.fields.servicesHint')} maxTags={30} {...form.getInputProps('services')} />
          <Checkbox.Group label={t('providers.fields.serviceTypes')} {...form.getInputProps('serviceTypes')}>
            <Group mt={4}>
              {SERVICE_TYPES.map((s) => (
                <Checkbox key={s} value={s} label={t(`providers.serviceType.${s}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <ListRows
            form={form}
            path="dataLocations"
            label={t('providers.fields.dataLocations')}
            testId="data-locations"
            disabled={disabled}
            blank={{ country: 'JP', region: '' }}
            fields={(i) => (
              <>
                <TextInput label={t('providers.fields.country')} maxLength={2} w={140} disabled={disabled} {...form.getInputProps(`dataLocations.${i}.country`)} />
                <TextInput label={t('providers.fields.region')} maxLength={100} style={{ flex: 1 }} disabled={disabled} {...form.getInputProps(`dataLocations.${i}.region`)} />
              </>
            )}
          />
          <TagsInput label={t('providers.fields.subcontractors')} description={t('providers.fields.servicesHint')} maxTags={30} {...form.getInputProps('subcontractors')} />
        </Stack>
      </SectionCard>
      <SectionCard id="assurance" title={t('providers.sections.assurance')} description={t('providers.ismapHint')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('providers.fields.ismap')} data={ISMAP_REGISTRATIONS.map((v) => ({ value: v, label: t(`providers.ismap.${v}`) }))} {...form.getInputProps('ismap')} />
            <TextInput type="date" label={t('providers.fields.ismapRegisteredOn')} disabled={values.ismap === 'none'} {...form.getInputProps('ismapRegisteredOn')} />
            <TextInput type="date" label={t('providers.fields.ismapListCheckedOn')} disabled={values.ismap === 'none'} {...form.getInputProps('ismapListCheckedOn')} />
          </SimpleGrid>
          <ListRows
            form={form}
            path="certifications"
            label={t('providers.fields.certifications')}
            testId="certifications"
            disabled={disabled}
            blank={{ name: '', expiresOn: '' }}
            fields={(i) => (
              <>
                <TextInput label={t('providers.fields.certificationName')} maxLength={200} style={{ flex: 1 }} disabled={disabled} {...form.getInputProps(`certifications.${i}.name`)} />
                <TextInput
                  type="date"
                  label={t('providers.fields.expiresOn')}
                  w={170}
                  disabled={disabled}
                  // Marked from the stored record while the date shown is the one stored.
                  description={provider.data?.certifications[i]?.expired && provider.data.certifications[i]?.expiresOn === values.certifications[i]?.expiresOn ? t('providers.fields.expired') : undefined}
                  {...form.getInputProps(`certifications.${i}.expiresOn`)}
                />
              </>
            )}
          />
        </Stack>
      </SectionCard>
      <SectionCard id="commitments" title={t('providers.sections.commitments')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('providers.fields.slaAvailabilityPercent')} min={0} max={100} decimalScale={4} {...form.getInputProps('slaAvailabilityPercent')} />
            <NumberInput label={t('providers.fields.recoveryTimeHours')} min={0} max={8784} decimalScale={2} {...form.getInputProps('recoveryTimeHours')} />
            <NativeSelect label={t('providers.fields.supportHours')} data={SUPPORT_HOURS.map((v) => ({ value: v, label: t(`providers.supportHours.${v}`) }))} {...form.getInputProps('supportHours')} />
          </SimpleGrid>
          <Group>
            <Checkbox label={t('providers.fields.msp')} {...form.getInputProps('msp', { type: 'checkbox' })} />
            <Checkbox label={t('providers.fields.mss')} {...form.getInputProps('mss', { type: 'checkbox' })} />
            <Checkbox label={t('providers.fields.migrationSupport')} {...form.getInputProps('migrationSupport', { type: 'checkbox' })} />
          </Group>
          <Textarea label={t('providers.fields.note')} autosize minRows={2} maxLength={4000} {...form.getInputProps('note')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
