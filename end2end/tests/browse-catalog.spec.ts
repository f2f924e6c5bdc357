import { expect, test, type Page } from './fixtures';

// A shopper's first visit: home → category → filter and sort → product →
// switch variant (no navigation) → a missing page.

async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

function toMinor(text: string): number {
  const m = text.replace(/,/g, '').match(/(\d+)\.(\d{2})/);
  if (!m) throw new Error(`no price in ${JSON.stringify(text)}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

test('browse the catalog and pick a variant', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Mercato/);
  await hydrated(page);
  await expect(page.getByTestId('department')).toHaveCount(5);

  // Home → department → leaf category.
  await page.getByRole('navigation', { name: 'Departments' }).getByRole('link', { name: 'Men', exact: true }).click();
  await expect(page).toHaveURL(/\/category\/men$/);
  await expect(page.getByTestId('category-title')).toHaveText('Men');
  await page.getByRole('list', { name: 'Subcategories' }).getByRole('link', { name: 'Tops', exact: true }).click();
  await expect(page.getByTestId('category-title')).toHaveText('Tops');
  const allCount = await page.getByTestId('result-count').innerText();

  // Filter by a brand: the URL carries the filter, the count shrinks.
  const brandGroup = page.getByTestId('facet-brand');
  const firstBrand = brandGroup.getByRole('checkbox').first();
  const brandName = await firstBrand.getAttribute('value');
  await firstBrand.check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`brand=${encodeURIComponent(brandName!).replace(/%20/g, '(\\+|%20)')}`));
  await expect(page.getByTestId('result-count')).not.toHaveText(allCount);
  await expect(page.getByTestId('facet-brand').getByRole('checkbox', { checked: true })).toHaveCount(1);

  // Sort by price, low to high: prices ascend and the filter stays.
  await hydrated(page);
  await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Price: low to high' }).click();
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(page).toHaveURL(/brand=/);
  await expect(page.locator('a[data-sort="price_asc"][aria-current="true"]')).toHaveCount(1);
  const prices = await page.getByTestId('product-card').getByTestId('price').allInnerTexts();
  expect(prices.length).toBeGreaterThan(1);
  const minor = prices.map(toMinor);
  expect([...minor].sort((a, b) => a - b)).toEqual(minor);

  // Open a product.
  await page.getByTestId('product-card').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/product\//);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Switch variants: price, SKU and stock update in place. A marker on
  // `window` proves there was no navigation or reload.
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const urlBefore = page.url();
  const sku = page.getByTestId('sku');
  const price = page.getByTestId('price').first();
  const sizes = page.getByTestId('option-size').getByRole('button');
  const enabled = page.getByTestId('option-size').locator('button:not([disabled])');
  expect(await enabled.count()).toBeGreaterThan(1);

  const seen = new Map<string, string>();
  for (let i = 0; i < (await sizes.count()); i++) {
    const b = sizes.nth(i);
    if (await b.isDisabled()) continue;
    await b.click();
    await expect(b).toHaveAttribute('aria-pressed', 'true');
    seen.set(await sku.innerText(), await price.innerText());
  }
  expect(seen.size).toBeGreaterThan(1);
  expect(new Set(seen.values()).size, `prices per SKU: ${JSON.stringify([...seen])}`).toBeGreaterThan(1);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  // The address bar names the chosen variant (replaced, not navigated)...
  const shownSku = await sku.innerText();
  const url = new URL(page.url());
  expect(url.pathname).toBe(new URL(urlBefore).pathname);
  expect(url.searchParams.get('variant')).toBe(shownSku);
  // ...so a reload or a shared link opens the same variant.
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId('sku')).toHaveText(shownSku);

  // Out-of-stock combinations are shown but cannot be chosen.
  const disabled = page.locator('[data-testid^="option-"] button[disabled]');
  if ((await disabled.count()) > 0) {
    await expect(disabled.first()).toHaveAttribute('title', 'Out of stock');
  }
});

test('unknown product shows the 404 page with a 404 status', async ({ page }) => {
  const res = await page.goto('/product/this-product-does-not-exist');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible();
  await page.getByRole('link', { name: 'Continue shopping' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('keyboard users can skip to content and reach the filters', async ({ page }) => {
  await page.goto('/category/women');
  await hydrated(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByLabel('Minimum price').fill('20');
  await page.getByLabel('Maximum price').fill('40');
  await page.getByLabel('Maximum price').press('Enter');
  await expect(page).toHaveURL(/price_min=20/);
  const prices = (await page.getByTestId('product-card').getByTestId('price').allInnerTexts()).map(toMinor);
  expect(prices.length).toBeGreaterThan(0);
  for (const p of prices) expect(p).toBeGreaterThanOrEqual(2000);
});
