import { Alert, Group, NativeSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedDowntimeHours, availabilityFor, parallelAvailability, serialAvailability, SLA_PERIODS, type SlaPeriod, slaFindings } from '../../shared/providers/sla.rules.ts';
import { PageHeader } from '../components/page-header.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { figure, ProviderLinks, slaFindingText } from './provider-labels.tsx';

const percentOrNull = (v: number | string) => (v === '' || Number(v) < 0 || Number(v) > 100 ? null : Number(v));
const hoursOrNull = (v: number | string) => (v === '' || Number(v) < 0 ? null : Number(v));

/** Availability and downtime both ways, services in series and in parallel, and requirements checked against each other (FACTS.md 5). */
export function SlaCalculatorPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const [availability, setAvailability] = useState<number | string>(99.7);
  const [downtime, setDowntime] = useState<number | string>(12);
  const [downtimePeriod, setDowntimePeriod] = useState<SlaPeriod>('year');
  const [mode, setMode] = useState<'serial' | 'parallel'>('serial');
  const [parts, setParts] = useState<string[]>(['99.95', '99.9']);
  const [check, setCheck] = useState<{ availability: number | string; downtime: number | string; recovery: number | string; period: SlaPeriod }>({ availability: 99.7, downtime: 12, recovery: 24, period: 'year' });

  const a = percentOrNull(availability);
  const d = hoursOrNull(downtime);
  const needed = d === null ? null : availabilityFor(d, downtimePeriod);
  const numbers = parts.map(Number).filter((x) => Number.isFinite(x) && x >= 0 && x <= 100);
  const combined = numbers.length ? (mode === 'serial' ? serialAvailability(numbers) : parallelAvailability(numbers)) : null;
  const findings = slaFindings({ availabilityPercent: percentOrNull(check.availability), maxDowntimeHours: hoursOrNull(check.downtime), recoveryHours: hoursOrNull(check.recovery), period: check.period });
  const periods = SLA_PERIODS.map((p) => ({ value: p, label: t(`providers.fit.periods.${p}`) }));
  const hours = (x: number) => figure(x, locale, 2);

  return (
    <>
      <PageHeader title={t('providers.sla.title')} description={t('providers.sla.description')} actions={<Group><ProviderLinks except="sla" /></Group>} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SectionCard id="to-downtime" title={t('providers.sla.toDowntime')}>
            <Stack gap="sm">
              <NumberInput label={t('providers.sla.availability')} min={0} max={100} decimalScale={5} value={availability} onChange={setAvailability} data-testid="sla-availability" />
              {a === null ? null : (
                <Stack gap={2} data-testid="sla-allowed">
                  <Text>{t('providers.sla.allowedPerYear', { hours: hours(allowedDowntimeHours(a, 'year')), days: figure(allowedDowntimeHours(a, 'year') / 24, locale, 2) })}</Text>
                  <Text>{t('providers.sla.allowedPerMonth', { hours: hours(allowedDowntimeHours(a, 'month')), minutes: figure(allowedDowntimeHours(a, 'month') * 60, locale, 1) })}</Text>
                </Stack>
              )}
            </Stack>
          </SectionCard>
          <SectionCard id="to-availability" title={t('providers.sla.toAvailability')}>
            <Stack gap="sm">
              <Group grow align="flex-end">
                <NumberInput label={t('providers.sla.downtime')} min={0} decimalScale={3} value={downtime} onChange={setDowntime} data-testid="sla-downtime" />
                <NativeSelect label={t('providers.sla.period')} data={periods} value={downtimePeriod} onChange={(e) => setDowntimePeriod(e.currentTarget.value as SlaPeriod)} />
              </Group>
              {d === null ? null : needed === null ? (
                <Text c="red">{t('providers.sla.downtimeTooLong')}</Text>
              ) : (
                <Text data-testid="sla-needed">{t('providers.sla.availabilityNeeded', { pct: figure(needed, locale) })}</Text>
              )}
            </Stack>
          </SectionCard>
        </SimpleGrid>
        <SectionCard id="combine" title={t('providers.sla.combine')}>
          <Stack gap="sm">
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v as 'serial' | 'parallel')}
              data={[
                { value: 'serial', label: t('providers.sla.serial') },
                { value: 'parallel', label: t('providers.sla.parallel') },
              ]}
            />
            <TagsInput label={t('providers.sla.parts')} description={t('providers.sla.partsHint')} value={parts} onChange={setParts} maxTags={20} />
            {combined === null ? null : (
              <Text fw={500} data-testid="sla-combined">
                {t('providers.sla.combined', { pct: figure(combined, locale, 4) })} · {t('providers.sla.allowedPerYear', { hours: hours(allowedDowntimeHours(combined, 'year')), days: figure(allowedDowntimeHours(combined, 'year') / 24, locale, 2) })}
              </Text>
            )}
          </Stack>
        </SectionCard>
        <SectionCard id="check" title={t('providers.sla.check')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NumberInput label={t('providers.sla.availability')} min={0} max={100} decimalScale={5} value={check.availability} onChange={(v) => setCheck({ ...check, availability: v })} />
              <NumberInput label={t('providers.sla.maxDowntimeHours')} min={0} decimalScale={3} value={check.downtime} onChange={(v) => setCheck({ ...check, downtime: v })} />
              <NativeSelect label={t('providers.sla.period')} data={periods} value={check.period} onChange={(e) => setCheck({ ...check, period: e.currentTarget.value as SlaPeriod })} />
              <NumberInput label={t('providers.sla.recoveryHours')} min={0} decimalScale={3} value={check.recovery} onChange={(v) => setCheck({ ...check, recovery: v })} />
            </SimpleGrid>
            <Stack gap={4} data-testid="sla-check-findings">
              {findings.length === 0 ? (
                <Alert color="teal" p="xs">
                  {t('providers.sla.noFindings')}
                </Alert>
              ) : (
                findings.map((f) => (
                  <Alert key={f.code} color="orange" p="xs">
                    {slaFindingText(t, f, locale)}
                  </Alert>
                ))
              )}
            </Stack>
          </Stack>
        </SectionCard>
        <Text size="sm" c="dimmed">
          {t('providers.sla.month730')}
        </Text>
      </Stack>
    </>
  );
}
