import { useTranslation } from 'react-i18next';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import { COST_CATEGORIES } from '../../shared/costs/cost-plan.rules.ts';
import { ACTUAL_IMPORT_FIELDS, COST_ACTUAL_IMPORT_MAX_BYTES, REQUIRED_ACTUAL_IMPORT_FIELDS } from '../../shared/costs/cost-actual.schema.ts';
import { formatMonth } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { ImportWizard } from '../platform/transfer/import-wizard.page.tsx';
import { COSTS_KEY } from './cost.query.ts';
import { ACTUALS } from './plan-review.page.tsx';

/**
 * Importing actual costs (/costs/actuals/import, and /costs/actuals/import/:id
 * for one import): the platform's wizard with the lines' fields, months and
 * amounts shown as the reader writes them.
 */
export function ActualImportPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (
    <ImportWizard
      api="/api/v1/cost-actual-imports"
      path={`${ACTUALS}/import`}
      fields={ACTUAL_IMPORT_FIELDS}
      requiredFields={REQUIRED_ACTUAL_IMPORT_FIELDS}
      fieldLabels="costs.actualFields"
      messages="costs.actualImport"
      preview={[
        { value: 'month', show: (m) => (/^\d{4}-\d{2}$/.test(m) ? formatMonth(m, locale) : m) },
        { value: 'category', show: (c) => ((COST_CATEGORIES as readonly string[]).includes(c) ? t(`costs.category.${c}`) : c) },
        { value: 'amountYen', numeric: true, show: (v) => (/^-?\d+$/.test(v) ? formatYenAmount(Number(v), locale) : v) },
        { value: 'description' },
      ]}
      write="costs.write"
      back={{ to: ACTUALS, label: 'costs.actuals.back' }}
      maxBytes={COST_ACTUAL_IMPORT_MAX_BYTES}
      refreshes={COSTS_KEY}
    />
  );
}
