import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { formatDate } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { AnswerBadge, pick } from './diagnosis-labels.tsx';
import { useComparison } from './diagnosis.query.ts';

const CHANGE_COLOR = { improved: 'teal', worsened: 'red', changed: 'orange', same: 'gray' } as const;

/** Two assessments of one checklist side by side, item by item (the older on the left). */
export function ComparisonPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const { assessmentId = '' } = useParams();
  const [search] = useSearchParams();
  const comparison = useComparison(assessmentId, search.get('with'));
  const c = comparison.data;
  if (comparison.isPending) return <SectionLoader />;
  if (!c) return <ProblemAlert problem={toApiError(comparison.error)} />;
  const when = (a: typeof c.left) => formatDate(a.submittedAt ?? a.startedAt, locale, timeZone);
  return (
    <>
      <PageHeader
        title={t('diagnosis.compare.title', { checklist: pick(c.checklist.name, locale) })}
        description={t('diagnosis.compare.summary', { improved: c.improved, worsened: c.worsened, changed: c.changed })}
        actions={
          <Button component={Link} to="/diagnosis" variant="default">
            {t('diagnosis.assessment.back')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Table striped withTableBorder fz="sm" data-testid="comparison">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('diagnosis.compare.number')}</Table.Th>
              <Table.Th>{t('diagnosis.compare.item')}</Table.Th>
              <Table.Th w={170}>
                {t('diagnosis.compare.left', { date: when(c.left) })}
                <Text size="xs" c="dimmed">
                  {c.left.score.text[locale]}
                </Text>
              </Table.Th>
              <Table.Th w={170}>
                {t('diagnosis.compare.right', { date: when(c.right) })}
                <Text size="xs" c="dimmed">
                  {c.right.score.text[locale]}
                </Text>
              </Table.Th>
              <Table.Th w={110}>{t('diagnosis.compare.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.items.map((i) => (
              <Table.Tr key={i.id} data-change={i.change}>
                <Table.Td>{i.number ?? '—'}</Table.Td>
                <Table.Td>{i.text[locale]}</Table.Td>
                <Table.Td>
                  <AnswerBadge answer={i.left} t={t} />
                  {i.leftComment ? <Text size="xs" c="dimmed">{i.leftComment}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <AnswerBadge answer={i.right} t={t} />
                  {i.rightComment ? <Text size="xs" c="dimmed">{i.rightComment}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge tt="none" color={CHANGE_COLOR[i.change]} variant={i.change === 'same' ? 'outline' : 'light'} radius="sm">
                      {t(`diagnosis.compare.changes.${i.change}`)}
                    </Badge>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
