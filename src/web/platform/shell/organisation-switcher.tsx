import { Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/api-client.ts';
import { useResetAfterSessionChange, useSignedInSession } from '../auth/session.query.ts';

// Loaded when first opened: the dialog and its form stay out of every page's first load.
const CreateOrganisationModal = lazy(async () => ({ default: (await import('../organisation/create-organisation.modal.tsx')).CreateOrganisationModal }));

/** The organisations this user belongs to (a consultant has several); choosing one switches the session. */
export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const reset = useResetAfterSessionChange();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const current = session.organisation;
  const switchTo = useMutation({
    mutationFn: (organisationId: string) => api.post('/api/v1/session/organisation', { organisationId }),
    onSuccess: async () => {
      await reset();
      navigate('/');
    },
  });

  return (
    <>
      <Menu position="bottom-start" width={300} withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="dark"
            rightSection={<span aria-hidden="true">▾</span>}
            loading={switchTo.isPending}
            aria-label={current ? t('shell.organisationButton', { name: current.name }) : t('shell.chooseOrganisation')}
            styles={{ label: { maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' } }}
          >
            {current?.name ?? t('shell.chooseOrganisation')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('shell.organisations')}</Menu.Label>
          {session.memberships.map((m) => {
            const isCurrent = m.organisationId === current?.id;
            return (
              <Menu.Item
                key={m.organisationId}
                onClick={() => !isCurrent && switchTo.mutate(m.organisationId)}
                aria-current={isCurrent ? 'true' : undefined}
                leftSection={<span aria-hidden="true" style={{ width: 12, display: 'inline-block' }}>{isCurrent ? '✓' : ''}</span>}
              >
                <Text size="sm" fw={isCurrent ? 700 : 400}>
                  {m.organisationName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${m.role}`)}
                  {isCurrent ? ` · ${t('shell.current')}` : ''}
                </Text>
              </Menu.Item>
            );
          })}
          <Menu.Divider />
          <Menu.Item onClick={open} leftSection={<span aria-hidden="true">＋</span>}>
            {t('shell.createOrganisation')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {switchTo.error ? (
        <span role="alert" className="visually-hidden">
          {switchTo.error.message}
        </span>
      ) : null}
      {creating ? (
        <Suspense fallback={null}>
          <CreateOrganisationModal opened onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
