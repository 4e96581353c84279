import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** The engine's stream of the changes that can add to or remove from the person's inbox. */
export const INBOX_EVENTS_PATH = '/v1/inbox/events';

/**
 * Keeps the inbox current without a reload: each `inbox` event of the stream (same origin, the
 * session cookie) makes the inbox be read again. The browser opens the stream again by itself when
 * it drops; it is closed when the page goes.
 */
export function useLiveInbox(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(INBOX_EVENTS_PATH);
    const refresh = () => void client.invalidateQueries({ queryKey: ['inbox'] });
    source.addEventListener('inbox', refresh);
    return () => {
      source.removeEventListener('inbox', refresh);
      source.close();
    };
  }, [client]);
}
