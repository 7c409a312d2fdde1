import { Badge, Button, MultiSelect, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AT_REST, DATA_CLASSES, KEY_MANAGEMENT, TLS_MINIMUMS, type AtRest, type DataClass, type KeyManagement, type TlsMinimum } from '../../shared/governance/data-protection.rules.ts';
import type { TCreateDataStoreRequest } from '../../shared/governance/data-store.schema.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { FindingActions } from '../components/finding-actions.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { storeRecords, type TDataStore, useAssetSearch, useDataStores, useOpenStoreFindings } from './data-store.query.ts';

const LIST = '/governance/data-stores';
const plain = { textTransform: 'none' } as const;

/** What a store lacks for its class, or that it lacks nothing. */
function Gaps({ gaps }: { gaps: TDataStore['gaps'] }) {
  const { t } = useTranslation();
  if (!gaps.length)
    return (
      <Badge color="green" variant="light" style={plain}>
        {t('governance.dataStores.noGaps')}
      </Badge>
    );
  return (
    <Stack gap={2}>
      {gaps.map((g) => (
        <Badge key={g} color="orange" variant="light" style={plain}>
          {t(`governance.dataStores.gap.${g}`)}
        </Badge>
      ))}
    </Stack>
  );
}

/** The corrective actions a store's gaps were opened as, and the button that opens the rest. */
function StoreActions({ store }: { store: TDataStore }) {
  const { t } = useTranslation();
  const open = useOpenStoreFindings(store.id);
  return (
    <FindingActions
      title={t('governance.dataStores.actionsTitle')}
      empty={t('governance.dataStores.noActions')}
      openLabel={t('governance.dataStores.openFindings')}
      actions={store.actions}
      canOpen={store.can.update && store.gaps.length > 0}
      open={{ mutate: () => open.mutate({ version: store.version }), isPending: open.isPending, error: open.error }}
      testId="store-actions"
    />
  );
}

