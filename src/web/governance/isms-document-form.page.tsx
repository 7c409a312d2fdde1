import { Autocomplete, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_REVIEW_MONTHS, DOCUMENT_STATUSES, REVIEW_MONTHS_MAX, type DocumentStatus } from '../../shared/governance/isms-document.rules.ts';
import type { TCreateIsmsDocumentRequest } from '../../shared/governance/isms-document.schema.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { StandingBadge } from './isms-document-labels.tsx';
import { documentRecords, type TIsmsDocument, type TIsmsDocumentList, useIsmsDocuments } from './isms-document.query.ts';

type Values = {
  title: string;
  ownerDepartment: string;
  documentVersion: string;
  status: DocumentStatus;
  approvedOn: string;
  lastReviewedOn: string;
  reviewIntervalMonths: number | string;
  location: string;
  notes: string;
};

const BLANK: Values = { title: '', ownerDepartment: '', documentVersion: '', status: 'draft', approvedOn: '', lastReviewedOn: '', reviewIntervalMonths: DEFAULT_REVIEW_MONTHS, location: '', notes: '' };

const valuesOf = (d: TIsmsDocument): Values => ({
  title: d.title,
  ownerDepartment: d.ownerDepartment?.name ?? '',
  documentVersion: d.documentVersion,
  status: d.status,
  approvedOn: d.approvedOn ?? '',
  lastReviewedOn: d.lastReviewedOn ?? '',
  reviewIntervalMonths: d.reviewIntervalMonths,
  location: d.location,
  notes: d.notes,
});

const fieldsOf = (v: Values) => ({
  title: v.title.trim(),
  ownerDepartment: v.ownerDepartment.trim() || null,
  documentVersion: v.documentVersion.trim(),
  status: v.status,
  approvedOn: v.approvedOn || null,
  lastReviewedOn: v.lastReviewedOn || null,
  reviewIntervalMonths: v.reviewIntervalMonths === '' ? (undefined as unknown as number) : Number(v.reviewIntervalMonths),
  location: v.location.trim(),
  notes: v.notes.trim(),
});

/** The seed's document a new record starts from (`?item=`), when the link named one the organisation has not registered. */
function seedDocument(list: TIsmsDocumentList, itemId: string | null) {
  for (const table of list.coverage?.tables ?? []) {
    const item = table.missing.find((m) => m.itemId === itemId);
    if (item) return { item, table };
  }
  return null;
}

function DocumentEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const [params] = useSearchParams();
  const documents = useIsmsDocuments();
  const list = documents.data;
  const seed = id || !list ? null : seedDocument(list, params.get('item'));
  const bodyOf = (v: Values): TCreateIsmsDocumentRequest => (id ? fieldsOf(v) : { ...fieldsOf(v), catalogItemId: seed?.item.itemId ?? null });
  const edit = useRegisterRecordEditor(documentRecords, id, {
    empty: BLANK,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `/governance/documents/${newId}`,
    createdMessage: t('governance.documents.created'),
    savedMessage: t('governance.documents.saved'),
  });
  const { isNew, record: document, editor } = edit;
  const { form } = editor;
  // A document of the seed's tables starts with its name once the list has said which one it is.
  const seedTitle = seed?.item.name[locale] ?? '';
  useEffect(() => {
    if (seedTitle && !form.getValues().title) form.setFieldValue('title', seedTitle);
  }, [seedTitle]);
  const f = (key: string) => t(`governance.documents.fields.${key}`);
  const data = document.data;
  const fromSeed = data?.catalogItem ? { name: data.catalogItem.name[locale], table: data.catalogItem.table[locale], source: data.catalogItem.source } : seed ? { name: seed.item.name[locale], table: seed.table.name[locale], source: seed.table.source } : null;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('governance.documents.new') : (data?.title ?? t('governance.documents.title'))}
      description={t('governance.documents.description')}
      listPath="/governance/documents"
      labels={registerFormLabels(t, 'governance.documents', { title: data?.title ?? '' })}
      canWrite={data ? data.can.update : session.organisation.can['governance.write']}
      needs={documents}
      summary={
        data ? (
          <Group gap="sm" data-testid="document-summary">
            <StandingBadge standing={data.standing} />
            {data.nextReviewOn ? <Text size="sm">{`${f('nextReviewOn')}: ${data.nextReviewOn}`}</Text> : null}
          </Group>
        ) : null
      }
    >
      <SectionCard id="document" title={t('governance.documents.section')}>
        <Stack gap="sm">
          {fromSeed ? (
            <Text size="sm" component="div">
              {t('governance.documents.fromSeed', { table: fromSeed.table, name: fromSeed.name })}
              <SourceCitations sources={fromSeed.source} size="xs" />
            </Text>
          ) : null}
          <TextInput label={f('title')} required maxLength={200} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete label={f('owner')} description={t('governance.documents.ownerHint')} maxLength={100} data={list?.departments.map((d) => d.name) ?? []} {...form.getInputProps('ownerDepartment')} />
            <TextInput label={f('documentVersion')} maxLength={20} {...form.getInputProps('documentVersion')} />
          </SimpleGrid>
          <TextInput label={f('location')} maxLength={500} {...form.getInputProps('location')} />
          <Textarea label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
      <SectionCard id="review" title={t('governance.documents.reviewSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={f('status')} data={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`governance.documents.status.${s}`) }))} {...form.getInputProps('status')} />
          <TextInput type="date" label={f('approvedOn')} {...form.getInputProps('approvedOn')} />
          <TextInput type="date" label={f('lastReviewedOn')} {...form.getInputProps('lastReviewedOn')} />
          <NumberInput label={f('reviewIntervalMonths')} description={t('governance.documents.intervalHint')} min={1} max={REVIEW_MONTHS_MAX} {...form.getInputProps('reviewIntervalMonths')} />
        </SimpleGrid>
      </SectionCard>
    </RegisterForm>
  );
}

/** A document of the registry; its form waits for the list (the departments and the seed's tables it offers). */
export const IsmsDocumentFormPage = recordPage(DocumentEditor);
