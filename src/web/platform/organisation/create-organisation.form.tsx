import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useResetAfterSessionChange } from '../auth/session.query.ts';
import { useCreateOrganisation } from './organisation.query.ts';

export function CreateOrganisationForm({ onCancel, onDone }: { onCancel?: () => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useResetAfterSessionChange();
  const create = useCreateOrganisation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });
  const errors = useServerErrors(form);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        errors.clear();
        create.mutate(values.name.trim(), {
          onSuccess: async () => {
            await reset();
            onDone?.();
            navigate('/');
          },
          onError: errors.apply,
        });
      })}
    >
      <Stack>
        <TextInput
          label={t('organisation.name')}
          description={t('organisation.createHint')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={create.isPending}>
            {t('organisation.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
