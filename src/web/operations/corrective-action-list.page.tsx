import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { PhaseBadge } from './action-labels.tsx';
import { type TCorrectiveAction, useCorrectiveActions } from './operation.query.ts';

/** Corrective actions (是正処置): open ones first, the soonest due first, each with its PDCA phase. */
export function CorrectiveActionListPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const actions = useCorrectiveActions();
  const columns: RegisterColumn<TCorrectiveAction>[] = [
    nameColumn({
      key: 'title',
      header: t('operations.actions.fields.title'),
      path: '/corrective-actions',
      name: (a) => a.title,
      minWidth: 220,
      // Where the action came from, linked back to that record while it has a screen.
      below: (a) => (
        <Text size="xs" c="dimmed" data-testid="action-origin">
          {t(`operations.actions.origins.${a.origin}`)}
          {a.originTitle ? ': ' : ''}
          {a.originTitle && a.originPath ? (
            <Anchor component={Link} to={a.originPath} size="xs">
              {a.originTitle}
            </Anchor>
          ) : (
            a.originTitle
          )}
        </Text>
      ),
    }),
    { key: 'phase', header: t('operations.actions.fields.phase'), cell: (a) => <PhaseBadge phase={a.phase} overdue={a.overdue} /> },
    { key: 'due', header: t('operations.actions.fields.dueOn'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (a) => a.dueOn ?? '—' },
    { key: 'owner', header: t('operations.actions.fields.owner'), cell: (a) => a.ownerName ?? t('operations.actions.fields.noOwner') },
  ];
  return (
    <>
      <PageHeader
        title={t('operations.actions.title')}
        description={t('operations.actions.description')}
        actions={
          <>
            <ExportLinks href="/api/v1/corrective-actions/export" />
            {session.organisation.can['operations.write'] ? (
              <Button component={Link} to="/corrective-actions/new">
                {t('operations.actions.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <RegisterList query={actions} caption={t('operations.actions.title')} empty={t('operations.actions.empty')} rows={actions.data?.items ?? []} columns={columns} rowTestId="action-row" />
    </>
  );
}
