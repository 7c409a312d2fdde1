import { Anchor, Box, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import type { TEvidenceFile } from '../../../shared/schemas/evidence.schema.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';

export const sizeText = (bytes: number, locale: TLocale) =>
  bytes < 1024 ? `${formatNumber(bytes, locale)} B` : bytes < 1024 * 1024 ? `${formatNumber(Math.round(bytes / 102.4) / 10, locale)} KB` : `${formatNumber(Math.round(bytes / 104857.6) / 10, locale)} MB`;

/** Enough of a SHA-256 to tell versions apart on screen; the download's Repr-Digest carries all of it. */
export const shortDigest = (sha256: string) => sha256.slice(0, 12);

/**
 * The versions a file superseded, newest first, folded away under their
 * count: each with its number, name, size, shortened SHA-256, who uploaded
 * it and when, and its download. Nothing for a file with no earlier version.
 */
export function EarlierVersions({ file }: { file: TEvidenceFile }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  if (!file.earlierVersions.length) return null;
  return (
    <Box component="details" data-testid="evidence-history">
      <Text component="summary" size="xs" c="dimmed" style={{ cursor: 'pointer' }}>
        {t('evidence.earlier', { n: file.earlierVersions.length })}
      </Text>
      <List size="xs" spacing={2} listStyleType="none" ml={0} pl="sm" aria-label={t('evidence.earlierLabel', { name: file.fileName })}>
        {file.earlierVersions.map((v) => (
          <List.Item key={v.id} data-testid="evidence-version">
            <Text span size="xs">
              {t('evidence.versionNo', { n: v.versionNo })}{' '}
            </Text>
            <Anchor href={v.downloadUrl} size="xs" download={v.fileName}>
              {v.fileName}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {' '}
              · {sizeText(v.sizeBytes, locale)} · {t('evidence.digest', { digest: shortDigest(v.sha256) })} · {v.uploadedBy ?? ''} · {formatDateTime(v.uploadedAt, locale, timeZone)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}
