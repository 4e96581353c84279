import '@mantine/core/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app';
import { inboxQuery } from './pages/inbox-query';

// The home page's data leaves with the person's (`GET /v1/me`), not after it: one round trip less
// before the inbox shows. Signed out, it is refused and the sign-in page follows as usual.
if (window.location.pathname === '/') void queryClient.prefetchQuery(inboxQuery);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
