import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { ControlEditor } from './control-editor.tsx';
import { type TControlSets, useControlSets } from './control.query.ts';

type Control = TControlSets['sets'][number]['controls'][number];
const plain = { textTransform: 'none' } as const;

function Applicability({ control }: { control: Control }) {
  const { t } = useTranslation();
  const a = control.assessment;
  if (!a) return <Text c="dimmed" size="sm">{t('governance.controls.unassessed')}</Text>;
  return (
    <Badge color={a.applicable ? 'blue' : 'gray'} variant="light" style={plain}>
      {t(`governance.controls.applicability.${a.applicable ? 'applicable' : 'excluded'}`)}
    </Badge>
  );
}

/** 管理策 (seed 004 「政府ガイドラインに基づくセキュリティ管理策」 and the public sets): each set's controls with the organisation's statement of applicability. */
export function ControlPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const canWrite = useOrganisationSession().organisation.can['governance.write'];
  const sets = useControlSets();
  const [editing, setEditing] = useState<string | null>(null);
  const data = sets.data;
  const current = data?.sets.flatMap((s) => s.controls).find((c) => c.itemId === editing) ?? null;
  const f = (key: string) => t(`governance.controls.fields.${key}`);
  return (
    <>
      <PageHeader
        title={t('governance.controls.title')}
        description={t('governance.controls.description')}
        actions={
          <ExportLinks
            href="/api/v1/controls/export"
            formats={[
              { format: 'csv', label: t('governance.controls.exportCsv') },
              { format: 'xlsx', label: t('governance.controls.exportXlsx') },
              { format: 'json', label: t('governance.controls.exportJson') },
            ]}
          />
        }
      />
      <QueryState query={sets}>
        {data ? (
          <Stack gap="lg">
            <Text data-testid="controls-summary">{t('governance.controls.summary', data.summary)}</Text>
            {data.sets.map((set) => (
              <SectionCard
                key={set.key}
                id={`set-${set.key}`}
                title={set.name[locale]}
                description={[t('governance.controls.setSummary', set.summary), set.summary.implementedPercent === null ? null : t('governance.controls.setPercent', { percent: set.summary.implementedPercent })].filter(Boolean).join(' · ')}
              >
                <Table.ScrollContainer minWidth={760}>
                  <Table verticalSpacing="xs" data-testid={`control-set-${set.key}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{f('control')}</Table.Th>
                        <Table.Th scope="col">{f('applicable')}</Table.Th>
                        <Table.Th scope="col">{f('status')}</Table.Th>
                        <Table.Th scope="col">{f('owner')}</Table.Th>
                        <Table.Th scope="col">{f('dueOn')}</Table.Th>
                        <Table.Th scope="col">{f('evidence')}</Table.Th>
                        <Table.Th scope="col" />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {set.controls.map((c) => (
                        <Table.Tr key={c.itemId} data-testid="control-row">
                          <Table.Td miw={260}>
                            <Text size="sm">{c.code ? `${c.code} ${c.name[locale]}` : c.name[locale]}</Text>
                          </Table.Td>
                          <Table.Td miw={110} style={{ whiteSpace: 'nowrap' }}>
                            <Applicability control={c} />
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.assessment ? t(`governance.controls.status.${c.assessment.status}`) : ''}</Table.Td>
                          <Table.Td>{c.assessment?.ownerDepartment?.name ?? ''}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {c.assessment?.dueOn ?? ''}
                            {c.assessment?.overdue ? (
                              <Badge ml={4} color="red" variant="light" size="sm" style={plain}>
                                {t('governance.controls.overdue')}
                              </Badge>
                            ) : null}
                          </Table.Td>
                          <Table.Td ta="right">{c.assessment?.evidence.length || ''}</Table.Td>
                          <Table.Td>
                            <Button size="xs" variant="light" onClick={() => setEditing(c.itemId)} aria-label={`${c.assessment ? t('governance.controls.edit') : t('governance.controls.assess')}: ${c.name[locale]}`}>
                              {c.assessment ? t('governance.controls.edit') : t('governance.controls.assess')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </SectionCard>
            ))}
          </Stack>
        ) : null}
      </QueryState>
      {current && data ? <ControlEditor key={current.itemId} control={current} departments={data.departments.map((d) => d.name)} canWrite={current.assessment ? current.assessment.can.update : canWrite} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
