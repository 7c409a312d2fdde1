import type { QueryKey } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Permission } from '../../../shared/policy.ts';
import type { TImport } from '../../../shared/schemas/import.schema.ts';

/** One column of the check step's preview: a value of the first rows as they would be written. */
export interface ImportPreviewColumn {
  /** The preview value's key: a field, or a value the server computes for the preview (`totalValueYen`). */
  value: string;
  /** The field whose name heads the column (`<fieldLabels>.<label>`); `value` when absent. */
  label?: string;
  /** How a value is shown; as the server sent it when absent. */
  show?: (value: string) => ReactNode;
  /** A figure: right-aligned, in tabular digits. */
  numeric?: boolean;
}

/**
 * What a register tells the import wizard. The words every import shares
 * are the platform's (`imports.*`); the register's own live under
 * `messages` (the same prefix its server register translates problems
 * with): `title`, `description`, `chooseHint` ({{limitMb}}), `mappingHint`,
 * `committing`, `leaveHint`, and with {{formatted}} counts `noErrors`,
 * `commit_*` and `committed_*`.
 */
export interface ImportWizardSpec<I extends TImport = TImport> {
  /** The register's import API, e.g. `/api/v1/asset-imports` (one import is `<api>/:id`). */
  api: string;
  /** The wizard's own page, e.g. `/assets/import` (one import is `<path>/:id`). */
  path: string;
  /** The fields a column can be mapped to, in the order the choice lists them. */
  fields: readonly string[];
  requiredFields: readonly string[];
  /** Translation prefix of the fields' names (`<fieldLabels>.<field>`). */
  fieldLabels: string;
  /** Translation prefix of the register's own words (see above). */
  messages: string;
  preview: readonly ImportPreviewColumn[];
  /** The permission that allows uploading (the page is read-only without it). */
  write: Permission;
  /** Where the wizard leads back to: the register's page, and the translation key of the link. */
  back: { to: string; label: string };
  /** The largest file the server takes (shown in MB). */
  maxBytes: number;
  /** What a committed import changes (the register's query key), read again after the commit. */
  refreshes?: QueryKey;
  /** What the check step shows beyond the counts (the asset import's new departments). */
  extra?: (imp: I) => ReactNode;
}

export const ImportWizardContext = createContext<ImportWizardSpec | null>(null);

/** The spec of the wizard this part belongs to. */
export function useImportWizard(): ImportWizardSpec {
  const spec = useContext(ImportWizardContext);
  if (!spec) throw new Error('useImportWizard outside ImportWizard');
  return spec;
}
