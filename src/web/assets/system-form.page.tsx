import { Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONNECTIONS, CRITICALITIES, PLACEMENTS, type TCriticality, type TPlacement, type TStrategy, type TSystemFinding } from '../../shared/schemas/system.schema.ts';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { AssetPicker, LinkPicker } from './link-pickers.tsx';
import { CriticalityBadge, PlacementChange } from './system-labels.tsx';
import { systemRecords, type TSystem, usePortfolio, useSystems } from './system.query.ts';
import { Citation, joinList, pick, ReasonList, usePortfolioFormLabels } from './workload-labels.tsx';
import { useWorkloads } from './workload.query.ts';

interface Values {
  name: string;
  description: string;
  criticality: TCriticality;
  strategy: string;
  effortPersonMonths: number | string;
  rationale: string;
  currentPlacement: TPlacement;
  targetPlacement: string;
  connections: string[];
  workloadIds: string[];
  assetIds: string[];
  dependsOnIds: string[];
}

const EMPTY: Values = {
  name: '',
  description: '',
  criticality: 'medium',
  strategy: '',
  effortPersonMonths: '',
  rationale: '',
  currentPlacement: 'mainframe',
  targetPlacement: '',
  connections: [],
  workloadIds: [],
  assetIds: [],
  dependsOnIds: [],
};

const valuesOf = (s: TSystem): Values => ({
  name: s.name,
  description: s.description,
  criticality: s.criticality,
  strategy: s.strategy ?? '',
  effortPersonMonths: s.effortPersonMonths ?? '',
  rationale: s.rationale,
  currentPlacement: s.currentPlacement,
  targetPlacement: s.targetPlacement ?? '',
  connections: s.connections,
  workloadIds: s.workloads.map((w) => w.id),
  assetIds: s.assets.map((a) => a.id),
  dependsOnIds: s.dependsOn.map((d) => d.id),
});

function bodyOf(v: Values) {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    criticality: v.criticality,
    strategy: (v.strategy || null) as TStrategy | null,
    effortPersonMonths: v.effortPersonMonths === '' ? null : Number(v.effortPersonMonths),
    rationale: v.rationale.trim(),
    currentPlacement: v.currentPlacement,
    targetPlacement: (v.targetPlacement || null) as TPlacement | null,
    connections: CONNECTIONS.filter((c) => v.connections.includes(c)),
    workloadIds: v.workloadIds,
    assetIds: v.assetIds,
    dependsOnIds: v.dependsOnIds,
  };
}

/** A system of the portfolio: its 7R decision with effort and rationale, criticality, placement, connections and links. */
export const SystemFormPage = recordPage(SystemEditor);

function SystemEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const edit = useRegisterRecordEditor(systemRecords, id, { empty: EMPTY, valuesOf, bodyOf, pathOf: (newId) => `/systems/${newId}`, createdMessage: t('systems.created'), savedMessage: t('systems.saved') });
  const { isNew, record: system, editor } = edit;
  const portfolio = usePortfolio();
  const systems = useSystems();
  const workloads = useWorkloads();
  const data = system.data;
  const { form } = editor;
  const labels = usePortfolioFormLabels('systems', data?.name);

  const strategies = portfolio.data?.strategies ?? [];
  const chosen = strategies.find((s) => s.code === form.values.strategy);
  const title = isNew ? t('systems.newTitle') : (data?.name ?? t('systems.title'));
  const systemNames = new Map((systems.data?.items ?? []).map((s) => [s.id, s.name]));

  const findingText = (f: TSystemFinding) =>
    t(`systems.findings.${f.code}`, { systems: joinList((f.systemIds ?? []).map((x) => systemNames.get(x) ?? x), locale) });

  return (
    <RegisterForm
      {...edit}
      title={title}
      description={t('systems.formDescription')}
      listPath="/systems"
      labels={labels}
      canWrite={session.organisation.can['assets.write']}
      needs={portfolio}
      summary={
        data ? (
          <Paper withBorder p="lg" component="section" aria-labelledby="findings-heading" data-testid="findings">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h3" id="findings-heading">
                {t('systems.findingsTitle')}
              </Title>
              <Group gap="xs">
                <CriticalityBadge criticality={data.criticality} />
                <PlacementChange system={data} />
              </Group>
            </Group>
            {data.findings.length ? (
              <ReasonList label={t('systems.findingsTitle')} items={data.findings.map((f, i) => ({ key: `${f.code}-${i}`, tone: f.tone, text: findingText(f), source: f.source }))} />
            ) : (
              <Text size="sm">{t('systems.noFindings')}</Text>
            )}
            {data.dependents.length ? (
              <Text size="sm" mt="sm">
                {t('systems.dependents', { systems: joinList(data.dependents.map((d) => d.name), locale) })}
              </Text>
            ) : null}
          </Paper>
        ) : null
      }
    >
      <SectionCard id="basics" title={t('systems.sections.basics')}>
        <Stack gap="sm">
          <TextInput label={t('systems.fields.name')} required maxLength={200} {...form.getInputProps('name')} />
          <Textarea label={t('systems.fields.description')} autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
          <NativeSelect
            label={t('systems.fields.criticality')}
            description={t('systems.fields.criticalityHint')}
            data={CRITICALITIES.map((c) => ({ value: c, label: t(`systems.criticality.${c}`) }))}
            {...form.getInputProps('criticality')}
          />
        </Stack>
      </SectionCard>

      <SectionCard id="strategy" title={t('systems.sections.strategy')} description={t('systems.sections.strategyHint')}>
        <Stack gap="sm">
          <NativeSelect
            label={t('systems.fields.strategy')}
            data={[{ value: '', label: t('systems.undecided') }, ...strategies.map((s) => ({ value: s.code, label: pick(s.name, locale) }))]}
            {...form.getInputProps('strategy')}
          />
          {chosen?.detail ? (
            <Text size="sm" c="dimmed" data-testid="strategy-detail">
              {pick(chosen.detail, locale)} <Citation source={chosen.source[0] ?? 'FACTS.md 5'} />
            </Text>
          ) : null}
          <NumberInput
            label={t('systems.fields.effort')}
            description={t('systems.fields.effortHint')}
            min={0}
            max={100000}
            decimalScale={1}
            step={0.5}
            allowNegative={false}
            {...form.getInputProps('effortPersonMonths')}
          />
          <Textarea label={t('systems.fields.rationale')} autosize minRows={2} maxLength={4000} {...form.getInputProps('rationale')} />
        </Stack>
      </SectionCard>

      <SectionCard id="placement" title={t('systems.sections.placement')} description={t('systems.sections.placementHint')}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect
              label={t('systems.fields.currentPlacement')}
              data={PLACEMENTS.map((p) => ({ value: p, label: t(`systems.placement.${p}`) }))}
              {...form.getInputProps('currentPlacement')}
            />
            <NativeSelect
              label={t('systems.fields.targetPlacement')}
              data={[{ value: '', label: t('systems.noTarget') }, ...PLACEMENTS.map((p) => ({ value: p, label: t(`systems.placement.${p}`) }))]}
              {...form.getInputProps('targetPlacement')}
            />
          </Group>
          <Checkbox.Group label={t('systems.fields.connections')} description={t('systems.fields.connectionsHint')} {...form.getInputProps('connections')}>
            <Group mt="xs">
              {CONNECTIONS.map((c) => (
                <Checkbox key={c} value={c} label={t(`systems.connection.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Citation source="004_eaa084eda4e01963.txt 「ハイブリッド設計原則」" />
        </Stack>
      </SectionCard>

      <SectionCard id="links" title={t('systems.sections.links')} description={t('systems.sections.linksHint')}>
        <Stack gap="sm">
          <LinkPicker
            label={t('systems.fields.dependsOn')}
            data={(systems.data?.items ?? []).filter((s) => s.id !== id).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('dependsOnIds')}
          />
          <LinkPicker
            label={t('systems.fields.workloads')}
            data={(workloads.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
            {...form.getInputProps('workloadIds')}
          />
          <AssetPicker label={t('systems.fields.assets')} linked={data?.assets} {...form.getInputProps('assetIds')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
}
