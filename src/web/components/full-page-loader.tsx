import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh" role="status" aria-live="polite">
      <Loader aria-hidden />
      <span className="visually-hidden">{t('common.loading')}</span>
    </Center>
  );
}

export function SectionLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <span className="visually-hidden">{t('common.loading')}</span>
    </Center>
  );
}
