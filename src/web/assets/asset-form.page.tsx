import { Alert, Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { thousandYenToYen } from '../../shared/assets/asset-money.ts';
import { CONFIDENTIALITIES, MEDIA, PLACEMENTS, RANKS, SENSITIVITIES, type TAsset, type TCreateAssetRequest } from '../../shared/schemas/asset.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { AssetHistorySection } from './asset-history.section.tsx';
import { useAssetLabels } from './asset-labels.ts';
import { assetRecords, useAssetChoices } from './asset.query.ts';

interface Values {
  name: string;
  medium: string;
  content: string;
  location: string;
  ownerUserId: string;
  records: number | string;
  rank: string;
  unitValueThousandYen: string;
  assetClassId: string;
  informationGroupId: string;
  riskCategoryId: string;
  sensitivity: string;
  confidentiality: string;
  containsPersonalData: boolean;
  currentPlacement: string;
  plannedPlacement: string;
  notes: string;
}

const EMPTY: Values = {
  name: '',
  medium: 'electronic',
  content: '',
  location: '',
  ownerUserId: '',
  records: 0,
  rank: 'B',
  unitValueThousandYen: '0',
  assetClassId: '',
  informationGroupId: '',
  riskCategoryId: '',
  sensitivity: '',
  confidentiality: '',
  containsPersonalData: false,
  currentPlacement: 'on_premises',
  plannedPlacement: '',
  notes: '',
};

const DEPARTMENT = 'dept:';

const valuesOf = (a: TAsset): Values => ({
  name: a.name,
  medium: a.medium,
  content: a.content,
  location: a.location,
  // One select for both kinds of owner: 'dept:<id>' for a department, a member's id otherwise.
  ownerUserId: a.ownerDepartment ? `${DEPARTMENT}${a.ownerDepartment.id}` : (a.owner?.userId ?? ''),
  records: a.records,
  rank: a.rank,
  unitValueThousandYen: a.unitValueThousandYen,
  assetClassId: a.assetClassId ?? '',
  informationGroupId: a.informationGroupId ?? '',
  riskCategoryId: a.riskCategoryId ?? '',
  sensitivity: a.sensitivity ?? '',
  confidentiality: a.confidentiality ?? '',
  containsPersonalData: a.containsPersonalData,
  currentPlacement: a.currentPlacement,
  plannedPlacement: a.plannedPlacement ?? '',
  notes: a.notes,
});

/** Every field of the form; empty choices become null. */
function bodyOf(v: Values): TCreateAssetRequest {
  return {
    name: v.name.trim(),
    medium: v.medium as TCreateAssetRequest['medium'],
    content: v.content.trim(),
    location: v.location.trim(),
    ownerUserId: v.ownerUserId && !v.ownerUserId.startsWith(DEPARTMENT) ? v.ownerUserId : null,
    ownerDepartmentId: v.ownerUserId.startsWith(DEPARTMENT) ? v.ownerUserId.slice(DEPARTMENT.length) : null,
    records: Number(v.records),
    rank: v.rank as TCreateAssetRequest['rank'],
    unitValueThousandYen: String(v.unitValueThousandYen).trim(),
    assetClassId: v.assetClassId || null,
    informationGroupId: v.informationGroupId || null,
    riskCategoryId: v.riskCategoryId || null,
    sensitivity: (v.sensitivity || null) as TCreateAssetRequest['sensitivity'],
    confidentiality: (v.confidentiality || null) as TCreateAssetRequest['confidentiality'],
    containsPersonalData: v.containsPersonalData,
    currentPlacement: v.currentPlacement as TCreateAssetRequest['currentPlacement'] & string,
    plannedPlacement: (v.plannedPlacement || null) as TCreateAssetRequest['plannedPlacement'],
    notes: v.notes.trim(),
  };
}

/** One information asset (図11's columns, then 表7・表8・表9), its computed total, and its history. */
export const AssetFormPage = recordPage(AssetEditor);

function AssetEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can['assets.write'];
  const edit = useRegisterRecordEditor(assetRecords, id, { empty: EMPTY, valuesOf, bodyOf, pathOf: (newId) => `/assets/${newId}`, createdMessage: t('assets.form.created'), savedMessage: t('assets.form.saved') });
  const { isNew, record: asset, editor } = edit;
  const choices = useAssetChoices();
  const label = useAssetLabels(choices.data);
  const data = asset.data;
  const { form } = editor;

  const title = isNew ? t('assets.form.newTitle') : (data?.name ?? t('assets.form.editTitle'));
  const unitYen = thousandYenToYen(String(form.values.unitValueThousandYen).trim());
  const records = Number(form.values.records);
  const total = unitYen !== null && Number.isSafeInteger(records) && records >= 0 ? BigInt(records) * unitYen : null;

  const opt = (list: { id: string; label: { ja: string; en: string } }[] = []) => [{ value: '', label: t('assets.unset') }, ...list.map((c) => ({ value: c.id, label: c.label[label.locale] }))];

  return (
    <RegisterForm
      {...edit}
      title={title}
      description={label.source}
      listPath="/assets"
      labels={{
        back: t('assets.actions.back'),
        create: t('assets.form.create'),
        save: t('assets.form.save'),
        delete: t('assets.form.delete'),
        deleteTitle: t('assets.form.deleteTitle'),
        deleteMessage: t('assets.form.deleteBody', { name: data?.name ?? '' }),
        conflict: t('assets.form.conflict'),
      }}
      canWrite={canWrite}
      needs={choices}
      submitTestId="asset-save"
      notice={
        !canWrite ? (
          <Alert color="gray" variant="light" mb="md">
            {t('assets.form.readOnly')}
          </Alert>
        ) : null
      }
      after={data && choices.data ? <AssetHistorySection assetId={data.id} choices={choices.data} /> : null}
    >
      {choices.data ? (
        <>
          <SectionCard id="asset-basics" title={t('assets.form.basics')}>
            <Stack gap="sm">
              <TextInput label={t('assets.fields.name')} required maxLength={200} {...form.getInputProps('name')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect label={t('assets.fields.medium')} required data={MEDIA.map((m) => ({ value: m, label: t(`assets.medium.${m}`) }))} {...form.getInputProps('medium')} />
                <TextInput label={t('assets.fields.location')} maxLength={200} {...form.getInputProps('location')} />
              </SimpleGrid>
              <Textarea label={t('assets.fields.content')} autosize minRows={2} maxLength={2000} {...form.getInputProps('content')} />
              <NativeSelect
                label={t('assets.fields.owner')}
                description={t('assets.hints.owner')}
                data={[
                  { value: '', label: t('assets.noOwner') },
                  { group: t('assets.ownerMembers'), items: choices.data.owners.map((o) => ({ value: o.userId, label: `${o.displayName} <${o.email}>` })) },
                  ...(choices.data.departments.length
                    ? [{ group: t('assets.ownerDepartments'), items: choices.data.departments.map((d) => ({ value: `${DEPARTMENT}${d.id}`, label: d.name })) }]
                    : []),
                ]}
                {...form.getInputProps('ownerUserId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput label={t('assets.fields.records')} required min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," {...form.getInputProps('records')} />
                <NativeSelect label={t('assets.fields.rank')} description={t('assets.hints.rank')} required data={RANKS.map((r) => ({ value: r, label: r }))} {...form.getInputProps('rank')} />
                <TextInput
                  label={t('assets.fields.unitValueThousandYen')}
                  description={t('assets.hints.unitValueThousandYen')}
                  required
                  inputMode="decimal"
                  maxLength={20}
                  {...form.getInputProps('unitValueThousandYen')}
                />
              </SimpleGrid>
              <Text fw={600} aria-live="polite" data-testid="computed-total">
                {total === null ? '' : t('assets.form.computedTotal', { man: label.man(total), yen: label.yen(total) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('assets.hints.totalValue')}
              </Text>
            </Stack>
          </SectionCard>

          <SectionCard id="asset-classification" title={t('assets.form.classification')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect label={t('assets.fields.assetClass')} data={opt(choices.data.assetClasses)} {...form.getInputProps('assetClassId')} />
              <NativeSelect label={t('assets.fields.informationGroup')} data={opt(choices.data.informationGroups)} {...form.getInputProps('informationGroupId')} />
              <NativeSelect label={t('assets.fields.riskCategory')} data={opt(choices.data.riskCategories)} {...form.getInputProps('riskCategoryId')} />
              <NativeSelect
                label={t('assets.fields.sensitivity')}
                data={[{ value: '', label: t('assets.unset') }, ...SENSITIVITIES.map((s) => ({ value: s, label: t(`assets.sensitivity.${s}`) }))]}
                {...form.getInputProps('sensitivity')}
              />
              <NativeSelect
                label={t('assets.fields.confidentiality')}
                data={[{ value: '', label: t('assets.unset') }, ...CONFIDENTIALITIES.map((s) => ({ value: s, label: t(`assets.confidentiality.${s}`) }))]}
                {...form.getInputProps('confidentiality')}
              />
              <Checkbox mt="xl" label={t('assets.fields.containsPersonalData')} {...form.getInputProps('containsPersonalData', { type: 'checkbox' })} />
            </SimpleGrid>
          </SectionCard>

          <SectionCard id="asset-placement" title={t('assets.form.placementSection')} description={t('assets.hints.placement')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect label={t('assets.fields.currentPlacement')} data={PLACEMENTS.map((p) => ({ value: p, label: t(`assets.placement.${p}`) }))} {...form.getInputProps('currentPlacement')} />
                <NativeSelect
                  label={t('assets.fields.plannedPlacement')}
                  data={[{ value: '', label: t('assets.unset') }, ...PLACEMENTS.map((p) => ({ value: p, label: t(`assets.placement.${p}`) }))]}
                  {...form.getInputProps('plannedPlacement')}
                />
              </SimpleGrid>
              <Textarea label={t('assets.fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
            </Stack>
          </SectionCard>
        </>
      ) : null}
    </RegisterForm>
  );
}
