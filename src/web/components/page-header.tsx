import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The first page shown after loading keeps the browser's own focus; later pages move it to their heading. */
let navigatedInApp = false;

/**
 * Each page's single h1. It names the browser tab and takes focus after an
 * in-app navigation, so keyboard and screen-reader users start at the new content.
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | ${t('common.appName')}`;
  }, [title, t]);
  useEffect(() => {
    if (navigatedInApp) ref.current?.focus({ preventScroll: true });
    navigatedInApp = true;
  }, []);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4}>
        <Title order={1} ref={ref} tabIndex={-1} className="page-title">
          {title}
        </Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

/** A header action leading back to the page this one belongs to (a register's list, the portfolio's systems). */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to}>
      {label}
    </Anchor>
  );
}
