import { expect, test } from './fixtures';
import { linkFromMail, mailTo } from './mailbox';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

// Buying: a guest adds two variants, uses a promo code, pays with the
// offline gateway and gets the confirmation page and email; a declined
// payment returns the shopper to an intact cart; a guest cart joins the
// customer's cart at sign-in.

test('guest checkout with a promo code and the offline gateway', async ({ page }) => {
  const email = `guest-${Date.now()}@example.com`;
  const skus = await inStockSkus(page);
  expect(skus.length).toBeGreaterThanOrEqual(2);
  await addToCart(page, skus[0], 1);
  await addToCart(page, skus[1], 2);

  await page.goto('/cart');
  await hydrated(page);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await page.getByTestId('go-to-checkout').click();
  await expect(page).toHaveURL(/\/checkout$/);
  await hydrated(page);
  await fillAddress(page, email);
  const before = await page.getByTestId('checkout-total').innerText();
  await page.getByTestId('promo-input').fill('welcome10');
  await page.getByTestId('apply-promo').click();
  await expect(page.getByTestId('promo-message')).toContainText('WELCOME10 applied');
  await expect(page.getByTestId('discount')).toBeVisible();
  await expect(page.getByTestId('checkout-total')).not.toHaveText(before);
  const total = await page.getByTestId('checkout-total').innerText();

  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await expect(page.getByTestId('payment-amount')).toHaveText(total);
  await page.getByTestId('approve-payment').click();

  await expect(page).toHaveURL(/\/checkout\/complete\//);
  await expect(page.getByTestId('confirmation-title')).toHaveText('Thank you for your order!');
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  await expect(page.getByTestId('order-total')).toHaveText(total);
  const number = (await page.getByTestId('order-number').innerText()).trim();
  await expect(page.getByTestId('cart-count')).toHaveText('0');

  const mail = await mailTo(email, 'is confirmed');
  expect(mail.subject).toContain(number);
  expect(mail.body).toContain(total);
  expect(mail.body).toContain(skus[0]);
  // The confirmation links back to the order.
  expect(await linkFromMail(email, '/checkout/complete', 0, false)).toContain('/checkout/complete/');
});

test('a declined payment returns to the cart with everything still there', async ({ page }) => {
  const skus = await inStockSkus(page);
  await addToCart(page, skus[0], 1);
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, `declined-${Date.now()}@example.com`);
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await page.getByTestId('decline-payment').click();
  await expect(page).toHaveURL(/\/cart\?payment=declined/);
  await expect(page.getByTestId('payment-notice')).toContainText('declined');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  // The held unit was released: the same cart checks out again.
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, `declined-again-${Date.now()}@example.com`);
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
});

test("a guest cart joins the customer's cart at sign-in", async ({ page }) => {
  const email = `merge-${Date.now()}@example.com`;
  const password = 'plum tractor velvet harbour';
  const reg = await page.request.post('/api/auth/register', { form: { email, password, name: 'Mo' } });
  expect(reg.status()).toBe(200);
  const skus = await inStockSkus(page);

  // Signed in: one item in the customer's cart, then sign out.
  const login = await page.request.post('/api/auth/login', { form: { email, password } });
  expect(login.status()).toBe(200);
  await addToCart(page, skus[0], 1);
  await page.request.post('/api/auth/logout');

  // As a guest: another item.
  await page.goto('/');
  await addToCart(page, skus[1], 1);

  // Sign in through the page: both items are in the cart.
  await page.goto('/signin?next=/cart');
  await hydrated(page);
  const form = page.getByTestId('signin-form');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('cart-count')).toHaveText('2');
});
