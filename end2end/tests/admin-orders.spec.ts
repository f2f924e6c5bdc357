import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { mailTo } from './mailbox';
import { addToCart, fillAddress, hydrated, inStockSkus } from './shop';

// Staff run an order from /admin: a shopper pays, an admin (made with
// `mercato admin create`) ships it with a tracking number — the shopper's
// order shows "Shipped" and the email arrives — then refunds part of it.

const dataDir = process.env.MERCATO_DATA_DIR ?? '../data';

function createAdmin(email: string): string {
  const out = execFileSync('../target/debug/mercato', ['admin', 'create', '--email', email, '--generate-password'], {
    env: { ...process.env, MERCATO_DATA_DIR: dataDir, MERCATO_LOG: 'error', MERCATO_LEPTOS_TOML: '../Leptos.toml' },
    encoding: 'utf8',
  });
  const m = out.match(/store it now\): (\S+)/);
  if (!m) throw new Error(`no password in: ${out}`);
  return m[1];
}

test('an admin ships and partly refunds an order', async ({ page, browser }) => {
  const shopper = `ship-${Date.now()}@example.com`;
  const skus = await inStockSkus(page);
  await addToCart(page, skus[0], 1);
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, shopper);
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await page.getByTestId('approve-payment').click();
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  const number = (await page.getByTestId('order-number').innerText()).trim();
  const confirmation = page.url();

  const adminEmail = `admin-${Date.now()}@example.com`;
  const password = createAdmin(adminEmail);
  const staff = await browser.newPage();
  await staff.goto('/signin?next=/admin/orders');
  await hydrated(staff);
  const form = staff.getByTestId('signin-form');
  await form.getByLabel('Email', { exact: true }).fill(adminEmail);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(staff).toHaveURL(/\/admin\/orders$/);
  await staff.getByTestId('admin-order-list').getByRole('link', { name: number }).click();
  await expect(staff.getByTestId('order-number')).toHaveText(number);
  await hydrated(staff);
  await staff.getByTestId('ship-form').getByLabel('Tracking number').fill('1Z999AA10123456784');
  await staff.getByRole('button', { name: 'Mark shipped and email the customer' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Shipped');

  // The shopper sees it, and the email came.
  await page.goto(confirmation);
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expect(page.getByTestId('tracking-number')).toHaveText('1Z999AA10123456784');
  const mail = await mailTo(shopper, 'is on its way');
  expect(mail.body).toContain('1Z999AA10123456784');

  // A partial refund through the gateway.
  await staff.getByTestId('refund-form').getByLabel('Refund amount').fill('1.00');
  await staff.getByRole('button', { name: 'Refund through the payment provider' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Partially refunded');
  await mailTo(shopper, 'A refund for your');

  // The dashboard counts the paid order and draws its charts.
  await staff.goto('/admin?days=7');
  await expect(staff.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(staff.locator('[data-kpi="orders"] [data-testid="kpi-value"]')).not.toHaveText('0');
  await expect(staff.locator('[data-kpi="revenue"] [data-testid="kpi-value"]')).not.toHaveText('$0.00');
  await expect(staff.getByRole('img', { name: 'Revenue and orders per day' })).toBeVisible();
  await expect(staff.getByTestId('funnel')).toContainText('Placed an order');
  await expect(staff.getByTestId('top-products').locator('li')).not.toHaveCount(0);

  // The audit log has both staff actions on this order, with who did them.
  await staff.goto(`/admin/audit?q=${number}`);
  const log = staff.getByTestId('audit-log');
  await expect(log).toContainText('order.ship');
  await expect(log).toContainText('order.refund');
  await expect(log).toContainText(adminEmail);
  await expect(log).toContainText('1Z999AA10123456784');
});
