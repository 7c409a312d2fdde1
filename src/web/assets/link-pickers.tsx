import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-client.ts';
import { useAssetChoices } from './workload.query.ts';

/**
 * Picks records a record links to (a system's workloads, the systems it
 * depends on): searched in the browser, each picked once, all cleared at once.
 */
export function LinkPicker(select: MultiSelectProps) {
  const { t } = useTranslation();
  return <MultiSelect searchable hidePickedOptions clearable nothingFoundMessage={t('common.nothingFound')} {...select} />;
}

type AssetPickerProps = Omit<MultiSelectProps, 'data' | 'placeholder' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'nothingFoundMessage'> & {
  /** The assets the record links now, so they show by name before any search. */
  linked: readonly { id: string; name: string; rank?: string }[] | undefined;
  /** Show each asset's rank beside its name (the workload's ISMS view is read from ranks). */
  withRank?: boolean;
};

/**
 * Picks assets of the inventory by asking the server (an inventory holds
 * thousands, too many to send to the form): the search waits for typing to
 * pause, and every asset once shown keeps its name, so a picked one stays
 * labelled when the search moves on.
 */
export function AssetPicker({ linked, withRank = false, error, ...select }: AssetPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const choices = useAssetChoices(debounced);
  const known = useMemo(() => {
    const labelOf = (a: { name: string; rank?: string }) => (withRank ? `${a.name}(${t('workloads.rank', { rank: a.rank })})` : a.name);
    const m = new Map<string, string>();
    for (const a of linked ?? []) m.set(a.id, labelOf(a));
    for (const a of choices.data ?? []) m.set(a.id, labelOf(a));
    return m;
  }, [linked, choices.data, withRank, t]);
  const [labels, setLabels] = useState(new Map<string, string>());
  useEffect(() => setLabels((prev) => new Map([...prev, ...known])), [known]);
  return (
    <LinkPicker
      placeholder={t('workloads.assetSearch')}
      data={[...labels].map(([value, label]) => ({ value, label }))}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={choices.isFetching ? t('common.loading') : t('common.nothingFound')}
      {...select}
      error={error ?? (choices.error ? toApiError(choices.error).title : undefined)}
    />
  );
}
