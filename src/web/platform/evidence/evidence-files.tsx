import { ActionIcon, Anchor, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_ACCEPT, type TEvidenceFile } from '../../../shared/schemas/evidence.schema.ts';
import { api, toApiError, type ApiError } from '../../api/api-client.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';

const sizeText = (bytes: number, locale: 'ja' | 'en') =>
  bytes < 1024 ? `${formatNumber(bytes, locale)} B` : bytes < 1024 * 1024 ? `${formatNumber(Math.round(bytes / 102.4) / 10, locale)} KB` : `${formatNumber(Math.round(bytes / 104857.6) / 10, locale)} MB`;

interface EvidenceFilesProps {
  files: TEvidenceFile[];
  /** Where to POST a new file; none: the list is read-only. */
  uploadUrl?: string | null;
  /** Removes one file; none: files cannot be removed here. */
  onRemove?: (file: TEvidenceFile) => Promise<unknown>;
  onChanged?: () => void;
  /** Names the record the files belong to, for screen readers ("証跡: 1.1"). */
  label: string;
}

/** The evidence files of one record: download links, and for editable records an upload button (any module). */
export function EvidenceFiles({ files, uploadUrl, onRemove, onChanged, label }: EvidenceFilesProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const add = async (file: File | null) => {
    if (!file || !uploadUrl) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.upload<TEvidenceFile>(uploadUrl, file);
      onChanged?.();
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} aria-label={t('evidence.listLabel', { name: label })} role="group">
      {files.length ? (
        <List size="sm" spacing={2} listStyleType="none" ml={0} pl={0}>
          {files.map((f) => (
            <List.Item key={f.id}>
              <Group gap={6} wrap="nowrap">
                <Anchor href={f.downloadUrl} size="sm" download={f.fileName}>
                  {f.fileName}
                </Anchor>
                <Text span size="xs" c="dimmed">
                  {sizeText(f.sizeBytes, locale)} · {f.uploadedBy ?? ''} · {formatDateTime(f.uploadedAt, locale, timeZone)}
                </Text>
                {onRemove ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={t('evidence.remove', { name: f.fileName })}
                    onClick={async () => {
                      setProblem(null);
                      try {
                        await onRemove(f);
                        onChanged?.();
                      } catch (e) {
                        setProblem(toApiError(e));
                      }
                    }}
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
      {uploadUrl ? (
        <Group gap="xs">
          <FileButton onChange={add} accept={EVIDENCE_ACCEPT} inputProps={{ 'aria-label': t('evidence.addFor', { name: label }) }}>
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" loading={busy} aria-label={t('evidence.addFor', { name: label })}>
                {t('evidence.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('evidence.hint')}
          </Text>
        </Group>
      ) : null}
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
    </Stack>
  );
}
