import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { hydrated } from './shop';

// An admin makes an API token in the dashboard, copies it from the page
// (shown once), and a program uses it on the admin API; revoked in the
// dashboard, it stops working on its next request. The API's docs page
// loads its bundled viewer under the shop's own policy.

test('make, use and revoke an API token', async ({ page, request }) => {
  await signInAsAdmin(page, '/admin/api-tokens');
  await hydrated(page);

  const form = page.getByTestId('token-form');
  await form.getByLabel('Name').fill('Warehouse sync');
  await page.locator('#scope-catalog-read').check();
  await form.getByRole('button', { name: 'Make token' }).click();
  const secret = (await page.getByTestId('new-token-secret').innerText()).trim();
  expect(secret).toMatch(/^mct_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('token-row').filter({ hasText: 'Warehouse sync' });
  await expect(row).toContainText('catalog:read');
  await expect(row).toContainText('active');
  await expect(row).not.toContainText(secret);

  const call = () => request.get('/api/v1/admin/products?stock=low', { headers: { Authorization: `Bearer ${secret}` } });
  const ok = await call();
  expect(ok.status()).toBe(200);
  expect((await ok.json()).total).toBeGreaterThan(0);
  // The page's cookie is no key: without the token, refused.
  const cookieOnly = await page.request.get('/api/v1/admin/products');
  expect(cookieOnly.status()).toBe(401);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');
  const refused = await call();
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toBe('application/problem+json');
  expect((await refused.json()).code).toBe('auth.token_invalid');
});

test('the API docs page shows the operations', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) refused.push(m.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByText('/api/v1/products/{slug}').first()).toBeVisible();
  await expect(page.getByText('/api/v1/admin/stock/adjustments').first()).toBeVisible();
  expect(refused).toEqual([]);
});
