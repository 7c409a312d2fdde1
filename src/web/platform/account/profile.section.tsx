import { NativeSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { SaveFormFooter } from '../../components/save-form-footer.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { DEFAULT_TIME_ZONE, formatDateTime, timeZones } from '../../i18n/format.ts';
import { applyLocale, rememberLocale } from '../../i18n/i18n.ts';
import { useSignedInSession } from '../auth/session.query.ts';
import { useUpdateProfile } from './account.query.ts';

export function ProfileSection() {
  const { t } = useTranslation();
  const { user } = useSignedInSession();
  const update = useUpdateProfile();
  const [saved, setSaved] = useState<string | null>(null);
  const zones = useMemo(timeZones, []);
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: user.displayName, locale: user.locale as TLocale, timeZone: user.timeZone || DEFAULT_TIME_ZONE },
    validate: { displayName: (v) => (v.trim() ? null : t('common.required')) },
  });
  const errors = useServerErrors(form);

  // Another tab, or the language switch in the header, may change the account: show what is stored.
  useEffect(() => {
    const values = { displayName: user.displayName, locale: user.locale, timeZone: user.timeZone || DEFAULT_TIME_ZONE };
    form.setInitialValues(values);
    form.setValues(values);
  }, [user.version]);

  const now = new Date().toISOString();
  return (
    <SectionCard id="profile" title={t('account.profile')}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          errors.clear();
          setSaved(null);
          update.mutate(
            { displayName: v.displayName.trim(), locale: v.locale, timeZone: v.timeZone, version: user.version },
            {
              onSuccess: () => {
                void applyLocale(v.locale);
                rememberLocale(v.locale);
                setSaved(t('common.saved'));
              },
              onError: errors.apply,
            },
          );
        })}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('account.displayName')} required maxLength={100} autoComplete="name" {...form.getInputProps('displayName')} />
            <TextInput label={t('common.email')} value={user.email} readOnly variant="filled" description={t('account.emailFixed')} inputWrapperOrder={['label', 'input', 'description', 'error']} />
            <NativeSelect
              label={t('account.language')}
              data={[
                { value: 'ja', label: '日本語' },
                { value: 'en', label: 'English' },
              ]}
              {...form.getInputProps('locale')}
            />
            <Select
              label={t('account.timeZone')}
              description={t('account.timeZoneExample', { now: formatDateTime(now, form.values.locale, form.values.timeZone) })}
              data={zones}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
              maxDropdownHeight={280}
              comboboxProps={{ withinPortal: true }}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <SaveFormFooter errors={errors} saved={saved} saving={update.isPending} dirty={form.isDirty()} />
        </Stack>
      </form>
    </SectionCard>
  );
}
