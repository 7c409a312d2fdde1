import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONFIDENTIALITIES, MEDIA, PLACEMENTS, RANKS, SENSITIVITIES, type TAsset, type TAssetSort } from '../../shared/schemas/asset.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, LoadMore } from '../platform/register/register-list.tsx';
import { type RegisterColumn, RegisterTable } from '../platform/register/register-table.tsx';
import { useVersionedSelection } from '../platform/register/use-selection.ts';
import { BulkEditModal } from './asset-bulk-edit.modal.tsx';
import { useAssetLabels } from './asset-labels.ts';
import { type AssetFilters, useAssetChoices, useAssetList } from './asset.query.ts';

type Filters = Omit<AssetFilters, 'sort' | 'dir' | 'q' | 'personalData'> & { personalData?: string };

const MONO = { className: 'mono' } as const;

/**
 * The inventory (資産目録, seed 000 III.3.3 図11): sorted by any column with an
 * index, filtered, searched, loaded 50 at a time (keyset), with bulk edit of
 * classification and owner, and exports.
 */
export function AssetListPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can['assets.write'];
  const choices = useAssetChoices();
  const label = useAssetLabels(choices.data);
  const [sort, setSort] = useState<{ sort: TAssetSort; dir: 'asc' | 'desc' }>({ sort: 'name', dir: 'asc' });
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useMemo<AssetFilters>(
    () => ({
      ...sort,
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
      ...(q ? { q } : {}),
    }),
    [sort, filters, q],
  );
  const list = useAssetList(query);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const first = pages[0];
  const filtered = !!q || Object.values(filters).some(Boolean);
  const set = (k: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [k]: value || undefined }));
  const toggleSort = (key: TAssetSort) => setSort((s) => (s.sort === key ? { sort: key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: key === 'totalValue' || key === 'updatedAt' ? 'desc' : 'asc' }));
  const selection = useVersionedSelection(items);
  const selected = selection.selected;
  const any = (label: string) => [{ value: '', label }];
  const columns: RegisterColumn<TAsset, TAssetSort>[] = [
    {
      key: 'name',
      header: t('assets.fields.name'),
      sortKey: 'name',
      cellProps: { fw: 500 },
      cell: (a) => (
        <>
          <Anchor component={Link} to={`/assets/${a.id}`} aria-label={t('assets.list.open', { name: a.name })}>
            {a.name}
          </Anchor>
          {a.containsPersonalData ? (
            <Badge ml={6} size="xs" variant="light" color="grape">
              {t('assets.fields.containsPersonalData')}
            </Badge>
          ) : null}
        </>
      ),
    },
    { key: 'medium', header: t('assets.fields.medium'), cell: (a) => t(`assets.medium.${a.medium}`) },
    { key: 'location', header: t('assets.fields.location'), cell: (a) => a.location },
    {
      key: 'owner',
      header: t('assets.fields.owner'),
      cellProps: (a) => ({ c: a.owner && !a.owner.member ? 'orange.8' : a.owner || a.ownerDepartment ? undefined : 'dimmed' }),
      cell: (a) => label.owner(a.owner, a.ownerDepartment),
    },
    { key: 'records', header: t('assets.fields.records'), sortKey: 'records', numeric: true, cellProps: MONO, cell: (a) => label.count(a.records) },
    {
      key: 'rank',
      header: t('assets.fields.rank'),
      sortKey: 'rank',
      cell: (a) => (
        <Badge variant="light" color={a.rank === 'A' ? 'red' : a.rank === 'B' ? 'orange' : 'gray'}>
          {a.rank}
        </Badge>
      ),
    },
    { key: 'unitValueThousandYen', header: t('assets.fields.unitValueThousandYen'), sortKey: 'unitValue', numeric: true, cellProps: MONO, cell: (a) => a.unitValueThousandYen },
    {
      key: 'totalValue',
      header: t('assets.fields.totalValue'),
      sortKey: 'totalValue',
      numeric: true,
      cellProps: { ...MONO, style: { whiteSpace: 'nowrap' } },
      cell: (a) => (label.locale === 'ja' ? label.man(a.totalValueYen) : label.yen(a.totalValueYen)),
    },
  ];
  const catalogOptions = (list: { id: string; label: { ja: string; en: string } }[] = []) => list.map((c) => ({ value: c.id, label: c.label[label.locale] }));

  return (
    <>
      <PageHeader
        title={t('assets.title')}
        description={t('assets.description')}
        actions={
          <>
            {canWrite ? (
              <Button component={Link} to="/assets/new">
                {t('assets.actions.add')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button component={Link} to="/assets/import" variant="default">
                {t('assets.actions.import')}
              </Button>
            ) : null}
            <Button component={Link} to="/assets/summary" variant="default">
              {t('assets.actions.summary')}
            </Button>
            <ExportLinks
              href="/api/v1/assets/export"
              formats={[
                { format: 'csv', label: t('assets.actions.exportCsv') },
                { format: 'xlsx', label: t('assets.actions.exportXlsx') },
                { format: 'json', label: t('assets.actions.exportJson') },
              ]}
            />
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-label={t('assets.list.searchLabel')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput label={t('assets.list.searchLabel')} placeholder={t('assets.list.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} type="search" data-testid="asset-search" />
            <NativeSelect label={t('assets.fields.rank')} value={filters.rank ?? ''} onChange={(e) => set('rank')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...RANKS.map((r) => ({ value: r, label: r }))]} />
            <NativeSelect label={t('assets.fields.medium')} value={filters.medium ?? ''} onChange={(e) => set('medium')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...MEDIA.map((m) => ({ value: m, label: t(`assets.medium.${m}`) }))]} />
            <NativeSelect
              label={t('assets.fields.owner')}
              value={filters.ownerUserId ?? ''}
              onChange={(e) => set('ownerUserId')(e.currentTarget.value)}
              data={[...any(t('assets.list.filterAny')), { value: 'none', label: t('assets.list.filterNone') }, ...(choices.data?.owners ?? []).map((o) => ({ value: o.userId, label: o.displayName }))]}
            />
            <NativeSelect label={t('assets.fields.assetClass')} value={filters.assetClassId ?? ''} onChange={(e) => set('assetClassId')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...catalogOptions(choices.data?.assetClasses)]} />
            <NativeSelect label={t('assets.fields.informationGroup')} value={filters.informationGroupId ?? ''} onChange={(e) => set('informationGroupId')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...catalogOptions(choices.data?.informationGroups)]} />
            <NativeSelect label={t('assets.fields.sensitivity')} value={filters.sensitivity ?? ''} onChange={(e) => set('sensitivity')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...SENSITIVITIES.map((s) => ({ value: s, label: t(`assets.sensitivity.${s}`) }))]} />
            <NativeSelect label={t('assets.fields.confidentiality')} value={filters.confidentiality ?? ''} onChange={(e) => set('confidentiality')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...CONFIDENTIALITIES.map((s) => ({ value: s, label: t(`assets.confidentiality.${s}`) }))]} />
            <NativeSelect
              label={t('assets.fields.containsPersonalData')}
              value={filters.personalData ?? ''}
              onChange={(e) => set('personalData')(e.currentTarget.value)}
              data={[...any(t('assets.list.filterAny')), { value: 'true', label: t('assets.yesNo.yes') }, { value: 'false', label: t('assets.yesNo.no') }]}
            />
            <NativeSelect label={t('assets.fields.currentPlacement')} value={filters.currentPlacement ?? ''} onChange={(e) => set('currentPlacement')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...PLACEMENTS.map((p) => ({ value: p, label: t(`assets.placement.${p}`) }))]} />
            <NativeSelect label={t('assets.fields.plannedPlacement')} value={filters.plannedPlacement ?? ''} onChange={(e) => set('plannedPlacement')(e.currentTarget.value)} data={[...any(t('assets.list.filterAny')), ...PLACEMENTS.map((p) => ({ value: p, label: t(`assets.placement.${p}`) }))]} />
          </SimpleGrid>
          {filtered ? (
            <Button
              variant="subtle"
              mt="sm"
              onClick={() => {
                setFilters({});
                setSearch('');
              }}
            >
              {t('assets.actions.resetFilters')}
            </Button>
          ) : null}
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="asset-list-heading">
          <ProblemAlert problem={list.error ? toApiError(list.error) : null} mb={list.error ? 'sm' : 0} />
          <SuccessMessage message={notice} mb={notice ? 'sm' : 0} />
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Text fw={600} id="asset-list-heading" aria-live="polite" data-testid="asset-count">
              {first?.total === null || first?.total === undefined
                ? ''
                : first.totalCapped
                  ? t('assets.list.countCapped', { formatted: label.count(first.total) })
                  : t('assets.list.count', { count: first.total, formatted: label.count(first.total) })}
            </Text>
            {canWrite && selected.size ? (
              <Group gap="sm">
                <Text size="sm">{t('assets.list.selected', { count: selected.size })}</Text>
                <Button size="xs" onClick={() => setBulkOpen(true)} data-testid="bulk-edit">
                  {t('assets.actions.bulkEdit')}
                </Button>
                <Button size="xs" variant="subtle" onClick={selection.clear}>
                  {t('assets.actions.clearSelection')}
                </Button>
              </Group>
            ) : null}
          </Group>
          {list.isPending ? (
            <SectionLoader />
          ) : !items.length ? (
            <Text c="dimmed">{filtered ? t('assets.list.empty') : t('assets.list.emptyInventory')}</Text>
          ) : (
            <RegisterTable
              caption={t('assets.list.tableLabel')}
              rows={items}
              columns={columns}
              rowTestId="asset-row"
              testId="asset-table"
              verticalSpacing="xs"
              sort={{ by: sort.sort, dir: sort.dir, onSort: toggleSort, labelOf: (column) => t('assets.list.sortBy', { column }) }}
              selection={
                canWrite
                  ? {
                      ...selection,
                      allLabel: t('assets.list.selectAll'),
                      rowLabel: (a) => t('assets.list.selectRow', { name: a.name }),
                    }
                  : undefined
              }
            />
          )}
          <LoadMore
            shown={items.length ? t('assets.list.shown', { shown: label.count(items.length) }) : ''}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            label={t('assets.actions.loadMore')}
          />
        </Paper>
      </Stack>
      {canWrite ? (
        <BulkEditModal
          opened={bulkOpen}
          selected={selected}
          choices={choices.data}
          onClose={() => setBulkOpen(false)}
          onDone={(count) => {
            setBulkOpen(false);
            selection.clear();
            setNotice(t('assets.bulk.done', { count }));
          }}
        />
      ) : null}
    </>
  );
}
