import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { hydrated, PRODUCT } from './shop';

// The demo shop's past orders make recommendations at once: the product
// page shows what was bought with it, the home page what this visit
// viewed, and staff see why each suggestion is there.

test('recommendations from the seeded orders, recently viewed, and why', async ({ page, browser }) => {
  await page.goto(PRODUCT);
  await hydrated(page);
  const also = page.getByTestId('also-bought');
  await expect(also.getByTestId('product-card').first()).toBeVisible();
  await expect(also.locator(`a[href="${PRODUCT}"]`)).toHaveCount(0);
  await expect(page.getByTestId('similar').getByTestId('product-card').first()).toBeVisible();
  const first = (await also.getByTestId('product-card').first().locator('h3 a').getAttribute('href')) ?? '';

  // Recently viewed lives in this visit's browser storage only.
  await page.goto('/');
  await hydrated(page);
  await expect(page.getByTestId('recently-viewed').locator(`a[href="${PRODUCT}"]`)).toBeVisible();

  // Staff see the counts behind the shelf, and can exclude a suggestion.
  const staff = await browser.newPage();
  const slug = PRODUCT.replace('/product/', '');
  await signInAsAdmin(staff, '/admin/orders');
  await staff.goto(`/admin/recommendations?product=${slug}`);
  await hydrated(staff);
  await expect(staff.getByTestId('recs-row').first()).toBeVisible();
  const row = staff.getByTestId('recs-row').filter({ has: staff.locator(`a[href="${first}"]`) }).first();
  await row.getByRole('button', { name: 'Exclude' }).click();
  await expect(row).toContainText('Excluded');
  // The shelves arrive after hydration: wait for them before looking for what is gone.
  await page.goto(PRODUCT);
  await hydrated(page);
  await expect(page.getByTestId('also-bought').getByTestId('product-card').first()).toBeVisible();
  await expect(page.getByTestId('also-bought').locator(`a[href="${first}"]`)).toHaveCount(0);
  await row.getByRole('button', { name: 'Clear' }).click();
  await expect(row).not.toContainText('Excluded');
  await staff.close();
});
