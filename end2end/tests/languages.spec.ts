import { expect, test } from './fixtures';
import { linkFromMail, mailTo } from './mailbox';
import { PRODUCT, fillAddressAnyLanguage, hydrated, inStockSkus } from './shop';

// A shopper switches the shop to German on a product page, keeps browsing
// in German (the links and the client-side router stay under /de), adds
// to the cart and reaches a German cart; then back to English.
test('switch to German and keep shopping in German', async ({ page }) => {
  const [sku] = await inStockSkus(page);
  await page.goto(PRODUCT);
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByTestId('language-switcher').getByRole('link', { name: 'de', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/de${PRODUCT}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await hydrated(page);
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeAttached();
  await expect(page.getByTestId('add-to-cart')).toHaveText('In den Warenkorb');
  await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute(
    'href',
    new RegExp(`/fr${PRODUCT}$`),
  );

  // A department link navigates in the page (no reload) and stays German.
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const department = page.getByRole('navigation', { name: 'Sortiment' }).getByRole('link').first();
  await expect(department).toHaveText('Damen');
  await department.click();
  await expect(page).toHaveURL(/\/de\/category\//);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The category speaks German too, fetched by the page in the browser.
  await expect(page.getByTestId('category-title')).toHaveText('Damen');
  await expect(page.getByRole('list', { name: 'Unterkategorien' }).getByRole('link').first()).toHaveText('Oberteile');

  // Into the cart, in German.
  await page.goto(`/de${PRODUCT}?variant=${encodeURIComponent(sku)}`);
  await hydrated(page);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('add-to-cart-status')).toContainText('Zu Ihrem Warenkorb hinzugefügt.');
  await page.getByTestId('add-to-cart-status').getByRole('link', { name: 'Warenkorb ansehen' }).click();
  await expect(page).toHaveURL(/\/de\/cart$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihr Warenkorb');

  // And back to English, on the same page.
  await page.getByTestId('language-switcher').getByRole('link', { name: 'en', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/cart$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your cart');
});

// A German shopper buys in German: the checkout, the payment page and the
// confirmation speak German, and so does the confirmation mail, whose link
// leads back to the German page.
test('buy in German and get the confirmation mail in German', async ({ page }) => {
  const email = `kunde-${Date.now()}@example.com`;
  const [sku] = await inStockSkus(page);
  await page.goto(`/de${PRODUCT}?variant=${encodeURIComponent(sku)}`);
  await hydrated(page);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  await page.goto('/de/checkout');
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The server refuses in words the German page says in German.
  await page.getByTestId('promo-input').fill('KEINCODE');
  await page.getByTestId('apply-promo').click();
  await expect(page.getByTestId('promo-message')).toHaveText('Dieser Aktionscode ist ungültig.');
  await page.getByTestId('promo-input').fill('');
  await page.getByTestId('apply-promo').click();
  await expect(page.getByTestId('promo-message')).toHaveCount(0);
  await fillAddressAnyLanguage(page, email, 'Kim Kunde');
  // German money: decimal comma, the symbol after the amount. (The total
  // the mail must show is read from the order: this one may still be the
  // quote before the address's tax.)
  await expect(page.getByTestId('checkout-total')).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0\$$/);

  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/de\/pay\/offline\//);
  await hydrated(page);
  await page.getByTestId('approve-payment').click();
  await expect(page).toHaveURL(/\/de\/checkout\/complete\//);
  await expect(page.getByTestId('confirmation-title')).toHaveText('Vielen Dank für Ihre Bestellung!');
  const number = (await page.getByTestId('order-number').innerText()).trim();
  const total = await page.getByTestId('order-total').innerText();
  expect(total).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0\$$/);
  // The variant as the German page names it ("M / Marineblau"), from the
  // shop's glossary: the mail's line says the same.
  const variant = (await page.getByTestId('order-line-variant').first().innerText()).split(' · ')[0];

  const mail = await mailTo(email, '');
  expect(mail.body).toContain(`Vielen Dank für Ihre Bestellung ${number}.`);
  expect(mail.body).toContain(total);
  expect(mail.body).toContain(`(${variant}, `);
  expect(mail.body).toContain('<html lang="de">');
  const link = await linkFromMail(email, '/de/checkout/complete', 0, false);
  expect(link).toContain('/de/checkout/complete/');

  // The invoice names the variant in German too.
  const orderId = new URL(link).pathname.split('/').pop();
  await page.goto(`/de/orders/${orderId}/invoice`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('table tbody')).toContainText(` — ${variant}`);
});
