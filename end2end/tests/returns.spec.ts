import { expect, test } from './fixtures';
import { createAdmin, signIn, signUp } from './admin';
import { mailTo } from './mailbox';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

// Returns per line: a customer buys two different items (one of them twice); staff ship them;
// the customer sends one back (reason from the list, a note); staff
// approve (the instructions are mailed), receive it back on the shelf
// and refund it; the customer sees the return refunded and the order
// partly refunded, and the other item is still theirs to keep.

test('a customer returns one of two items, staff receive and refund it, the customer sees the refund', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `returns-${Date.now()}@example.com`;
  await signUp(page, email, 'Rita Returns');
  const [kept, sent] = await inStockSkus(page);
  await addToCart(page, kept, 1);
  await addToCart(page, sent, 2);
  await addToCart(page, sent, 3);
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, null);
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await page.getByTestId('approve-payment').click();
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  const number = (await page.getByTestId('order-number').innerText()).trim();

  const adminEmail = `returns-admin-${Date.now()}@example.com`;
  const staff = await browser.newPage();
  await signIn(staff, adminEmail, createAdmin(adminEmail), `/admin/orders/${number}`);
  await expect(staff.getByTestId('order-number')).toHaveText(number);
  await hydrated(staff);
  await staff.getByTestId('ship-form').getByLabel('Tracking number').fill('RET-1');
  await staff.getByRole('button', { name: 'Ship and email the customer' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Shipped');

  // The customer sends one of the two back.
  await page.goto(`/account/orders/${number}`);
  await hydrated(page);
  const ask = page.getByTestId('return-form');
  await expect(ask.getByTestId(`return-qty-${kept}`)).toBeVisible();
  await ask.getByTestId(`return-qty-${sent}`).fill('1');
  await ask.getByTestId('return-reason').selectOption({ label: "Doesn't fit" });
  await ask.getByLabel('Anything we should know? (optional)').fill('A size too small.');
  await ask.getByRole('button', { name: 'Ask to return these' }).click();
  const card = page.getByTestId('return');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('return-status')).toHaveText('Requested');
  await expect(card).toContainText("Doesn't fit");
  const returnNumber = `${number}-R1`;
  await expect(card).toContainText(returnNumber);

  // Staff approve with instructions, receive it back on the shelf, refund it.
  await staff.reload();
  await hydrated(staff);
  const staffReturn = staff.locator(`[data-staff-return="${returnNumber}"]`);
  await staffReturn.getByLabel('Instructions for the customer (optional)').fill('Use the prepaid label in the box.');
  await staffReturn.getByRole('button', { name: 'Approve and email instructions' }).click();
  await expect(staffReturn.getByTestId('return-status')).toHaveText('Approved: send it back');
  const instructions = await mailTo(email, 'is approved');
  expect(instructions.body).toContain('prepaid label');
  expect(instructions.body).toContain(returnNumber);
  await staffReturn.getByRole('button', { name: 'Mark received' }).click();
  await expect(staffReturn.getByTestId('return-status')).toHaveText('Received');
  await staffReturn.getByRole('button', { name: 'Refund what arrived' }).click();
  await expect(staffReturn.getByTestId('return-status')).toHaveText('Refunded');
  await expect(staffReturn.getByTestId('return-refund')).toContainText('Refunded $');
  await expect(staff.getByTestId('order-status')).toHaveText('Partially refunded');
  await mailTo(email, 'A refund for your');

  // The customer sees it refunded; one more of the returned line and the
  // kept item can still be sent back.
  await page.reload();
  await hydrated(page);
  await expect(card.getByTestId('return-status')).toHaveText('Refunded');
  await expect(card.getByTestId('return-refund')).toContainText('Refunded $');
  await expect(page.getByTestId('order-status')).toHaveText('Partially refunded');
  await expect(page.getByTestId('return-form').getByTestId(`return-qty-${sent}`)).toHaveAttribute('max', '1');
});
