import { expect, test, type Locator } from './fixtures';
import { signInAsAdmin } from './admin';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

// A refused form marks each wrong field where it is: `aria-invalid`, a
// line under it that assistive technology reads with it
// (`aria-describedby`), the form's error announced (role=alert), and
// everything typed still there.

async function expectIssue(field: Locator, says: string | RegExp, typed: string) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(says);
  await expect(field).toHaveValue(typed);
}

async function expectFine(field: Locator) {
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

test('the address form marks the postcode and the phone and keeps what was typed', async ({ page }) => {
  await signInAsAdmin(page, '/account/addresses');
  await hydrated(page);
  await page.getByRole('button', { name: 'Add an address' }).click();
  const form = page.getByTestId('address-form');
  await form.getByLabel('Full name').fill('Ada Lovelace');
  await form.getByLabel('Street address').fill('12 St James Square');
  await form.getByLabel('Town or city').fill('London');
  await form.getByLabel('Country').selectOption('GB');
  await form.getByLabel('Postcode').fill('NOT A CODE');
  await form.getByLabel('Phone').fill('call me');
  await form.getByRole('button', { name: 'Save address' }).click();

  await expect(form.getByTestId('form-error')).toHaveAttribute('role', 'alert');
  await expectIssue(form.getByLabel('Postcode'), /valid postcode for United Kingdom/, 'NOT A CODE');
  await expectIssue(form.getByLabel('Phone'), /6 to 15 digits/, 'call me');
  await expectFine(form.getByLabel('Full name'));
  await expect(form.getByLabel('Street address')).toHaveValue('12 St James Square');

  // Corrected, it saves and the marks go.
  await form.getByLabel('Postcode').fill('SW1Y 4LE');
  await form.getByLabel('Phone').fill('+44 20 7946 0958');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByTestId('address-list')).toContainText('SW1Y 4LE');
});

test('checkout marks the postcode it cannot ship to and keeps the address', async ({ page }) => {
  const skus = await inStockSkus(page);
  await addToCart(page, skus[0], 1);
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, `issues-${Date.now()}@example.com`);
  const form = page.getByTestId('checkout-form');
  await form.getByLabel('Postcode').fill('9410');
  await page.getByTestId('place-order').click();

  await expect(form.getByTestId('form-error')).toHaveAttribute('role', 'alert');
  await expectIssue(form.getByLabel('Postcode'), /valid postcode for United States/, '9410');
  await expectFine(form.getByLabel('Town or city'));
  await expect(form.getByLabel('Street address')).toHaveValue('1 Market Street');
  await expect(page).toHaveURL(/\/checkout$/);
});

test('the product editor marks the variant cell that is wrong, first as typed, then by the rules', async ({ page }) => {
  await signInAsAdmin(page, '/admin/products/new');
  await hydrated(page);
  const form = page.getByTestId('product-form');
  await form.getByLabel('Title', { exact: true }).fill(`Issue Tee ${Date.now() % 100000}`);
  await form.getByLabel('Category').selectOption({ label: 'Men › Tops › T-Shirts' });
  await form.getByLabel('Option 1 name').fill('Size');
  await form.getByLabel('Option 1 values').fill('S, M');
  await form.getByLabel('Option 1 values').press('Tab');
  await expect(form.getByTestId('variant-row')).toHaveCount(2);
  await form.getByLabel('Price of S', { exact: true }).fill('twelve');
  await form.getByLabel('Price of M', { exact: true }).fill('29.00');
  await form.getByLabel('Compare-at price of M').fill('20.00');
  const lowStock = form.getByLabel('Low-stock alert at (units per warehouse)');
  await expect(lowStock).toHaveValue('5');
  await lowStock.fill('a few');
  await form.getByRole('button', { name: 'Save product' }).click();

  // A price that is not a number is named on its own row.
  await expect(form.getByTestId('form-error')).toBeVisible();
  await expectIssue(form.getByLabel('Price of S', { exact: true }), /enter a price like 12.50/, 'twelve');
  await expectFine(form.getByLabel('Price of M', { exact: true }));
  await expectIssue(lowStock, /whole number of units/, 'a few');
  await lowStock.fill('2');

  // Readable now; the domain's rule about compare-at prices marks M's.
  await form.getByLabel('Price of S', { exact: true }).fill('19.00');
  await form.getByRole('button', { name: 'Save product' }).click();
  await expectIssue(form.getByLabel('Compare-at price of M'), /higher than the price/, '20.00');
  await expectFine(form.getByLabel('Price of S', { exact: true }));
  await expectFine(lowStock);
  await expect(page).toHaveURL(/\/admin\/products\/new$/);

  // Right now: saved, and the product keeps its own low-stock level.
  await form.getByLabel('Compare-at price of M').fill('35.00');
  await form.getByRole('button', { name: 'Save product' }).click();
  await expect(page).toHaveURL(/\/admin\/products\/issue-tee-\d+\?saved=1$/);
  await expect(page.getByTestId('product-form').getByLabel('Low-stock alert at (units per warehouse)')).toHaveValue('2');
});
