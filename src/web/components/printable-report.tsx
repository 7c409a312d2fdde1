import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useReportLanguage } from '../i18n/use-report-language.ts';
import { FullPageLoader } from './full-page-loader.tsx';
import { DocumentLanguageSwitch, useDocumentLanguage } from './language-switch.tsx';
import { ProblemAlert } from './problem-alert.tsx';
import './printable-report.css';

interface PrintableReportProps<R extends { pdfAvailable: boolean }> {
  /** The report's query (TanStack Query's result): its answer, its problem, whether it loads. */
  query: { data?: R; error: unknown; isPending: boolean };
  /** Where the report's words are: `<keys>.title`, `.back`, `.language`, `.print`, `.pdf`, `.noPdf`. */
  keys: string;
  /** The page the back link returns to. */
  back: string;
  pdfHref: (lang: TLocale) => string;
  /** More downloads in the toolbar (a JSON file), in the report's language. */
  extra?: (lang: TLocale, t: TFunction) => ReactNode;
  /** The report itself, written in the report's language with `t`. */
  children: (r: R, t: TFunction, lang: TLocale, timeZone: string) => ReactNode;
}

/**
 * A report for the executive as one A4 document (the diagnosis report, the
 * management report): in Japanese or English whatever the UI language
 * (`?lang=`), with a toolbar to switch it, print it and download its PDF,
 * and without the toolbar when the server's PDF renderer opens it with
 * `print=1` and waits for `data-report-ready`.
 */
export function PrintableReport<R extends { pdfAvailable: boolean }>({ query, keys, back, pdfHref, extra, children }: PrintableReportProps<R>) {
  // Read every part of the query on each render: TanStack Query re-renders the page that owns
  // the query only for the parts read, and a part first read after the messages arrive would
  // never arrive itself (the PDF renderer, whose browser has the report's language still to load).
  const { data, error, isPending } = query;
  const { i18n } = useTranslation();
  const ui = useLocaleAndZone();
  const [search] = useSearchParams();
  const [lang, setLang] = useDocumentLanguage(ui.locale);
  const printing = search.get('print') === '1';
  const messagesReady = useReportLanguage(lang);
  const t = useMemo(() => i18n.getFixedT(lang), [i18n, lang, messagesReady]);
  const r = messagesReady ? data : undefined;
  const k = (key: string) => t(`${keys}.${key}`);

  useEffect(() => {
    document.title = `${t(`${keys}.title`)} | ${t('common.appName')}`;
  }, [t, keys]);

  const state = r ? 'true' : error ? 'error' : 'loading';
  if (!messagesReady) return <FullPageLoader />;
  return (
    <div className="kumoji-report-page">
      {!printing ? (
        <Group className="kumoji-report-toolbar no-print" justify="space-between" wrap="wrap" gap="sm">
          <Anchor component={Link} to={back}>
            {k('back')}
          </Anchor>
          <Group gap="sm">
            <DocumentLanguageSwitch label={k('language')} value={lang} onChange={setLang} />
            <Button onClick={() => window.print()} disabled={!r}>
              {k('print')}
            </Button>
            {r?.pdfAvailable ? (
              <Button component="a" href={pdfHref(lang)} variant="light">
                {k('pdf')}
              </Button>
            ) : null}
            {extra?.(lang, t)}
          </Group>
          {r && !r.pdfAvailable ? (
            <Text size="xs" c="dimmed" w="100%" ta="right">
              {k('noPdf')}
            </Text>
          ) : null}
        </Group>
      ) : null}
      <article className="kumoji-report" lang={lang} data-report-ready={state}>
        {isPending ? <FullPageLoader /> : null}
        {error ? <ProblemAlert problem={toApiError(error)} /> : null}
        {r ? children(r, t, lang, ui.timeZone) : null}
      </article>
    </div>
  );
}

/** The head of a report's first page: the application, the report's title and the organisation, and on the right when and for whom it was made. */
export function ReportMasthead({ t, title, organisation, made, audience }: { t: TFunction; title: string; organisation: string; made: string; audience: string }) {
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('common.appName')}
        </Text>
        <Title order={1} fz={22}>
          {title}
        </Title>
        <Text fw={600}>{organisation}</Text>
      </Stack>
      <Text size="xs" c="dimmed" ta="right">
        {made}
        <br />
        {audience}
      </Text>
    </Group>
  );
}
