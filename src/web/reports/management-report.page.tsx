import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { DocumentLanguageSwitch, useDocumentLanguage } from '../components/language-switch.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useReportLanguage } from '../i18n/use-report-language.ts';
import { ReportBody } from './management-report.body.tsx';
import { reportPdfUrl, useManagementReport } from './report.query.ts';
import '../components/printable-report.css';

/**
 * One management report for the executive (経営者向け報告書): an A4 document in
 * Japanese or English (whatever the UI language), printable from the browser
 * and the source of the server's PDF, which opens this page with `print=1`
 * and waits for `data-report-ready`.
 */
export function ManagementReportPage() {
  const { i18n } = useTranslation();
  const ui = useLocaleAndZone();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const [lang, setLang] = useDocumentLanguage(ui.locale);
  const printing = search.get('print') === '1';
  const messagesReady = useReportLanguage(lang);
  const t = useMemo(() => i18n.getFixedT(lang), [i18n, lang, messagesReady]);
  const report = useManagementReport(id);
  const r = messagesReady ? report.data : undefined;

  useEffect(() => {
    document.title = `${t('reports.report.title')} | ${t('common.appName')}`;
  }, [t]);

  const state = r ? 'true' : report.error ? 'error' : 'loading';
  if (!messagesReady) return <FullPageLoader />;
  return (
    <div className="kumoji-report-page">
      {!printing ? (
        <Group className="kumoji-report-toolbar no-print" justify="space-between" wrap="wrap" gap="sm">
          <Anchor component={Link} to="/reports/management">
            {t('reports.report.back')}
          </Anchor>
          <Group gap="sm">
            <DocumentLanguageSwitch label={t('reports.report.language')} value={lang} onChange={setLang} />
            <Button onClick={() => window.print()} disabled={!r}>
              {t('reports.report.print')}
            </Button>
            {r?.pdfAvailable ? (
              <Button component="a" href={reportPdfUrl(id, lang)} variant="light">
                {t('reports.report.pdf')}
              </Button>
            ) : null}
          </Group>
          {r && !r.pdfAvailable ? (
            <Text size="xs" c="dimmed" w="100%" ta="right">
              {t('reports.report.noPdf')}
            </Text>
          ) : null}
        </Group>
      ) : null}
      <article className="kumoji-report" lang={lang} data-report-ready={state}>
        {report.isPending ? <FullPageLoader /> : null}
        {report.error ? <ProblemAlert problem={toApiError(report.error)} /> : null}
        {r ? (
          <Stack gap="sm">
            <ReportBody r={r} t={t} lang={lang} timeZone={ui.timeZone} />
          </Stack>
        ) : null}
      </article>
    </div>
  );
}
