// Helpers for journeys through the shop: pick in-stock variants from a
// product page and add them to the cart, as a shopper would.
import { expect, type Page } from './fixtures';
import type { Locator } from '@playwright/test';

export const PRODUCT = '/product/rowan-essential-merino-t-shirt';

export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

/** SKUs the product page's variant table lists as in stock. */
export async function inStockSkus(page: Page, path = PRODUCT): Promise<string[]> {
  await page.goto(path);
  // The table sits in a closed <details>: read text content, not rendered text.
  const rows = page.getByTestId('variant-table').locator('tbody tr');
  const skus: string[] = [];
  for (const row of await rows.all()) {
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    if (cells[3] === 'In stock') skus.push(cells[1]);
  }
  return skus;
}

/** Opens the product on one variant and adds it; waits for the mini-cart. */
export async function addToCart(page: Page, sku: string, expectedCount: number, path = PRODUCT) {
  await page.goto(`${path}?variant=${encodeURIComponent(sku)}`);
  await hydrated(page);
  await expect(page.getByTestId('sku')).toHaveText(sku);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('add-to-cart-status')).toContainText('Added to your cart');
  await expect(page.getByTestId('cart-count')).toHaveText(String(expectedCount));
}

/** The checkout address by field name, in any language the page speaks. */
export async function fillAddressAnyLanguage(page: Page, email: string, name: string) {
  const form = page.getByTestId('checkout-form');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="full_name"]').fill(name);
  await form.locator('input[name="line1"]').fill('1 Market Street');
  await form.locator('input[name="city"]').fill('San Francisco');
  await fillRegion(page, form.locator('input[name="region"]'), form.locator('input[name="postal_code"]'));
}

// Fills the region (CA) and the postcode, then waits for the quote the new
// region asks for: the region prices the tax, and a test that read the
// total or placed the order sooner raced that quote once in a while (the
// server then refuses the order: "Your order total changed").
async function fillRegion(page: Page, region: Locator, postcode: Locator) {
  const changes = (await region.inputValue()) !== 'CA';
  const quoted = changes
    ? page.waitForResponse(
        (r) => r.url().includes('/api/checkout/quote') && (r.request().postData() ?? '').includes('region=CA'),
      )
    : null;
  await region.fill('CA');
  // Moving on to the next field commits the region (its change event).
  await postcode.fill('94103');
  if (quoted) await quoted;
}

export async function fillAddress(page: Page, email: string | null) {
  const form = page.getByTestId('checkout-form');
  if (email) await form.getByLabel('Email').fill(email);
  await form.getByLabel('Full name').fill('Sam Shopper');
  await form.getByLabel('Street address').fill('1 Market Street');
  await form.getByLabel('Town or city').fill('San Francisco');
  await fillRegion(page, form.getByLabel('State, province or region'), form.getByLabel('Postcode'));
}
