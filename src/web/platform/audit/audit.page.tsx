import { Button, Code, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { ForbiddenNotice } from '../../components/forbidden-notice.tsx';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../auth/session.query.ts';
import { useMembers } from '../members/members.query.ts';
import { AUDIT_ENTITY_TYPES, useActionLabel, useChangeDescriptions, useEntityLabel } from './audit-labels.ts';
import { type AuditFilters, useAuditTrail } from './audit.query.ts';

const EMPTY: AuditFilters = { actorUserId: '', entityType: '', from: '', to: '' };

/** The organisation's tamper-evident trail: who did what, when, before and after; filtered, paged, exportable with its proof. */
export function AuditPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const can = session.organisation.can;
  const { locale, timeZone } = useLocaleAndZone();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const members = useMembers();
  const trail = useAuditTrail(filters);
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const changes = useChangeDescriptions();
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.displayName])), [members.data]);

  if (!can['audit.read']) {
    return (
      <>
        <PageHeader title={t('audit.title')} />
        <ForbiddenNotice />
      </>
    );
  }

  const pages = trail.data?.pages ?? [];
  const entries = pages.flatMap((p) => p.items);
  const head = pages[0];
  const set = (k: keyof AuditFilters) => (value: string) => setFilters((f) => ({ ...f, [k]: value }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          can['audit.export'] ? (
            <Button component="a" href="/api/v1/audit/export" download variant="default">
              {t('audit.export')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="audit-head">
          <Title order={2} fz="h4" id="audit-head" mb="xs">
            {t('audit.chainHead')}
          </Title>
          {head ? (
            <Stack gap={4}>
              <Text size="sm">{t('audit.chainCount', { count: head.headSeq, formatted: formatNumber(head.headSeq, locale) })}</Text>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {t('audit.headHash')}
                </Text>
                <Code className="mono" data-testid="audit-head-hash">
                  {head.headHash ?? '—'}
                </Code>
              </Group>
              <Text size="xs" c="dimmed">
                {t('audit.chainHint')}
              </Text>
            </Stack>
          ) : (
            <SectionLoader />
          )}
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="audit-entries">
          <Title order={2} fz="h4" id="audit-entries" mb="sm">
            {t('audit.entries')}
          </Title>
          <form role="search" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
              <NativeSelect
                label={t('audit.person')}
                value={filters.actorUserId}
                onChange={(e) => set('actorUserId')(e.currentTarget.value)}
                data={[{ value: '', label: t('audit.everyone') }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` }))]}
              />
              <NativeSelect
                label={t('audit.entityType')}
                value={filters.entityType}
                onChange={(e) => set('entityType')(e.currentTarget.value)}
                data={[{ value: '', label: t('audit.allTypes') }, ...AUDIT_ENTITY_TYPES.map((v) => ({ value: v, label: entityLabel(v) }))]}
              />
              <TextInput label={t('audit.from')} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => set('from')(e.currentTarget.value)} />
              <TextInput label={t('audit.to')} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => set('to')(e.currentTarget.value)} />
            </SimpleGrid>
            {filtered ? (
              <Button variant="subtle" size="xs" mb="sm" onClick={() => setFilters(EMPTY)}>
                {t('audit.clearFilters')}
              </Button>
            ) : null}
          </form>
          <QueryState query={trail} empty={entries.length === 0 ? t('audit.none') : null}>
            <DataTable
              caption={t('audit.entries')}
              columns={['#', t('audit.at'), t('audit.person'), t('audit.action'), t('audit.entityType'), t('audit.details'), t('audit.hash')]}
              verticalSpacing="xs"
              striped
              fz="sm"
              aria-describedby="audit-count"
            >
              {entries.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row">
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, locale, timeZone)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{(e.actorUserId && names.get(e.actorUserId)) || e.actorLabel || t('audit.system')}</Table.Td>
                  <Table.Td>{actionLabel(e.action)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {entityLabel(e.entityType)}
                    {e.entityId && names.get(e.entityId) ? ` · ${names.get(e.entityId)}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {changes(e).map((c) => (
                      <Text key={c} size="xs">
                        {c}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <span className="mono" title={e.hash}>
                      {e.hash.slice(0, 12)}…
                    </span>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </QueryState>
          <Group mt="md" justify="space-between">
            <Text size="sm" c="dimmed" id="audit-count" aria-live="polite">
              {t('audit.showing', { count: entries.length })}
            </Text>
            {trail.hasNextPage ? (
              <Button variant="default" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
