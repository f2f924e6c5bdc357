// Staff turn cart reminders on; a guest's payment is declined and they
// leave; once the cart has sat past the delay, one mail arrives; its
// link, opened on another device, brings the cart back; its "stop" link
// is a page with a button that turns reminders off; the dashboard counts
// the mail and the return. The delay is an hour at least and a test
// cannot wait that long, so the cart's last change is moved back in the
// shop's database (the server checks for due carts every second here,
// MERCATO_CART_REMINDERS_SECS in scripts/test).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { signInAsAdmin } from './admin';
import { expect, test } from './fixtures';
import { linkFromMail, mailTo } from './mailbox';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

const database = join(process.env.MERCATO_DATA_DIR ?? '../data', 'mercato.db');

function local(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

/** The cart behind `email`'s order, as if untouched for two hours. */
function leftTwoHoursAgo(email: string) {
  const quoted = email.replace(/'/g, "''");
  execFileSync('sqlite3', [
    database,
    `UPDATE carts SET updated_at = strftime('%Y-%m-%d %H:%M:%f+00:00', 'now', '-2 hours')
     WHERE id = (SELECT cart_id FROM orders WHERE email = '${quoted}')`,
  ]);
}

test('a left cart is mailed once, its link brings it back, and its stop link stops them', async ({ page, browser }) => {
  await signInAsAdmin(page, '/admin/settings');
  await hydrated(page);
  const form = page.getByTestId('store-form');
  await form.getByLabel('Cart reminder after (hours)').fill('1');
  await form.getByRole('button', { name: 'Save store' }).click();
  await expect(page.getByTestId('notice')).toContainText('Store settings saved.');

  const laptop = await (await browser.newContext()).newPage();
  const [sku] = await inStockSkus(laptop);
  await addToCart(laptop, sku, 1);
  await laptop.goto('/checkout');
  await hydrated(laptop);
  const email = `left-${Date.now()}@example.com`;
  await fillAddress(laptop, email);
  await laptop.getByTestId('place-order').click();
  await expect(laptop).toHaveURL(/\/pay\/offline\//);
  await hydrated(laptop);
  await laptop.getByTestId('decline-payment').click();
  await expect(laptop).toHaveURL(/\/cart\?payment=declined/);

  leftTwoHoursAgo(email);
  const mail = await mailTo(email, 'cart is waiting');
  expect(mail.body).toContain('You left something in your cart');
  const back = await linkFromMail(email, '/cart/restore');

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(local(back));
  await expect(phone).toHaveURL(/\/cart\?reminder=restored/);
  await expect(phone.getByTestId('reminder-notice')).toContainText('the cart you left');
  await expect(phone.getByTestId('cart-line')).toHaveCount(1);
  await expect(phone.getByTestId('cart-count')).toHaveText('1');

  const stop = await linkFromMail(email, '/cart/reminders-off');
  await phone.goto(local(stop));
  await hydrated(phone);
  await phone.getByTestId('reminders-off').click();
  await expect(phone.getByTestId('stop-emails-done')).toContainText("won't remind you");

  await page.goto('/admin');
  await hydrated(page);
  const tally = page.getByTestId('cart-reminders');
  await expect(tally.locator('[data-reminders="sent"]')).not.toHaveText('0');
  await expect(tally.locator('[data-reminders="restored"]')).not.toHaveText('0');
});
