import { Group, Text } from '@mantine/core';

/** 雲路 — a cloud on a path. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
        <path d="M8 21a5 5 0 0 1 1.6-9.7A7 7 0 0 1 23 12.5 4.3 4.3 0 0 1 23.5 21z" fill="#fff" />
        <path d="M6 26h20" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeDasharray="3 3" />
      </svg>
      <Text fw={700} size="lg" lh={1}>
        <span lang="ja">雲路</span>{' '}
        <Text span fw={500} c="dimmed" size="sm">
          Kumoji
        </Text>
      </Text>
    </Group>
  );
}
