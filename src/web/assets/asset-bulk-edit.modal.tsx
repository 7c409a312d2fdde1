import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITIES, RANKS, SENSITIVITIES, type TAssetChoices } from '../../shared/schemas/asset.schema.ts';
import { toApiError, type ApiError } from '../api/api-client.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { type BulkChange, useBulkUpdate } from './asset.query.ts';

const KEEP = '';
const CLEAR = '__clear__';

interface Props {
  opened: boolean;
  selected: ReadonlyMap<string, number>;
  choices: TAssetChoices | undefined;
  onClose: () => void;
  onDone: (count: number) => void;
}

/** Classification and owner for every selected asset at once; the server applies all of it or nothing. */
export function BulkEditModal({ opened, selected, choices, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const bulk = useBulkUpdate();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const keep = { value: KEEP, label: t('assets.bulk.keep') };
  const clear = { value: CLEAR, label: t('assets.bulk.clear') };
  const catalog = (list: { id: string; label: { ja: string; en: string } }[] = []) => list.map((c) => ({ value: c.id, label: c.label[locale] }));
  const field = (key: keyof BulkChange, data: { value: string; label: string }[], nullable = true) => (
    <NativeSelect
      key={key}
      label={t(`assets.fields.${key === 'ownerUserId' ? 'owner' : key === 'assetClassId' ? 'assetClass' : key === 'informationGroupId' ? 'informationGroup' : key === 'riskCategoryId' ? 'riskCategory' : key}`)}
      value={values[key] ?? KEEP}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [key]: value }));
      }}
      data={[keep, ...(nullable ? [clear] : []), ...data]}
    />
  );

  const submit = () => {
    setProblem(null);
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === KEEP) continue;
      set[k] = v === CLEAR ? null : k === 'containsPersonalData' ? v === 'true' : v;
    }
    bulk.mutate(
      { items: [...selected].map(([id, version]) => ({ id, version })), set: set as BulkChange },
      {
        onSuccess: (r) => {
          setValues({});
          onDone(r.updated);
        },
        onError: (e) => setProblem(toApiError(e)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('assets.bulk.title', { count: selected.size })} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{t('assets.bulk.description')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {field('ownerUserId', (choices?.owners ?? []).map((o) => ({ value: o.userId, label: o.displayName })))}
          {field('rank', RANKS.map((r) => ({ value: r, label: r })), false)}
          {field('assetClassId', catalog(choices?.assetClasses))}
          {field('informationGroupId', catalog(choices?.informationGroups))}
          {field('riskCategoryId', catalog(choices?.riskCategories))}
          {field('sensitivity', SENSITIVITIES.map((s) => ({ value: s, label: t(`assets.sensitivity.${s}`) })))}
          {field('confidentiality', CONFIDENTIALITIES.map((s) => ({ value: s, label: t(`assets.confidentiality.${s}`) })))}
          {field(
            'containsPersonalData',
            [
              { value: 'true', label: t('assets.yesNo.yes') },
              { value: 'false', label: t('assets.yesNo.no') },
            ],
            false,
          )}
        </SimpleGrid>
        <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={bulk.isPending} disabled={!Object.values(values).some((v) => v !== KEEP)} data-testid="bulk-apply">
            {t('assets.bulk.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
