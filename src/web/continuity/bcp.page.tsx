import { Anchor, Autocomplete, Badge, Button, Group, List, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SCENARIO_STATUSES, type BcpMode, type ScenarioStatus } from '../../shared/continuity/bcp.rules.ts';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { ColumnHeads } from '../components/data-table.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { DialogFooter } from '../components/dialog-footer.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { plain } from './backup-labels.tsx';
import { scenarioRecords, type TBcpGrid, useBcpGrid } from './continuity.query.ts';

export const DRILLS = '/continuity/bcp/drills';
type Cell = TBcpGrid['cells'][number];
const STANDING_COLOR = { unplanned: 'gray', draft: 'yellow', approved: 'blue', exercised: 'green' } as const;

/** One cell's response, owner and status, planned or changed in a dialog. */
function CellDialog({ cell, title, departments, onClose }: { cell: Cell; title: string; departments: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const s = cell.scenario;
  const create = scenarioRecords.useCreate();
  const update = scenarioRecords.useUpdate(s?.id ?? '');
  const remove = scenarioRecords.useDelete();
  const [v, setV] = useState({ response: s?.response ?? '', owner: s?.ownerDepartment?.name ?? '', status: (s?.status ?? 'draft') as ScenarioStatus });
  const k = (key: string) => t(`continuity.bcp.${key}`);
  const body = { response: v.response.trim(), ownerDepartment: v.owner.trim() || null, status: v.status };
  const save = () => (s ? update.mutate({ ...body, version: s.version }, { onSuccess: onClose }) : create.mutate({ mode: cell.mode, disasterTypeId: cell.disasterTypeId, ...body }, { onSuccess: onClose }));
  const error = create.error ?? update.error ?? remove.error;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <Textarea label={k('response')} required autosize minRows={4} maxLength={4000} value={v.response} onChange={(e) => setV({ ...v, response: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Autocomplete label={k('owner')} maxLength={100} data={[...departments]} value={v.owner} onChange={(owner) => setV({ ...v, owner })} />
          <NativeSelect label={k('status')} data={SCENARIO_STATUSES.map((x) => ({ value: x, label: t(`continuity.bcp.statusValue.${x}`) }))} value={v.status} onChange={(e) => setV({ ...v, status: e.currentTarget.value as ScenarioStatus })} />
        </SimpleGrid>
        <ProblemAlert problem={error ? toApiError(error) : null} />
        <DialogFooter
          clear={s ? { label: k('clear'), pending: remove.isPending, onClick: () => remove.mutate(s, { onSuccess: onClose }) } : null}
          cancel={{ label: k('cancel'), onClick: onClose }}
          save={{ label: k('save'), pending: create.isPending || update.isPending, disabled: !v.response.trim(), onClick: save }}
        />
      </Stack>
    </Modal>
  );
}

/** BCP (seed 004 「3段階運用」 × seed 000 V.6.2): the grid of responses, what each mode involves, and the drills. */
export function BcpPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['continuity.write'];
  const grid = useBcpGrid();
  const [editing, setEditing] = useState<{ cell: Cell; title: string } | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const k = (key: string) => t(`continuity.bcp.${key}`);
  const data = grid.data;
  const modeName = (m: BcpMode) => t(`continuity.bcp.mode.${m}`);
  return (
    <>
      <PageHeader
        title={k('title')}
        description={k('description')}
        actions={
          canWrite ? (
            <Button component={Link} to={`${DRILLS}/new`}>
              {t('continuity.drills.new')}
            </Button>
          ) : null
        }
      />
      <QueryState query={grid}>
        {data ? (
          <Stack gap="lg">
            <SectionCard id="grid" title={k('grid')}>
              <Stack gap="sm">
                <Text data-testid="bcp-summary">{t('continuity.bcp.summary', data.summary)}</Text>
                {data.summary.openFindings ? <Text c="orange.8">{t('continuity.bcp.openFindings', { count: data.summary.openFindings })}</Text> : null}
                {!data.modes.length || !data.disasterTypes.length ? <Text>{k('notLoaded')}</Text> : null}
                <Table.ScrollContainer minWidth={760}>
                  <Table withColumnBorders data-testid="bcp-grid">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{k('disaster')}</Table.Th>
                        {data.modes.map((m) => (
                          <Table.Th key={m.mode}>{modeName(m.mode)}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.disasterTypes.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td fw={500} maw={220}>
                            {d.title[lang]}
                          </Table.Td>
                          {data.modes.map((m) => {
                            const cell = data.cells.find((c) => c.mode === m.mode && c.disasterTypeId === d.id)!;
                            const title = t('continuity.bcp.cellLabel', { mode: modeName(m.mode), disaster: d.title[lang] });
                            return (
                              <Table.Td key={m.mode} miw={180} data-testid="bcp-cell">
                                <Stack gap={4}>
                                  <div>
                                    <Badge color={STANDING_COLOR[cell.standing]} variant="light" style={plain}>
                                      {t(`continuity.bcp.standing.${cell.standing}`)}
                                    </Badge>
                                  </div>
                                  {cell.scenario ? (
                                    <Text size="xs" lineClamp={3}>
                                      {cell.scenario.response}
                                    </Text>
                                  ) : null}
                                  {cell.scenario?.ownerDepartment ? (
                                    <Text size="xs" c="dimmed">
                                      {cell.scenario.ownerDepartment.name}
                                    </Text>
                                  ) : null}
                                  {cell.lastDrillOn ? (
                                    <Text size="xs" c="dimmed">
                                      {t('continuity.bcp.lastDrill', { date: cell.lastDrillOn })}
                                    </Text>
                                  ) : null}
                                  {canWrite ? (
                                    <div>
                                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ cell, title })} aria-label={`${k('editCell')}: ${title}`}>
                                        {k('editCell')}
                                      </Button>
                                    </div>
                                  ) : null}
                                </Stack>
                              </Table.Td>
                            );
                          })}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Group gap={0}>
                  <ExportLinks href="/api/v1/bcp/export?table=scenarios" />
                </Group>
              </Stack>
            </SectionCard>
            <SectionCard id="drills" title={t('continuity.drills.list')}>
              {data.drills.length ? (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped>
                    <ColumnHeads headings={[t('continuity.drills.fields.title'), t('continuity.drills.fields.heldOn'), t('continuity.drills.fields.mode'), t('continuity.drills.fields.disasterTypeId'), t('continuity.drills.fields.findings')]} />
                    <Table.Tbody>
                      {data.drills.map((d) => (
                        <Table.Tr key={d.id} data-testid="drill-row">
                          <Table.Td>
                            <Anchor component={Link} to={`${DRILLS}/${d.id}`}>
                              {d.title}
                            </Anchor>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.heldOn}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{modeName(d.mode)}</Table.Td>
                          <Table.Td>{data.disasterTypes.find((x) => x.id === d.disasterTypeId)?.title[lang] ?? ''}</Table.Td>
                          <Table.Td>{t('continuity.drills.findingsCount', { count: d.findings.length })}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : (
                <Text>{t('continuity.drills.empty')}</Text>
              )}
              <Group gap={0} mt="sm">
                <ExportLinks href="/api/v1/bcp/export?table=drills" />
              </Group>
            </SectionCard>
            <SectionCard id="modes" title={k('modeActions')}>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                {data.modes.map((m) => (
                  <Stack key={m.mode} gap={4}>
                    <Text fw={600}>{m.title[lang]}</Text>
                    <List size="sm" spacing={2}>
                      {m.actions.map((a) => (
                        <List.Item key={a.ja}>{a[lang]}</List.Item>
                      ))}
                    </List>
                  </Stack>
                ))}
              </SimpleGrid>
            </SectionCard>
            <SourceCitations sources={data.source} size="xs" />
          </Stack>
        ) : null}
      </QueryState>
      {editing && data ? <CellDialog cell={editing.cell} title={editing.title} departments={data.departments.map((d) => d.name)} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
