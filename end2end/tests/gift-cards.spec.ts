import { expect, test } from './fixtures';
import { createAdmin, signIn } from './admin';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

// Gift cards at checkout: staff issue a card (its code shown once); a
// shopper mistypes it, then enters it, sees what it pays and what is left
// for the card payment, pays the rest offline and finds on the order page
// how it was paid; the staff's list shows the card spent.

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
