import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateOrganisationForm } from './create-organisation.form.tsx';

export function CreateOrganisationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('organisation.createTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <CreateOrganisationForm onCancel={onClose} onDone={onClose} /> : null}
    </Modal>
  );
}
