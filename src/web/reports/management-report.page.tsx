import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { PrintableReport } from '../components/printable-report.tsx';
import { ReportBody } from './management-report.body.tsx';
import { reportPdfUrl, useManagementReport } from './report.query.ts';

/**
 * One management report for the executive (経営者向け報告書): an A4 document in
 * Japanese or English (whatever the UI language), printable from the browser
 * and the source of the server's PDF, which opens this page with `print=1`
 * and waits for `data-report-ready`.
 */
export function ManagementReportPage() {
  const { id = '' } = useParams();
  const report = useManagementReport(id);
  return (
    <PrintableReport query={report} keys="reports.report" back="/reports/management" pdfHref={(lang) => reportPdfUrl(id, lang)}>
      {(r, t, lang, timeZone) => (
        <Stack gap="sm">
          <ReportBody r={r} t={t} lang={lang} timeZone={timeZone} />
        </Stack>
      )}
    </PrintableReport>
  );
}
