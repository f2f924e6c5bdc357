import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { hydrated } from './shop';

// Catalog work in the admin: export the catalog as CSV and import it back
// (nothing changes, with a progress bar while it runs), see a bad file
// rejected row by row, and archive products in bulk. Then the store
// settings: a rename shows in the shop at once.

test('CSV export and import round trip, a bad file, bulk archive', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page, '/admin/products/csv');
  await hydrated(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toContain('option1_name');
  expect(lines.length).toBeGreaterThan(1000);

  // The same file back: every product unchanged.
  await page.getByLabel('CSV file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-csv').click();
  await expect(page.getByTestId('notice')).toContainText(/Done: 0 created, 0 updated, \d+ unchanged\./, { timeout: 120_000 });

  // A bad price on one row: nothing imported, the row named.
  const header = lines[0].split(',');
  const priceAt = header.indexOf('price');
  const bad = [lines[0], ...lines.slice(1, 4)];
  const cells = bad[2].split(',');
  // Only edit rows without quoted commas so the split is safe.
  if (!bad[2].includes('"')) {
    cells[priceAt] = 'free';
    bad[2] = cells.join(',');
  } else {
    bad[2] = bad[2].replace(/,(\d+\.\d\d),/, ',free,');
  }
  await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\n')) });
  await page.getByTestId('import-csv').click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('free');
  await expect(errors.locator('tbody tr').first().locator('td').first()).toHaveText('3');

  // Bulk archive from the product list: the products leave the storefront.
  await page.goto('/admin/products?q=merino&sort=title');
  await hydrated(page);
  const list = page.getByTestId('admin-product-list');
  const first = (await list.locator('tbody tr').first().locator('a').first().getAttribute('href'))!;
  const slug = first.split('/').pop()!;
  await list.locator('tbody tr').first().getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-actions')).toContainText('1 selected');
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByTestId('bulk-actions').getByTestId('notice')).toHaveText('1 products updated.');
  const res = await page.request.get(`/product/${slug}`);
  expect(res.status()).toBe(404);
  // And back.
  await page.goto(`/admin/products?q=${slug}&status=archived`);
  await hydrated(page);
  await page.getByTestId('admin-product-list').locator('tbody tr').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('bulk-actions').getByTestId('notice')).toHaveText('1 products updated.');
  expect((await page.request.get(`/product/${slug}`)).status()).toBe(200);
});

test('store settings: a mistake keeps what was typed, a new name shows in the shop', async ({ page }) => {
  await signInAsAdmin(page, '/admin/settings');
  await hydrated(page);
  const form = page.getByTestId('store-form');
  const name = form.getByLabel('Store name');
  const original = await name.inputValue();
  const prefix = form.getByLabel('Order-number prefix');
  const oldPrefix = await prefix.inputValue();

  await name.fill('Harbour & Co');
  await prefix.fill('H-1');
  await form.getByRole('button', { name: 'Save store' }).click();
  await expect(form.getByTestId('form-error')).toContainText('order-number prefix');
  await expect(name).toHaveValue('Harbour & Co');
  await expect(prefix).toHaveValue('H-1');

  await prefix.fill(oldPrefix);
  await form.getByRole('button', { name: 'Save store' }).click();
  await expect(page.getByTestId('notice')).toContainText('Store settings saved.');
  await page.goto('/');
  await expect(page).toHaveTitle(/Harbour & Co/);
  await expect(page.locator('header').first()).toContainText('Harbour & Co');

  // Put the name back for the journeys after this one.
  await page.goto('/admin/settings');
  await hydrated(page);
  await form.getByLabel('Store name').fill(original);
  await form.getByRole('button', { name: 'Save store' }).click();
  await expect(page.getByTestId('notice')).toContainText('Store settings saved.');
  await expect(page.getByTestId('store-form').getByLabel('Store name')).toHaveValue(original);
});

test('carriers: staff add one with a tracking link, a bad link is explained, an unused one is deleted', async ({ page }) => {
  await signInAsAdmin(page, '/admin/settings');
  await hydrated(page);
  const section = page.getByTestId('carriers');
  await expect(section.getByTestId('carrier-row').filter({ has: page.locator('input[value="ups"]') })).toHaveCount(1);
  const code = `gls${Date.now() % 100000}`;
  const add = section.getByTestId('carrier-new');
  await add.getByLabel('Code').fill(code);
  await add.getByLabel('Name').fill('GLS');
  await add.getByLabel('Tracking link').fill('https://gls.example/track');
  await add.getByRole('button', { name: 'Add carrier' }).click();
  await expect(section.getByTestId('form-error')).toContainText('{tracking}');
  await add.getByLabel('Tracking link').fill('https://gls.example/track/{tracking}');
  await add.getByRole('button', { name: 'Add carrier' }).click();
  const row = section.getByTestId('carrier-row').filter({ has: page.locator(`input[value="${code}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Tracking link')).toHaveValue('https://gls.example/track/{tracking}');
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
});
