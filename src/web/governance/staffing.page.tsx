import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { Certifications, RoleGaps } from './staffing-labels.tsx';
import { type TStaffing, type TStaffingPerson, type TStaffingRole, useAddStaffingTemplate, useStaffing } from './staffing.query.ts';

function TemplateOffer({ template }: { template: NonNullable<TStaffing['template']> }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const add = useAddStaffingTemplate();
  return (
    <Alert color="blue" title={t('governance.staffing.templateTitle', { name: template.name[locale] })}>
      <Stack gap="xs">
        <Text size="sm">{t('governance.staffing.templateText', { count: template.notAdded })}</Text>
        <SourceCitations sources={template.source} size="xs" />
        <Group>
          <Button size="xs" loading={add.isPending} onClick={() => add.mutate()}>
            {t('governance.staffing.addTemplate')}
          </Button>
        </Group>
        <ProblemAlert problem={add.error ? toApiError(add.error) : null} />
      </Stack>
    </Alert>
  );
}

/** 人材確保と資格 (seed 004): the roles, who holds them, their certifications and what each role lacks. */
export function StaffingPage() {
  const { t } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['governance.write'];
  const staffing = useStaffing();
  const data = staffing.data;
  const f = (key: string) => t(`governance.staffing.fields.${key}`);
  const roleColumns: RegisterColumn<TStaffingRole>[] = [
    nameColumn({
      key: 'title',
      header: f('role'),
      path: '/governance/staffing/roles',
      name: (r) => r.title,
      minWidth: 200,
      below: (r) =>
        r.critical ? (
          <Badge ml="xs" color="red" variant="outline" size="sm" style={{ textTransform: 'none' }}>
            {t('governance.staffing.critical')}
          </Badge>
        ) : null,
    }),
    { key: 'required', header: f('requiredCertifications'), cell: (r) => r.requiredCertifications.join('、') },
    { key: 'holders', header: f('holders'), cell: (r) => r.holders.map((h) => h.name).join('、') },
    { key: 'gaps', header: f('gaps'), cellProps: { miw: 200 }, cell: (r) => <RoleGaps gaps={r.gaps} /> },
  ];
  const roles = data?.roles ?? [];
  const personColumns: RegisterColumn<TStaffingPerson>[] = [
    nameColumn({ key: 'name', header: f('name'), path: '/governance/staffing/people', name: (p) => p.name, minWidth: 140 }),
    { key: 'affiliation', header: f('affiliation'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (p) => t(`governance.staffing.affiliation.${p.affiliation}`) },
    ...roles.map(
      (r): RegisterColumn<TStaffingPerson> => ({
        key: `role-${r.id}`,
        header: r.title,
        cellProps: { ta: 'center' },
        cell: (p) => (p.roleIds.includes(r.id) ? <span aria-label={t('governance.staffing.holdsRole', { person: p.name, role: r.title })}>●</span> : ''),
      }),
    ),
    { key: 'certifications', header: f('certifications'), cellProps: { miw: 220 }, cell: (p) => <Certifications certifications={p.certifications} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('governance.staffing.title')}
        description={t('governance.staffing.description')}
        actions={
          <Group>
            <ExportLinks
              href="/api/v1/staffing/export"
              formats={[
                { format: 'csv', label: t('governance.staffing.exportCsv') },
                { format: 'xlsx', label: t('governance.staffing.exportXlsx') },
                { format: 'json', label: t('governance.staffing.exportJson') },
              ]}
            />
          </Group>
        }
      />
      <Stack gap="xl">
        {data ? (
          <Text data-testid="staffing-summary">
            {t('governance.staffing.summary', { roles: data.summary.roles, gaps: data.summary.rolesWithGaps, people: data.summary.people, expiring: data.summary.certificationsExpiring, expired: data.summary.certificationsExpired })}
          </Text>
        ) : null}
        {canWrite && data?.template && data.template.notAdded > 0 ? <TemplateOffer template={data.template} /> : null}
        <SectionCard id="roles" title={t('governance.staffing.rolesTitle')}>
          <Stack gap="md">
            <RegisterList query={staffing} caption={t('governance.staffing.rolesTitle')} empty={t('governance.staffing.rolesEmpty')} rows={roles} columns={roleColumns} rowTestId="role-row" />
            {canWrite ? (
              <Group>
                <Button variant="light" component={Link} to="/governance/staffing/roles/new">
                  {t('governance.staffing.newRole')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </SectionCard>
        <SectionCard id="people" title={t('governance.staffing.matrixTitle')}>
          <Stack gap="md">
            <RegisterList query={staffing} caption={t('governance.staffing.matrixTitle')} empty={t('governance.staffing.peopleEmpty')} rows={data?.people ?? []} columns={personColumns} rowTestId="person-row" />
            {canWrite ? (
              <Group>
                <Button variant="light" component={Link} to="/governance/staffing/people/new">
                  {t('governance.staffing.newPerson')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </SectionCard>
      </Stack>
    </>
  );
}
