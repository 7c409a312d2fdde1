import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown when a page is opened by a member whose role does not include it (the navigation hides it already). */
export function ForbiddenNotice() {
  const { t } = useTranslation();
  return <Alert color="gray" variant="light" title={t('errors.forbidden')} />;
}
