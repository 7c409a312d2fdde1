import { Checkbox, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES } from '../../shared/providers/provider.schema.ts';
import { ISMAP_REQUIREMENTS, MAX_COMPARED, SUPPORT_NEEDS, type TSaveRequirementsRequest } from '../../shared/providers/requirements.schema.ts';
import { SLA_PERIODS } from '../../shared/providers/sla.rules.ts';
import { SectionCard } from '../components/section-card.tsx';
import type { TProvider, TRequirements } from './provider.query.ts';

/** What the form edits: the request without its version. */
export type RequirementsDraft = Omit<TSaveRequirementsRequest, 'version'>;

export const draftOf = (r: TRequirements): RequirementsDraft => ({ ...r.profile, judgements: r.profile.judgements.map((j) => ({ ...j })) });

const orNull = (v: number | string) => (v === '' ? null : Number(v));

interface Props {
  draft: RequirementsDraft;
  onChange: (draft: RequirementsDraft) => void;
  providers: readonly TProvider[];
  readOnly: boolean;
  /** Per-field messages from the last save. */
  fieldErrors: Record<string, string>;
}

/** A workload's requirements profile as the study's example writes it (seed 000 III.6.2): one field per line of its table. */
export function RequirementsForm({ draft, onChange, providers, readOnly, fieldErrors }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof RequirementsDraft>(key: K, value: RequirementsDraft[K]) => onChange({ ...draft, [key]: value });
  const number = (key: 'migrationDataKinds' | 'migrationItems' | 'migrationVolumeGb' | 'recoveryHours' | 'availabilityPercent' | 'maxDowntimeHours' | 'sites' | 'terminalCount') => ({
    value: draft[key] ?? '',
    readOnly,
    error: fieldErrors[key],
    onChange: (v: number | string) => set(key, orNull(v)),
  });
  const text = (key: 'interfaces' | 'operatingHours' | 'terminals') => ({
    value: draft[key],
    readOnly,
    error: fieldErrors[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  return (
    <SectionCard id="requirements" title={t('providers.fit.profile')}>
      <Stack gap="sm" data-testid="requirements-form">
        <MultiSelect
          label={t('providers.fit.providers')}
          data={providers.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.providerIds}
          maxValues={MAX_COMPARED}
          readOnly={readOnly}
          searchable
          error={fieldErrors.providerIds}
          onChange={(ids) => onChange({ ...draft, providerIds: ids, judgements: draft.judgements.filter((j) => ids.includes(j.providerId)) })}
          data-testid="compare-providers"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('providers.fit.serviceType')}
            value={draft.serviceType ?? ''}
            disabled={readOnly}
            data={[{ value: '', label: t('providers.fit.any') }, ...SERVICE_TYPES.map((s) => ({ value: s, label: t(`providers.serviceType.${s}`) }))]}
            onChange={(e) => set('serviceType', e.currentTarget.value === '' ? null : (e.currentTarget.value as (typeof SERVICE_TYPES)[number]))}
          />
          <NativeSelect
            label={t('providers.fit.ismapRequired')}
            value={draft.ismapRequired}
            disabled={readOnly}
            data={ISMAP_REQUIREMENTS.map((s) => ({ value: s, label: t(`providers.fit.ismapRequirement.${s}`) }))}
            onChange={(e) => set('ismapRequired', e.currentTarget.value as (typeof ISMAP_REQUIREMENTS)[number])}
          />
          <Checkbox mt={28} label={t('providers.fit.dataInJapan')} checked={draft.dataInJapan} disabled={readOnly} onChange={(e) => set('dataInJapan', e.currentTarget.checked)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('providers.fit.migrationDataKinds')} min={0} max={10000} {...number('migrationDataKinds')} />
          <NumberInput label={t('providers.fit.migrationItems')} min={0} max={1000000} thousandSeparator="," {...number('migrationItems')} />
          <NumberInput label={t('providers.fit.migrationVolumeGb')} min={0} decimalScale={2} {...number('migrationVolumeGb')} />
        </SimpleGrid>
        <Textarea label={t('providers.fit.interfaces')} autosize minRows={1} maxLength={2000} {...text('interfaces')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('providers.fit.operatingHours')} maxLength={500} {...text('operatingHours')} />
          <NumberInput
            label={t('providers.fit.serviceHoursPerDay')}
            description={t('providers.fit.serviceHoursHint')}
            min={0.5}
            max={24}
            decimalScale={2}
            value={draft.serviceHoursPerDay}
            readOnly={readOnly}
            error={fieldErrors.serviceHoursPerDay}
            onChange={(v) => set('serviceHoursPerDay', Number(v))}
          />
          <NumberInput label={t('providers.fit.serviceDaysPerYear')} min={1} max={366} value={draft.serviceDaysPerYear} readOnly={readOnly} error={fieldErrors.serviceDaysPerYear} onChange={(v) => set('serviceDaysPerYear', Number(v))} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NumberInput label={t('providers.fit.availabilityPercent')} min={0} max={100} decimalScale={4} {...number('availabilityPercent')} data-testid="required-availability" />
          <NumberInput label={t('providers.fit.maxDowntimeHours')} min={0} decimalScale={2} {...number('maxDowntimeHours')} />
          <NativeSelect
            label={t('providers.fit.downtimePeriod')}
            value={draft.downtimePeriod}
            disabled={readOnly}
            data={SLA_PERIODS.map((p) => ({ value: p, label: t(`providers.fit.periods.${p}`) }))}
            onChange={(e) => set('downtimePeriod', e.currentTarget.value as (typeof SLA_PERIODS)[number])}
          />
          <NumberInput label={t('providers.fit.recoveryHours')} min={0} decimalScale={2} {...number('recoveryHours')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label={t('providers.fit.terminals')} maxLength={500} {...text('terminals')} />
          <NumberInput label={t('providers.fit.sites')} min={0} {...number('sites')} />
          <NumberInput label={t('providers.fit.terminalCount')} min={0} {...number('terminalCount')} />
          <NativeSelect
            label={t('providers.fit.support')}
            value={draft.support}
            disabled={readOnly}
            data={SUPPORT_NEEDS.map((s) => ({ value: s, label: t(`providers.fit.supportNeeds.${s}`) }))}
            onChange={(e) => set('support', e.currentTarget.value as (typeof SUPPORT_NEEDS)[number])}
          />
        </SimpleGrid>
      </Stack>
    </SectionCard>
  );
}
