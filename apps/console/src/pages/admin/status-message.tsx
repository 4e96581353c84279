import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The outcome of the last change, in an element that is always there with role="status", so that
 * assistive technology announces each new message.
 */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status">
      {children ? (
        <Alert color="green" variant="light">
          {children}
        </Alert>
      ) : null}
    </div>
  );
}
