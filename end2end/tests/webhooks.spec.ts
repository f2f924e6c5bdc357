import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { hydrated } from './shop';

// An admin registers a webhook endpoint in the dashboard: a loopback URL is
// refused (the shop only calls public addresses unless its operator allows
// others), a public one is registered and its signing secret shown once;
// the endpoint turns off and on, shows its (empty) delivery log, and goes.

test('register, switch and remove a webhook endpoint', async ({ page }) => {
  await signInAsAdmin(page, '/admin/webhooks');
  await hydrated(page);

  const form = page.getByTestId('webhook-form');
  await form.getByLabel('URL').fill('http://127.0.0.1:9/hooks');
  await page.locator('#event-product-deleted').check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(form.getByTestId('field-issue')).toContainText('private or local network');

  // An address literal: public, and no DNS needed where the tests run.
  await form.getByLabel('URL').fill('http://93.184.215.14/hooks/mercato');
  await form.getByLabel('Description').fill('Warehouse');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = (await page.getByTestId('new-webhook-secret').innerText()).trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
  const row = page.getByTestId('webhook-row').filter({ hasText: '93.184.215.14' });
  await expect(row).toContainText('product.deleted');
  await expect(row.getByTestId('webhook-status')).toHaveText('on');
  await expect(row).not.toContainText(secret);

  await row.getByRole('button', { name: 'Turn off' }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('off');
  await row.getByRole('button', { name: 'Turn on' }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('on');

  await row.getByRole('button', { name: 'Deliveries' }).click();
  await expect(page.getByText('Nothing sent yet.')).toBeVisible();

  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('webhook-row').filter({ hasText: '93.184.215.14' })).toHaveCount(0);
});
