import { Alert, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSET_IMPORT_MAX_BYTES, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type TAssetImport } from '../../shared/schemas/asset.schema.ts';
import { ImportWizard } from '../platform/transfer/import-wizard.page.tsx';
import type { ImportPreviewColumn } from '../platform/transfer/import-wizard.spec.ts';
import { useAssetLabels } from './asset-labels.ts';
import { ASSETS_KEY } from './asset.query.ts';

const PREVIEW_FIELDS = ['name', 'medium', 'owner', 'records', 'rank', 'unitValueThousandYen'] as const;

/**
 * The inventory's import (/assets/import, and /assets/import/:id for one
 * import): the platform's wizard with the 資産目録 fields, 資産総額 in the
 * preview, and the departments the commit creates.
 */
export function AssetImportPage() {
  const label = useAssetLabels(undefined);
  const preview: ImportPreviewColumn[] = [...PREVIEW_FIELDS.map((value) => ({ value })), { value: 'totalValueYen', label: 'totalValue', numeric: true, show: label.amount }];
  return (
    <ImportWizard<TAssetImport>
      api="/api/v1/asset-imports"
      path="/assets/import"
      fields={IMPORT_FIELDS}
      requiredFields={REQUIRED_IMPORT_FIELDS}
      fieldLabels="assets.fields"
      messages="assets.import"
      preview={preview}
      write="assets.write"
      back={{ to: '/assets', label: 'assets.actions.back' }}
      maxBytes={ASSET_IMPORT_MAX_BYTES}
      refreshes={ASSETS_KEY}
      extra={(imp) => <NewDepartments names={imp.newDepartments} />}
    />
  );
}

/** 資産の責任者 that name no member and no department: the commit creates them as departments. */
function NewDepartments({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  if (!names.length) return null;
  return (
    <Alert color="blue" variant="light" mt="sm" data-testid="import-new-departments" title={t('assets.import.newDepartmentsTitle', { count: names.length })}>
      <Text size="sm" mb={4}>
        {t('assets.import.newDepartmentsHint')}
      </Text>
      <Group gap={6}>
        {names.map((d) => (
          <Badge key={d} variant="outline" color="blue" tt="none">
            {d}
          </Badge>
        ))}
      </Group>
    </Alert>
  );
}