/** データ保護と暗号化 (seed 004): each data store's class and what its protection lacks for it. */
export function DataStoreListPage() {
  const { t } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['governance.write'];
  const stores = useDataStores();
  const data = stores.data;
  const f = (key: string) => t(`governance.dataStores.fields.${key}`);
  const cls = (c: string | null) => (c ? t(`governance.dataStores.class.${c}`) : '');
  const columns: RegisterColumn<TDataStore>[] = [
    nameColumn({ key: 'name', header: f('name'), path: LIST, name: (s) => s.name, minWidth: 180 }),
    { key: 'location', header: f('location'), cell: (s) => s.location },
    { key: 'class', header: f('effectiveClass'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (s) => cls(s.effectiveClass) },
    { key: 'atRest', header: f('atRest'), cell: (s) => t(`governance.dataStores.atRest.${s.atRest}`) },
    { key: 'tls', header: f('tlsMinimum'), cell: (s) => t(`governance.dataStores.tls.${s.tlsMinimum}`) },
    { key: 'keys', header: f('keyManagement'), cell: (s) => t(`governance.dataStores.keys.${s.keyManagement}`) },
    { key: 'gaps', header: f('gaps'), cellProps: { miw: 220 }, cell: (s) => <Gaps gaps={s.gaps} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('governance.dataStores.title')}
        description={t('governance.dataStores.description')}
        actions={
          <>
            <ExportLinks
              href="/api/v1/data-stores/export"
              formats={[
                { format: 'csv', label: t('governance.dataStores.exportCsv') },
                { format: 'xlsx', label: t('governance.dataStores.exportXlsx') },
                { format: 'json', label: t('governance.dataStores.exportJson') },
              ]}
            />
            {canWrite ? (
              <Button component={Link} to={`${LIST}/new`}>
                {t('governance.dataStores.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <RegisterList
          query={stores}
          caption={t('governance.dataStores.title')}
          empty={t('governance.dataStores.empty')}
          banner={data && data.items.length ? <Text data-testid="stores-summary">{t('governance.dataStores.summary', { stores: data.summary.stores, high: data.summary.high, gaps: data.summary.withGaps })}</Text> : null}
          rows={data?.items ?? []}
          columns={columns}
          rowTestId="store-row"
        />
        {data ? <SourceCitations sources={data.source} size="xs" /> : null}
      </Stack>
    </>
  );
}

type Values = { name: string; location: string; classification: DataClass | ''; atRest: AtRest; tlsMinimum: TlsMinimum; keyManagement: KeyManagement; assetIds: string[]; notes: string };
const EMPTY: Values = { name: '', location: '', classification: '', atRest: 'unknown', tlsMinimum: 'unknown', keyManagement: 'unknown', assetIds: [], notes: '' };
const valuesOf = (s: TDataStore): Values => ({ name: s.name, location: s.location, classification: s.classification ?? '', atRest: s.atRest, tlsMinimum: s.tlsMinimum, keyManagement: s.keyManagement, assetIds: s.assets.map((a) => a.id), notes: s.notes });
const bodyOf = (v: Values): TCreateDataStoreRequest => ({ name: v.name.trim(), location: v.location.trim(), classification: v.classification || null, atRest: v.atRest, tlsMinimum: v.tlsMinimum, keyManagement: v.keyManagement, assetIds: v.assetIds, notes: v.notes.trim() });

/** A data store: where it is, its class, the assets it holds, and its encryption at rest, TLS and keys. */
export const DataStoreFormPage = recordPage(function DataStoreEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const stores = useDataStores();
  const [search, setSearch] = useState('');
  const hits = useAssetSearch(search);
  const edit = useRegisterRecordEditor(storeRecords, id, {
    empty: EMPTY,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `${LIST}/${newId}`,
    createdMessage: t('governance.dataStores.created'),
    savedMessage: t('governance.dataStores.saved'),
  });
  const { isNew, record: store, editor } = edit;
  const { form } = editor;
  const data = store.data;
  const f = (key: string) => t(`governance.dataStores.fields.${key}`);
  const choices = new Map<string, string>([...(data?.assets ?? []).map((a) => [a.id, a.name] as const), ...(hits.data?.items ?? []).map((a) => [a.id, a.name] as const)]);
  const options = <V extends string>(values: readonly V[], prefix: string) => values.map((v) => ({ value: v, label: t(`governance.dataStores.${prefix}.${v}`) }));
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('governance.dataStores.new') : (data?.name ?? t('governance.dataStores.title'))}
      description={t('governance.dataStores.description')}
      listPath={LIST}
      labels={registerFormLabels(t, 'governance.dataStores', { name: data?.name ?? '' })}
      canWrite={data ? data.can.update : session.organisation.can['governance.write']}
      needs={stores}
      after={data ? <StoreActions store={data} /> : null}
      summary={
        data ? (
          <Stack gap={4} data-testid="store-summary">
            <Text size="sm">{`${f('effectiveClass')}: ${data.effectiveClass ? t(`governance.dataStores.class.${data.effectiveClass}`) : '—'}`}</Text>
            <Gaps gaps={data.gaps} />
          </Stack>
        ) : null
      }
    >
      <SectionCard id="store" title={t('governance.dataStores.section')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={f('name')} required maxLength={200} {...form.getInputProps('name')} />
            <TextInput label={f('location')} maxLength={200} {...form.getInputProps('location')} />
          </SimpleGrid>
          <NativeSelect label={f('classification')} data={[{ value: '', label: t('governance.dataStores.class.none') }, ...options(DATA_CLASSES, 'class')]} {...form.getInputProps('classification')} />
          <MultiSelect
            label={f('assets')}
            description={t('governance.dataStores.assetsHint')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            data={[...choices].map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('assetIds')}
          />
          <Textarea label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
      <SectionCard id="protection" title={t('governance.dataStores.protectionSection')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label={f('atRest')} data={options(AT_REST, 'atRest')} {...form.getInputProps('atRest')} />
          <NativeSelect label={f('tlsMinimum')} data={options(TLS_MINIMUMS, 'tls')} {...form.getInputProps('tlsMinimum')} />
          <NativeSelect label={f('keyManagement')} data={options(KEY_MANAGEMENT, 'keys')} {...form.getInputProps('keyManagement')} />
        </SimpleGrid>
      </SectionCard>
    </RegisterForm>
  );
});
