import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TREATMENTS } from '../../shared/risks/risk.schema.ts';
import { PageHeader } from '../components/page-header.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { RatingBadge, yen } from './risk-labels.tsx';
import { type TRisk, useRisks } from './risk.query.ts';

/** The risk register (リスク登録簿), highest residual risk first. */
export function RiskListPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const [treatment, setTreatment] = useState('');
  const risks = useRisks({ treatment: treatment || undefined });
  const items = risks.data?.items ?? [];
  const columns: RegisterColumn<TRisk>[] = [
    nameColumn({ key: 'title', header: t('risks.fields.title'), path: '/risks', name: (r) => r.title, minWidth: 180 }),
    { key: 'threat', header: t('risks.fields.threat'), cell: (r) => (r.threat ? (locale === 'ja' ? r.threat.ja : r.threat.en) : <Text c="dimmed">—</Text>) },
    { key: 'inherent', header: t('risks.inherent'), cell: (r) => <RatingBadge rating={r.ratings.inherent} /> },
    { key: 'residual', header: t('risks.residual'), cell: (r) => <RatingBadge rating={r.ratings.residual} /> },
    { key: 'ale', header: t('risks.aleTreated'), numeric: true, cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (r) => yen(r.aleYen.treated, locale) },
    { key: 'treatment', header: t('risks.fields.treatment'), cell: (r) => t(`risks.treatment.${r.treatment}`) },
    { key: 'owner', header: t('risks.fields.owner'), cell: (r) => r.ownerName ?? <Text c="dimmed">—</Text> },
    {
      key: 'status',
      header: t('risks.fields.status'),
      cellProps: { style: { whiteSpace: 'nowrap' } },
      // An acceptance holds until its date (ISO/IEC 27001 6.1.3 f); once past, the risk needs the owner's decision again.
      cell: (r) =>
        r.acceptance && r.status === 'accepted' ? (
          <Text size="sm" c={r.acceptance.expired ? 'red' : undefined} data-testid="acceptance-status">
            {t(r.acceptance.expired ? 'risks.acceptanceExpired' : 'risks.acceptedUntil', { date: r.acceptance.expiresOn })}
          </Text>
        ) : (
          t(`risks.status.${r.status}`)
        ),
    },
    { key: 'review', header: t('risks.fields.nextReview'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (r) => <Text c={r.reviewOverdue ? 'red' : undefined}>{r.nextReviewOn}</Text> },
  ];
  return (
    <>
      <PageHeader
        title={t('risks.title')}
        description={t('risks.description')}
        actions={
          <Group>
            <Button variant="default" component={Link} to="/risks/threats">
              {t('risks.threats.title')}
            </Button>
            <Button variant="default" component={Link} to="/risks/analysis">
              {t('risks.analysis.title')}
            </Button>
            <Button variant="default" component={Link} to="/risks/insurance">
              {t('risks.insurance.title')}
            </Button>
            <Button variant="default" component={Link} to="/risks/scale">
              {t('risks.scale.title')}
            </Button>
            <ExportLinks
              href="/api/v1/risks/export"
              formats={[
                { format: 'csv', label: t('risks.export.csv') },
                { format: 'xlsx', label: t('risks.export.xlsx') },
              ]}
            />
            {session.organisation.can['risks.write'] ? (
              <Button component={Link} to="/risks/new">
                {t('risks.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <RegisterList
        query={risks}
        caption={t('risks.listTitle')}
        empty={t('risks.empty')}
        rows={items}
        columns={columns}
        rowTestId="risk-row"
        banner={
          <NativeSelect
            w={240}
            label={t('risks.fields.treatment')}
            value={treatment}
            onChange={(e) => setTreatment(e.currentTarget.value)}
            data={[{ value: '', label: t('risks.allTreatments') }, ...TREATMENTS.map((x) => ({ value: x, label: t(`risks.treatment.${x}`) }))]}
          />
        }
      />
    </>
  );
}
