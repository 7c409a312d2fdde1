import { ActionIcon, Button, Checkbox, Group, NativeSelect, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERSON_AFFILIATIONS, type TCreateStaffingPersonRequest, type TCreateStaffingRoleRequest } from '../../shared/governance/staffing.schema.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { Certifications, RoleGaps } from './staffing-labels.tsx';
import { personRecords, roleRecords, type TStaffingPerson, type TStaffingRole, useStaffing } from './staffing.query.ts';

const LIST = '/governance/staffing';

type RoleValues = { title: string; critical: boolean; requiredCertifications: string[]; notes: string };
const EMPTY_ROLE: RoleValues = { title: '', critical: false, requiredCertifications: [], notes: '' };
const roleValuesOf = (r: TStaffingRole): RoleValues => ({ title: r.title, critical: r.critical, requiredCertifications: r.requiredCertifications, notes: r.notes });
const roleBodyOf = (v: RoleValues): TCreateStaffingRoleRequest => ({ title: v.title.trim(), critical: v.critical, requiredCertifications: v.requiredCertifications.map((c) => c.trim()).filter(Boolean), notes: v.notes.trim() });

/** A role: what it is, whether it is critical, the certifications it calls for; with its holders and gaps once saved. */
export const StaffingRoleFormPage = recordPage(function RoleEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const staffing = useStaffing();
  const edit = useRegisterRecordEditor(roleRecords, id, {
    empty: EMPTY_ROLE,
    valuesOf: roleValuesOf,
    bodyOf: roleBodyOf,
    pathOf: (newId) => `${LIST}/roles/${newId}`,
    createdMessage: t('governance.staffing.roleCreated'),
    savedMessage: t('governance.staffing.saved'),
  });
  const { isNew, record: role, editor } = edit;
  const { form } = editor;
  const f = (key: string) => t(`governance.staffing.fields.${key}`);
  const data = role.data;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('governance.staffing.newRole') : (data?.title ?? t('governance.staffing.rolesTitle'))}
      description={t('governance.staffing.description')}
      listPath={LIST}
      labels={registerFormLabels(t, 'governance.staffing', { name: data?.title ?? '' }, { deleteConfirm: 'governance.staffing.deleteRoleConfirm' })}
      canWrite={data ? data.can.update : session.organisation.can['governance.write']}
      needs={staffing}
      summary={
        data ? (
          <Stack gap={4} data-testid="role-summary">
            <Text size="sm">{`${f('holders')}: ${data.holders.map((h) => h.name).join('、') || '—'}`}</Text>
            <RoleGaps gaps={data.gaps} />
          </Stack>
        ) : null
      }
    >
      <SectionCard id="role" title={t('governance.staffing.roleSection')}>
        <Stack gap="sm">
          {data?.source.length ? <SourceCitations sources={data.source} size="xs" /> : null}
          <TextInput label={f('role')} required maxLength={200} {...form.getInputProps('title')} />
          <Switch label={f('critical')} description={t('governance.staffing.criticalHint')} {...form.getInputProps('critical', { type: 'checkbox' })} />
          <TagsInput label={f('requiredCertifications')} description={t('governance.staffing.requiredHint')} maxTags={20} {...form.getInputProps('requiredCertifications')} />
          <Textarea label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});

type PersonValues = { name: string; affiliation: TStaffingPerson['affiliation']; certifications: { name: string; expiresOn: string }[]; roleIds: string[]; notes: string };
const EMPTY_PERSON: PersonValues = { name: '', affiliation: 'internal', certifications: [], roleIds: [], notes: '' };
const personValuesOf = (p: TStaffingPerson): PersonValues => ({ name: p.name, affiliation: p.affiliation, certifications: p.certifications.map((c) => ({ name: c.name, expiresOn: c.expiresOn ?? '' })), roleIds: p.roleIds, notes: p.notes });
const personBodyOf = (v: PersonValues): TCreateStaffingPersonRequest => ({
  name: v.name.trim(),
  affiliation: v.affiliation,
  certifications: v.certifications.filter((c) => c.name.trim()).map((c) => ({ name: c.name.trim(), expiresOn: c.expiresOn || null })),
  roleIds: v.roleIds,
  notes: v.notes.trim(),
});

/** A person: on the staff or outside, the roles they hold, their certifications and when each expires. */
export const StaffingPersonFormPage = recordPage(function PersonEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const staffing = useStaffing();
  const edit = useRegisterRecordEditor(personRecords, id, {
    empty: EMPTY_PERSON,
    valuesOf: personValuesOf,
    bodyOf: personBodyOf,
    pathOf: (newId) => `${LIST}/people/${newId}`,
    createdMessage: t('governance.staffing.personCreated'),
    savedMessage: t('governance.staffing.saved'),
  });
  const { isNew, record: person, editor } = edit;
  const { form } = editor;
  const f = (key: string) => t(`governance.staffing.fields.${key}`);
  const data = person.data;
  const certifications = form.getValues().certifications;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('governance.staffing.newPerson') : (data?.name ?? t('governance.staffing.peopleTitle'))}
      description={t('governance.staffing.description')}
      listPath={LIST}
      labels={registerFormLabels(t, 'governance.staffing', { name: data?.name ?? '' }, { deleteConfirm: 'governance.staffing.deletePersonConfirm' })}
      canWrite={data ? data.can.update : session.organisation.can['governance.write']}
      needs={staffing}
      summary={data?.certifications.length ? <Certifications certifications={data.certifications} /> : null}
    >
      <SectionCard id="person" title={t('governance.staffing.personSection')}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={f('name')} required maxLength={100} {...form.getInputProps('name')} />
            <NativeSelect label={f('affiliation')} data={PERSON_AFFILIATIONS.map((a) => ({ value: a, label: t(`governance.staffing.affiliation.${a}`) }))} {...form.getInputProps('affiliation')} />
          </Group>
          <Checkbox.Group label={t('governance.staffing.rolesHeld')} {...form.getInputProps('roleIds')}>
            <Group mt="xs">
              {(staffing.data?.roles ?? []).map((r) => (
                <Checkbox key={r.id} value={r.id} label={r.title} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
      <SectionCard id="certifications" title={t('governance.staffing.certificationsSection')}>
        <Stack gap="xs">
          {certifications.map((_c, i) => (
            <Group key={i} align="flex-end" data-testid="certification-row">
              <TextInput label={f('certificationName')} maxLength={200} w={320} {...form.getInputProps(`certifications.${i}.name`)} />
              <TextInput type="date" label={f('expiresOn')} {...form.getInputProps(`certifications.${i}.expiresOn`)} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={`${t('governance.staffing.removeCertification')} ${i + 1}`} onClick={() => form.removeListItem('certifications', i)}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem('certifications', { name: '', expiresOn: '' })}>
              {t('governance.staffing.addCertification')}
            </Button>
          </Group>
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
