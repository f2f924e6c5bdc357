import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { mailTo } from './mailbox';
import { PRODUCT, fillAddressAnyLanguage, hydrated, inStockSkus } from './shop';

// Staff start selling in euros (rate and rounding on the settings page,
// express shipping priced by hand in euros);
// a German shopper switches the page to euros in the header, buys, and the
// checkout, the confirmation and the German mail are all in euros.
test('sell in euros, then switch to German, browse and buy in EUR', async ({ browser }) => {
  const staff = await browser.newPage();
  await signInAsAdmin(staff, '/admin/settings');
  await hydrated(staff);
  const form = staff.getByTestId('currencies-form');
  const eur = form.getByTestId('currency-EUR');
  await eur.getByRole('checkbox').check();
  await eur.getByLabel('EUR per 1 USD').fill('0.92');
  await eur.getByLabel('EUR rounding').selectOption('ninety_nine');
  await form.getByRole('button', { name: 'Save currencies' }).click();
  await expect(staff).toHaveURL(/saved=currencies/);
  await expect(staff.getByText('Currencies saved.')).toBeVisible();
  // Express costs €12.00 in euros, set by hand instead of converted.
  await staff.goto('/admin/settings');
  await hydrated(staff);
  const express = staff.getByTestId('shipping-row').filter({ has: staff.getByLabel('Name of express') });
  await staff.getByLabel('Price in EUR of express').fill('12.00');
  // And named in German, as a German shopper reads it.
  await staff.getByLabel('Name in Deutsch of express').fill('Expresslieferung');
  await Promise.all([
    staff.waitForResponse((r) => r.url().includes('/api/staff/settings/shipping') && r.status() === 200),
    express.getByRole('button', { name: 'Save' }).click(),
  ]);
  await staff.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `euro-${Date.now()}@example.com`;
  const [sku] = await inStockSkus(page);
  await page.goto(`/de${PRODUCT}?variant=${encodeURIComponent(sku)}`);
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const switcher = page.getByTestId('currency-switcher');
  await switcher.getByRole('link', { name: '€ EUR' }).click();
  await expect(page).toHaveURL(new RegExp(`/de${PRODUCT}\\?variant=`));
  await hydrated(page);
  await expect(switcher.getByRole('link', { name: '€ EUR' })).toHaveAttribute('aria-current', 'true');
  // German euros: decimal comma, the symbol after; converted prices end in ,99.
  const price = (await page.getByTestId('price').first().innerText()).trim();
  expect(price).toMatch(/^\d{1,3}(\.\d{3})*,99\u00a0€$/);

  // Saved for later, the list shows what the page did.
  await page
    .locator('[data-testid="add-to-cart-form"] ~ [data-testid="wishlist-form"]')
    .getByTestId('wishlist-heart')
    .click();
  await expect(page.getByTestId('wishlist-count')).toHaveText('1');

  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await page.goto('/de/wishlist');
  await expect(page.getByTestId('wishlist-price').first()).toHaveText(price);
  await page.goto('/de/cart');
  await hydrated(page);
  await expect(page.getByTestId('cart-subtotal')).toContainText('€');

  await page.goto('/de/checkout');
  await hydrated(page);
  await fillAddressAnyLanguage(page, email, 'Eva Euro');
  const methods = page.getByTestId('shipping-methods');
  await expect(methods).toContainText('12,00\u00a0€');
  await expect(methods).toContainText('Expresslieferung');
  // The threshold in the shopper's money, the demo's own German names.
  await expect(methods).toContainText(/Standard \(3–5 Werktage\) · versandkostenfrei ab \d+,\d{2}\u00a0€/);
  const total = await page.getByTestId('checkout-total').innerText();
  expect(total).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0€$/);

  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/de\/pay\/offline\//);
  await hydrated(page);
  await page.getByTestId('approve-payment').click();
  await expect(page).toHaveURL(/\/de\/checkout\/complete\//);
  await expect(page.getByTestId('confirmation-title')).toHaveText('Vielen Dank für Ihre Bestellung!');
  await expect(page.getByTestId('order-total')).toHaveText(total);

  const mail = await mailTo(email, '');
  expect(mail.body).toContain('<html lang="de">');
  expect(mail.body).toContain(total);
  await context.close();
});
