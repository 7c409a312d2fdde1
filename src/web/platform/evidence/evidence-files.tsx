import { ActionIcon, Anchor, Badge, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_ACCEPT, type TEvidenceFile } from '../../../shared/schemas/evidence.schema.ts';
import { api, toApiError, type ApiError } from '../../api/api-client.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { EarlierVersions, shortDigest, sizeText } from './evidence-versions.tsx';

interface EvidenceFilesProps {
  files: TEvidenceFile[];
  /** Where to POST a new file; none: the list is read-only. */
  uploadUrl?: string | null;
  /** Where to POST a new version of a file; none: files are not versioned here. */
  versionUrl?: ((file: TEvidenceFile) => string) | null;
  /** Removes one file; none: files cannot be removed here. */
  onRemove?: (file: TEvidenceFile) => Promise<unknown>;
  onChanged?: () => void;
  /** Names the record the files belong to, for screen readers ("証跡: 1.1"). */
  label: string;
}

const plain = { textTransform: 'none' } as const;

/**
 * The evidence files of one record: each file at its current version (with
 * its number from the second on) and the versions before it, download
 * links, and for editable records an upload button and, where the record
 * allows it, a new version of each file (any module).
 */
export function EvidenceFiles({ files, uploadUrl, versionUrl, onRemove, onChanged, label }: EvidenceFilesProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  // Which upload is on its way: 'new' for a new file, a file's id for its new version.
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const send = async (file: File | null, url: string | null | undefined, which: string) => {
    if (!file || !url) return;
    setBusy(which);
    setProblem(null);
    try {
      await api.upload<TEvidenceFile>(url, file);
      onChanged?.();
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap={4} aria-label={t('evidence.listLabel', { name: label })} role="group">
      {files.length ? (
        <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
          {files.map((f) => (
            <List.Item key={f.id} data-testid="evidence-file">
              <Stack gap={2}>
                <Group gap={6} wrap="wrap">
                  <Anchor href={f.downloadUrl} size="sm" download={f.fileName}>
                    {f.fileName}
                  </Anchor>
                  {f.versionNo > 1 ? (
                    <Badge size="sm" variant="light" style={plain}>
                      {t('evidence.versionNo', { n: f.versionNo })}
                    </Badge>
                  ) : null}
                  <Text span size="xs" c="dimmed">
                    {sizeText(f.sizeBytes, locale)} · {t('evidence.digest', { digest: shortDigest(f.sha256) })} · {f.uploadedBy ?? ''} · {formatDateTime(f.uploadedAt, locale, timeZone)}
                  </Text>
                  {versionUrl ? (
                    <FileButton onChange={(file) => send(file, versionUrl(f), f.id)} accept={EVIDENCE_ACCEPT} inputProps={{ 'aria-label': t('evidence.newVersionFor', { name: f.fileName }) }}>
                      {(props) => (
                        <Button {...props} size="compact-xs" variant="subtle" loading={busy === f.id} aria-label={t('evidence.newVersionFor', { name: f.fileName })}>
                          {t('evidence.newVersion')}
                        </Button>
                      )}
                    </FileButton>
                  ) : null}
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
                <EarlierVersions file={f} />
              </Stack>
            </List.Item>
          ))}
        </List>
      ) : null}
      {uploadUrl ? (
        <Group gap="xs">
          <FileButton onChange={(file) => send(file, uploadUrl, 'new')} accept={EVIDENCE_ACCEPT} inputProps={{ 'aria-label': t('evidence.addFor', { name: label }) }}>
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" loading={busy === 'new'} aria-label={t('evidence.addFor', { name: label })}>
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
