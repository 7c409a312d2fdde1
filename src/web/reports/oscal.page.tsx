import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OSCAL_POAM_URL, OSCAL_PROFILE_URL, OSCAL_RESULTS_URL, oscalCatalogUrl, type TOscalStatus } from '../../shared/reports/oscal.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { DataTable } from '../components/data-table.tsx';
import { DocumentLanguageSwitch, useDocumentLanguage } from '../components/language-switch.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOscalStatus } from './report.query.ts';

/** A document's download in the chosen language; without `href` it is not offered, and `why` says why. */
function Download({ href, lang, label, why }: { href: string | null; lang: TLocale; label: string; why?: string }) {
  const { t } = useTranslation();
  if (!href) {
    return (
      <Text size="sm" c="dimmed">
        {why}
      </Text>
    );
  }
  return (
    <Button component="a" href={`${href}?lang=${lang}`} download variant="light" size="xs" aria-label={label}>
      {t('reports.oscalPage.download')} (JSON)
    </Button>
  );
}

/**
 * The NIST OSCAL documents (OSCAL 1.1.2, JSON) for auditors and GRC tools:
 * the catalog of each control set, and the organisation's profile
 * (statement of applicability), assessment results and POA&M, with what
 * each holds now, in Japanese or English whatever the UI language.
 */
export function OscalPage() {
  const { t } = useTranslation();
  const ui = useLocaleAndZone().locale;
  const [lang, setLang] = useDocumentLanguage(ui);
  const status = useOscalStatus();
  const data: TOscalStatus | undefined = status.data;
  const n = (v: number) => formatNumber(v, ui);
  const loaded = data?.sets.filter((s) => s.catalogVersion !== null) ?? [];
  const sum = (k: 'controls' | 'judged' | 'excluded') => loaded.reduce((total, s) => total + s[k], 0);
  const download = t('reports.oscalPage.download');
  return (
    <>
      <PageHeader title={t('reports.oscalPage.title')} description={t('reports.oscalPage.description')} />
      <Stack gap="lg">
        <Group gap="sm">
          <Text size="sm">{t('reports.oscalPage.language')}</Text>
          <DocumentLanguageSwitch label={t('reports.oscalPage.language')} value={lang} onChange={setLang} />
        </Group>
        <QueryState query={status}>
          {data ? (
            <>
              <SectionCard id="oscal-organisation" title={t('reports.oscalPage.organisation.title')} description={t('reports.oscalPage.organisation.description')}>
                <DataTable caption={t('reports.oscalPage.organisation.title')} columns={[t('reports.oscalPage.document'), t('reports.oscalPage.holds'), t('reports.oscalPage.file')]} data-testid="oscal-documents">
                  <Table.Tr>
                    <Table.Td>{t('reports.oscalPage.profile.name')}</Table.Td>
                    <Table.Td>{t('reports.oscalPage.profile.holds', { sets: n(loaded.length), controls: n(sum('controls')), excluded: n(sum('excluded')) })}</Table.Td>
                    <Table.Td>
                      <Download href={loaded.length ? OSCAL_PROFILE_URL : null} lang={lang} label={`${download}: ${t('reports.oscalPage.profile.name')}`} why={t('reports.oscalPage.noSets')} />
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('reports.oscalPage.results.name')}</Table.Td>
                    <Table.Td>
                      {t('reports.oscalPage.results.holds', { judged: n(sum('judged')), controls: n(sum('controls')) })}{' '}
                      <Anchor component={Link} to="/governance/controls" size="sm">
                        {t('reports.oscalPage.results.link')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Download href={OSCAL_RESULTS_URL} lang={lang} label={`${download}: ${t('reports.oscalPage.results.name')}`} />
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('reports.oscalPage.poam.name')}</Table.Td>
                    <Table.Td>
                      {t('reports.oscalPage.poam.holds', { count: data.openActions, n: n(data.openActions) })}{' '}
                      <Anchor component={Link} to="/corrective-actions" size="sm">
                        {t('reports.oscalPage.poam.link')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Download href={data.openActions ? OSCAL_POAM_URL : null} lang={lang} label={`${download}: ${t('reports.oscalPage.poam.name')}`} why={t('reports.oscalPage.poam.none')} />
                    </Table.Td>
                  </Table.Tr>
                </DataTable>
              </SectionCard>
              <SectionCard id="oscal-catalogs" title={t('reports.oscalPage.catalogs.title')} description={t('reports.oscalPage.catalogs.description')}>
                <DataTable
                  caption={t('reports.oscalPage.catalogs.title')}
                  columns={[t('reports.oscalPage.catalogs.set'), t('reports.oscalPage.catalogs.version'), t('reports.oscalPage.catalogs.controls'), t('reports.oscalPage.catalogs.judged'), t('reports.oscalPage.file')]}
                  data-testid="oscal-catalogs"
                >
                  {data.sets.map((s) => (
                    <Table.Tr key={s.key}>
                      <Table.Td>{s.name[ui]}</Table.Td>
                      <Table.Td>{s.catalogVersion === null ? '—' : t('reports.oscalPage.catalogs.versionOf', { version: s.catalogVersion })}</Table.Td>
                      <Table.Td>{n(s.controls)}</Table.Td>
                      <Table.Td>{t('reports.oscalPage.catalogs.judgedOf', { judged: n(s.judged), excluded: n(s.excluded) })}</Table.Td>
                      <Table.Td>
                        <Download href={s.catalogVersion === null ? null : oscalCatalogUrl(s.key)} lang={lang} label={`${download}: ${s.name[ui]}`} why={t('reports.oscalPage.catalogs.notLoaded')} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </SectionCard>
              <Text size="sm" c="dimmed">
                {t('reports.oscalPage.about', { version: data.version })}
              </Text>
            </>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}
