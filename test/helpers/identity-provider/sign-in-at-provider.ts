import { Page } from 'playwright-core';
import { TEST_PASSWORD } from './test-identity-provider';

/**
 * Fills and submits the provider's sign-in form on `page` (already showing it), by its labels as a
 * user would; `otp` makes the sign-in multi-factor. Resolves once the browser has left the form's
 * submission (for the next page, or the form again with its error, `#error`).
 */
export async function signInAtProvider(
  page: Page,
  { email, password = TEST_PASSWORD, otp }: { email: string; password?: string; otp?: string },
): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  if (otp !== undefined) await page.getByLabel('One-time code').fill(otp);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}
