import type { Page } from 'playwright-core';

/** Who a page is shown as: the demo's people, by the name of their token variable. */
export type Person = 'PROVIDER_APPROVER' | 'PROVIDER_ADMIN' | 'CUSTOMER_REQUESTER';

/** What the pages are shown with: the request the demo's requester submitted first. */
export interface ShotData {
  requestId: string;
}

/** One screenshot: a page of the console, as someone, at desktop width and maybe at phone width. */
export interface Shot {
  /** The file's name in docs/screenshots, without `.png` (`-phone` is added at phone width). */
  file: string;
  path: (data: ShotData) => string;
  /** Signed out when absent. */
  as?: Person;
  phone?: boolean;
  /** What to do on the page before the picture, such as opening a dialog. */
  then?: (page: Page) => Promise<void>;
  /** The window only, not the whole page: a dialog's backdrop covers the window only. */
  windowOnly?: boolean;
}

/**
 * The console's pages to picture. A page whose route the console does not have yet answers its
 * 404 page, and is left out; adding a page to the console needs one line here.
 */
export const SHOTS: Shot[] = [
  { file: 'sign-in', path: () => '/sign-in' },
  { file: 'inbox', path: () => '/', as: 'PROVIDER_APPROVER', phone: true },
  {
    file: 'request',
    path: ({ requestId }) => `/requests/${requestId}`,
    as: 'PROVIDER_APPROVER',
    phone: true,
  },
  {
    file: 'approve-dialog',
    path: ({ requestId }) => `/requests/${requestId}`,
    as: 'PROVIDER_APPROVER',
    then: async (page) => {
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).waitFor();
    },
    windowOnly: true,
  },
  { file: 'new-request', path: () => '/requests/new', as: 'CUSTOMER_REQUESTER' },
  { file: 'requests', path: () => '/requests', as: 'CUSTOMER_REQUESTER' },
  { file: 'matrix', path: () => '/matrix', as: 'PROVIDER_APPROVER', phone: true, windowOnly: true },
  { file: 'administration', path: () => '/admin', as: 'PROVIDER_ADMIN' },
  { file: 'settings', path: () => '/settings', as: 'PROVIDER_APPROVER' },
];
