import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackToRegisterButton } from './risk-labels.tsx';
import { MAX_BANDS, MIN_BANDS, RISK_LEVELS } from '../../shared/risks/risk.schema.ts';
import { useServerErrors } from '../api/use-server-errors.ts';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { type TRiskScaleBody, useRiskScale, useUpdateRiskScale } from './risk.query.ts';

/** One side of the grid: the upper bound of each band but the last, which is everything above. */
function BandBounds({ label, hint, values, onChange, unit, readOnly, testId }: { label: string; hint: string; values: number[]; onChange: (v: number[]) => void; unit: 'perYear' | 'yen'; readOnly: boolean; testId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const format = (n: number) => (unit === 'yen' ? t('risks.export.yenAmount', { n: n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US') }) : t('risks.export.perYear', { n }));
  const set = (i: number, v: number | string) => onChange(values.map((x, j) => (j === i ? Number(v) : x)));
  return (
    <Stack gap="xs" data-testid={testId}>
      <Text fw={500}>{label}</Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4, md: 5 }}>
        {values.map((v, i) => (
          <NumberInput
            key={i}
            label={t('risks.scale.band', { band: i + 1 })}
            value={v}
            min={0}
            decimalScale={unit === 'yen' ? 0 : 3}
            thousandSeparator={unit === 'yen' ? ',' : undefined}
            readOnly={readOnly}
            onChange={(x) => set(i, x)}
          />
        ))}
      </SimpleGrid>
      <Text size="sm">{t('risks.scale.lastBand', { band: values.length + 1, lower: format(values[values.length - 1] ?? 0) })}</Text>
      {readOnly ? null : (
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={values.length >= MAX_BANDS - 1} onClick={() => onChange([...values, (values[values.length - 1] ?? 1) * 2])}>
            {t('risks.scale.addBand')}
          </Button>
          <Button size="xs" variant="subtle" disabled={values.length <= MIN_BANDS - 1} onClick={() => onChange(values.slice(0, -1))}>
            {t('risks.scale.removeBand')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** 評価尺度: the bands of likelihood and impact in amounts, the level thresholds and the review intervals, for the whole register. */
export function RiskScalePage() {
  const { t } = useTranslation();
  const stored = useRiskScale();
  const update = useUpdateRiskScale();
  const [scale, setScale] = useState<TRiskScaleBody | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useServerErrors({ getValues: () => ({}), setErrors: () => undefined });
  const data = stored.data;
  useEffect(() => {
    if (data) setScale(data.scale);
  }, [data?.version, data?.isDefault]);
  const readOnly = !data?.can.update;
  const save = () => {
    if (!scale) return;
    errors.clear();
    setSaved(false);
    update.mutate({ scale, version: data?.version ?? null }, { onSuccess: () => setSaved(true), onError: errors.apply });
  };
  return (
    <>
      <PageHeader
        title={t('risks.scale.title')}
        description={t('risks.scale.description')}
        actions={<BackToRegisterButton />}
      />
      <QueryState query={stored}>
        {scale && data ? (
          <Stack gap="lg">
            {data?.isDefault ? <Alert color="blue">{t('risks.scale.isDefault')}</Alert> : null}
            {readOnly ? <Alert color="gray">{t('risks.scale.readOnly')}</Alert> : null}
            <SectionCard id="bands" title={t('risks.scale.bandsTitle')} description={t('risks.scale.rescoreNote')}>
              <Stack gap="xl">
                <BandBounds
                  testId="likelihood-bands"
                  label={t('risks.scale.likelihood')}
                  hint={t('risks.scale.likelihoodHint')}
                  values={scale.likelihoodUpperPerYear}
                  unit="perYear"
                  readOnly={readOnly}
                  onChange={(v) => setScale({ ...scale, likelihoodUpperPerYear: v })}
                />
                <BandBounds testId="impact-bands" label={t('risks.scale.impact')} hint={t('risks.scale.impactHint')} values={scale.impactUpperYen} unit="yen" readOnly={readOnly} onChange={(v) => setScale({ ...scale, impactUpperYen: v })} />
              </Stack>
            </SectionCard>
            <SectionCard id="levels" title={t('risks.scale.levels')} description={t('risks.scale.criticalAbove', { score: scale.levelUpperScore.high })}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {(['low', 'medium', 'high'] as const).map((level) => (
                  <NumberInput
                    key={level}
                    label={t('risks.scale.levelUpTo', { level: t(`risks.level.${level}`) })}
                    value={scale.levelUpperScore[level]}
                    min={1}
                    max={(scale.likelihoodUpperPerYear.length + 1) * (scale.impactUpperYen.length + 1) - 1}
                    readOnly={readOnly}
                    onChange={(x) => setScale({ ...scale, levelUpperScore: { ...scale.levelUpperScore, [level]: Number(x) } })}
                  />
                ))}
              </SimpleGrid>
            </SectionCard>
            <SectionCard id="review" title={t('risks.scale.reviewMonths')}>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {RISK_LEVELS.map((level) => (
                  <NumberInput
                    key={level}
                    label={t(`risks.level.${level}`)}
                    value={scale.reviewMonths[level]}
                    min={1}
                    max={36}
                    readOnly={readOnly}
                    onChange={(x) => setScale({ ...scale, reviewMonths: { ...scale.reviewMonths, [level]: Number(x) } })}
                  />
                ))}
              </SimpleGrid>
            </SectionCard>
            <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
            {saved ? <Alert color="green">{t('risks.scale.saved')}</Alert> : null}
            {readOnly ? null : (
              <Group>
                <Button onClick={save} loading={update.isPending} data-testid="save-scale">
                  {t('risks.scale.save')}
                </Button>
                <Button variant="default" onClick={() => setScale(data.standard)}>
                  {t('risks.scale.reset')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
