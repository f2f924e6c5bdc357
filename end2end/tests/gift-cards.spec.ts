import { expect, test } from './fixtures';
import { createAdmin, signIn } from './admin';
import { mailTo } from './mailbox';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

// Gift cards: staff issue a card (its code shown once); a shopper mistypes
// it, then enters it at checkout, sees what it pays and what is left for
// the card payment, pays the rest offline and finds on the order page how
// it was paid; the staff's list shows the card spent. A shopper buys a card
// for a friend in the shop; the code arrives by mail and pays part of the
// friend's order.

test('a shopper pays partly with a gift card staff issued', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const adminEmail = `gift-admin-${stamp}@example.com`;
  const staff = await browser.newPage();
  await signIn(staff, adminEmail, createAdmin(adminEmail), '/admin/gift-cards');
  await hydrated(staff);
  const issue = staff.getByTestId('issue-gift-card');
  await issue.getByLabel('Amount').fill('5.00');
  await issue.getByLabel('Note').fill('Journey');
  await issue.getByRole('button', { name: 'Issue card' }).click();
  const code = (await staff.getByTestId('issued-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const last4 = code.slice(-4);

  const skus = await inStockSkus(page);
  await addToCart(page, skus[0], 1);
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, `gift-${stamp}@example.com`);

  // A typing mistake in the last character is a clear refusal.
  const wrong = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
  await page.getByTestId('gift-code-input').fill(wrong);
  await page.getByTestId('apply-gift-card').click();
  await expect(page.getByTestId('gift-cards').getByRole('alert')).toContainText("don't recognise");

  // Typed in lower case without dashes, it is the same code.
  await page.getByTestId('gift-code-input').fill(code.toLowerCase().replaceAll('-', ''));
  await page.getByTestId('apply-gift-card').click();
  await expect(page.getByTestId('gift-card-applied')).toHaveText('−$5.00');
  await expect(page.getByTestId('gift-cards')).toContainText(`••••${last4}`);
  // What is left for the card payment is the total less the card's 5.00
  // (polled: the region's tax may still be arriving).
  const cents = (s: string) => Math.round(parseFloat(s.replace(/[^0-9.]/g, '')) * 100);
  const text = (id: string) => page.getByTestId(id).innerText();
  await expect
    .poll(async () => cents(await text('checkout-total')) - cents(await text('to-pay')))
    .toBe(500);
  const toPay = await text('to-pay');

  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await expect(page.getByTestId('payment-amount')).toHaveText(toPay);
  await page.getByTestId('approve-payment').click();
  await expect(page).toHaveURL(/\/checkout\/complete\//);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  const paidWith = page.getByTestId('paid-with');
  await expect(paidWith).toHaveText(['$5.00', toPay]);
  await expect(page.getByTestId('order-totals')).toContainText(`Paid with Gift card ••••${last4}`);

  // The card is spent.
  await staff.getByTestId('gift-card-find').fill(last4);
  await staff.getByTestId('gift-card-find').press('Enter');
  await staff.getByTestId('gift-card-find').blur();
  const row = staff.getByTestId('gift-card-list').locator('tr').filter({ hasText: `••••${last4}` });
  await expect(row).toContainText('$0.00');
});

test('a gift card bought in the shop arrives by mail and pays part of an order', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const buyer = `gift-buyer-${stamp}@example.com`;
  const friend = `gift-friend-${stamp}@example.com`;
  await page.goto('/');
  await page.getByRole('link', { name: 'Gift cards' }).click();
  await expect(page).toHaveURL(/\/gift-cards$/);
  await hydrated(page);
  const form = page.getByTestId('gift-card-form');
  // Too small first: a clear refusal, the form keeps what was typed.
  await form.getByLabel('Amount').fill('2');
  await form.getByLabel('Your email').fill(buyer);
  await form.getByLabel("Recipient's email").fill(friend);
  await form.getByLabel("Recipient's name").fill('Kit');
  await form.getByLabel('From').fill('Bo');
  await form.getByLabel('Message').fill('Happy birthday!');
  await form.getByRole('button', { name: 'Buy and pay' }).click();
  await expect(form.getByRole('alert')).toContainText('Choose an amount from $5.00 to $500.00');
  await form.getByLabel('Amount').fill('7.50');
  await form.getByRole('button', { name: 'Buy and pay' }).click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await expect(page.getByTestId('payment-amount')).toHaveText('$7.50');
  await page.getByTestId('approve-payment').click();
  await expect(page).toHaveURL(/\/checkout\/complete\//);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');

  // The code reaches the friend, with the buyer's name and message.
  const mail = await mailTo(friend, 'gift card');
  expect(mail.subject).toContain('Bo sent you a');
  expect(mail.body).toContain('Happy birthday!');
  const code = /Your code: ([0-9A-Z-]{19})/.exec(mail.body)?.[1] ?? '';
  expect(code).not.toBe('');

  // The friend spends it on part of an order.
  const shopper = await page.context().browser()!.newPage();
  const skus = await inStockSkus(shopper);
  await addToCart(shopper, skus[0], 1);
  await shopper.goto('/checkout');
  await hydrated(shopper);
  await fillAddress(shopper, friend);
  await shopper.getByTestId('gift-code-input').fill(code);
  await shopper.getByTestId('apply-gift-card').click();
  await expect(shopper.getByTestId('gift-card-applied')).toHaveText('−$7.50');
  const cents = (s: string) => Math.round(parseFloat(s.replace(/[^0-9.]/g, '')) * 100);
  const text = (id: string) => shopper.getByTestId(id).innerText();
  await expect
    .poll(async () => cents(await text('checkout-total')) - cents(await text('to-pay')))
    .toBe(750);
  const toPay = await text('to-pay');
  await shopper.getByTestId('place-order').click();
  await expect(shopper).toHaveURL(/\/pay\/offline\//);
  await hydrated(shopper);
  await expect(shopper.getByTestId('payment-amount')).toHaveText(toPay);
  await shopper.getByTestId('approve-payment').click();
  await expect(shopper.getByTestId('order-status')).toHaveText('Paid');
});
