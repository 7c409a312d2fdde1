import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { yenToThousandYen } from '../../shared/assets/asset-money.ts';
import type { TAssetChoices } from '../../shared/schemas/asset.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useAssetLabels } from './asset-labels.ts';
import { useAssetHistory } from './asset.query.ts';

/** Audit keys → the field names the screens label. */
const FIELD_OF: Record<string, string> = {
  ownerUserId: 'owner',
  unitValueYen: 'unitValueThousandYen',
  assetClassId: 'assetClass',
  informationGroupId: 'informationGroup',
  riskCategoryId: 'riskCategory',
};

/** The asset's history from the tamper-evident audit trail: who changed what, from what, to what. */
export function AssetHistorySection({ assetId, choices }: { assetId: string; choices: TAssetChoices }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  // Refetched with every change to the inventory (the save invalidates the assets queries).
  const history = useAssetHistory(assetId);
  const label = useAssetLabels(choices);
  const owners = new Map(choices.owners.map((o) => [o.userId, o.displayName]));

  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('assets.unset');
    switch (key) {
      case 'ownerUserId':
        return owners.get(String(v)) ?? String(v);
      case 'unitValueYen':
        return `${yenToThousandYen(BigInt(String(v)))}`;
      case 'assetClassId':
      case 'informationGroupId':
      case 'riskCategoryId':
        return label.catalog(String(v));
      case 'medium':
        return t(`assets.medium.${v}`);
      case 'sensitivity':
        return t(`assets.sensitivity.${v}`);
      case 'confidentiality':
        return t(`assets.confidentiality.${v}`);
      case 'currentPlacement':
      case 'plannedPlacement':
        return t(`assets.placement.${v}`);
      case 'containsPersonalData':
        return t(v ? 'assets.yesNo.yes' : 'assets.yesNo.no');
      case 'records':
        return label.count(Number(v));
      default:
        return String(v);
    }
  };

  return (
    <SectionCard id="asset-history" title={t('assets.history.title')}>
      <ProblemAlert problem={history.error ? toApiError(history.error) : null} />
      {history.isPending ? <SectionLoader /> : null}
      {history.data && !history.data.items.length ? <Text c="dimmed">{t('assets.history.empty')}</Text> : null}
      <Stack gap="md" data-testid="asset-history">
        {history.data?.items.map((e) => {
          const before = (e.before ?? {}) as Record<string, unknown>;
          const after = (e.after ?? {}) as Record<string, unknown>;
          const keys = e.action === 'asset.update' || e.action === 'asset.bulk-update' ? Object.keys(after) : [];
          return (
            <Stack key={e.seq} gap={4}>
              <Group gap="xs">
                <Badge variant="light">{t(`assets.history.actions.${e.action}`, { defaultValue: e.action })}</Badge>
                <Text size="sm">{formatDateTime(e.at, locale, timeZone)}</Text>
                <Text size="sm" c="dimmed">
                  {t('assets.history.by', { actor: e.actorLabel ?? '' })}
                </Text>
              </Group>
              {e.action === 'asset.import' ? (
                <Text size="sm">{t('assets.history.importedFrom', { fileName: String(after.fileName ?? ''), count: Number(after.count ?? 0) })}</Text>
              ) : null}
              {keys.length ? (
                <List size="sm" spacing={2}>
                  {keys.map((k) => (
                    <List.Item key={k}>{t('assets.history.change', { field: t(`assets.fields.${FIELD_OF[k] ?? k}`), before: value(k, before[k]), after: value(k, after[k]) })}</List.Item>
                  ))}
                </List>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
