import { Alert, Button, Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <Stack p="xl" maw={640} role="alert">
      <Alert color="red" variant="light" title={t('common.loadFailed')} role="none">
        {t('common.loadFailedHint')}
      </Alert>
      <Button w="fit-content" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </Button>
    </Stack>
  );
}

/**
 * A page that cannot load (a chunk gone after an update, a rendering error)
 * shows a message and a reload button instead of a blank screen.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    // Navigating elsewhere gives the next page its chance.
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
