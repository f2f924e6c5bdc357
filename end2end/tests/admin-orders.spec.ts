import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { createAdmin, signIn } from './admin';
import { mailTo } from './mailbox';
import { addToCart, fillAddress, hydrated } from './shop';

// The admin journey: an admin (made with `mercato admin create`) signs in,
// creates a product with two options (4 variants) and an image; it shows
// on the storefront and in search; a shopper buys it; the admin ships it
// with a tracking number — the shopper's order shows "Shipped" and the
// email arrives — then refunds part of it. Dashboard and audit log follow.

async function createProduct(staff: Page, title: string): Promise<string> {
  await staff.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Products' }).click();
  await expect(staff.getByTestId('admin-product-list')).toBeVisible();
  await staff.getByTestId('new-product').click();
  await expect(staff.getByTestId('product-form')).toBeVisible();
  await hydrated(staff);
  const form = staff.getByTestId('product-form');
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Brand').fill('Mercato');
  await form.getByLabel('Category').selectOption({ label: 'Men › Tops › T-Shirts' });
  await form.getByLabel('Status').selectOption('active');
  await form.getByLabel('Description', { exact: true }).fill('A light knit polo for warm days.');
  await form.getByLabel('Option 1 name').fill('Size');
  await form.getByLabel('Option 1 values').fill('S, M');
  await form.getByLabel('Option 1 values').press('Tab');
  await form.getByRole('button', { name: 'Add option' }).click();
  await form.getByLabel('Option 2 name').fill('Colour');
  await form.getByLabel('Option 2 values').fill('Red, Blue');
  await form.getByLabel('Option 2 values').press('Tab');
  const rows = form.getByTestId('variant-row');
  await expect(rows).toHaveCount(4);
  await expect(form.getByRole('heading', { name: 'Variants (4)' })).toBeVisible();
  for (const variant of ['S / Red', 'S / Blue', 'M / Red', 'M / Blue']) {
    await form.getByLabel(`Price of ${variant}`, { exact: true }).fill('29.00');
    await form.getByLabel(`Stock in EAST of ${variant}`).fill('6');
  }
  await form.getByLabel('Compare-at price of M / Blue').fill('35.00');
  await form.getByRole('button', { name: 'Save product' }).click();
  await expect(staff).toHaveURL(/\/admin\/products\/[a-z0-9-]+\?saved=1$/);
  await expect(staff.getByTestId('notice')).toHaveText('Saved.');
  const slug = new URL(staff.url()).pathname.split('/').pop()!;

  // An image: uploaded, checked and re-encoded by the server.
  await hydrated(staff);
  const images = staff.getByTestId('product-images');
  await images.getByLabel(/^Image/).setInputFiles(path.join(__dirname, '..', 'fixtures', 'polo.png'));
  await images.getByLabel('Description for screen readers').fill('Zephyr polo, front');
  await images.getByRole('button', { name: 'Upload image' }).click();
  await expect(images.getByRole('img', { name: 'Zephyr polo, front' })).toBeVisible();
  // A file that isn't an image is refused with a reason.
  await images.getByLabel(/^Image/).setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
  await images.getByRole('button', { name: 'Upload image' }).click();
  await expect(staff.getByTestId('upload-error')).toContainText('PNG, JPEG');
  return slug;
}

test('an admin creates a product, a shopper buys two, the admin ships them in two parcels and partly refunds', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const adminEmail = `admin-${Date.now()}@example.com`;
  const password = createAdmin(adminEmail);
  const staff = await browser.newPage();
  await signIn(staff, adminEmail, password, '/admin');
  await expect(staff.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  const title = `Zephyr Knit Polo ${Date.now() % 100000}`;
  const slug = await createProduct(staff, title);

  // On the storefront, with its image and all four variants.
  await page.goto(`/product/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('main-image')).toHaveAttribute('src', /\/uploads\/products\/.+\.jpg$/);
  await expect(page.getByTestId('variant-table').locator('tbody tr')).toHaveCount(4);
  // And in search, once the index has caught up through the outbox.
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent('zephyr knit')}`);
    await expect(page.getByTestId('search-hit').filter({ hasText: title })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // A shopper buys two of the medium blue one.
  const shopper = `ship-${Date.now()}@example.com`;
  await page.goto(`/product/${slug}`);
  const sku = (await page.getByTestId('variant-table').locator('tbody tr').filter({ hasText: 'M / Blue' }).locator('td').nth(1).textContent())!.trim();
  await addToCart(page, sku, 1, `/product/${slug}`);
  await addToCart(page, sku, 2, `/product/${slug}`);
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

  // The admin ships one with UPS now, the other later.
  await staff.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
  await staff.getByTestId('admin-order-list').getByRole('link', { name: number }).click();
  await expect(staff.getByTestId('order-number')).toHaveText(number);
  await hydrated(staff);
  const ship = staff.getByTestId('ship-form');
  await ship.getByLabel('Carrier').selectOption('ups');
  await ship.getByLabel('Tracking number').fill('1Z 999 AA1 0123456784');
  await expect(ship.getByTestId(`ship-qty-${sku}`)).toHaveValue('2');
  await ship.getByTestId(`ship-qty-${sku}`).fill('1');
  await staff.getByRole('button', { name: 'Ship and email the customer' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Partly shipped');
  await expect(staff.getByTestId('shipment')).toHaveCount(1);

  // The shopper sees the parcel with the carrier's tracking link, and the email came.
  await page.goto(confirmation);
  await expect(page.getByTestId('order-status')).toHaveText('Partly shipped');
  const tracking = page.getByTestId('tracking-number');
  await expect(tracking).toHaveText('1Z999AA10123456784');
  await expect(tracking).toHaveAttribute('href', 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
  const mail = await mailTo(shopper, 'is on its way');
  expect(mail.body).toContain('1Z999AA10123456784');
  expect(mail.body).toContain('part of order');

  // The second parcel: only the one left is offered.
  await expect(ship.getByTestId(`ship-qty-${sku}`)).toHaveValue('1');
  await ship.getByLabel('Carrier').selectOption('other');
  await ship.getByLabel('Tracking number').fill('LOCAL-2');
  await staff.getByRole('button', { name: 'Ship and email the customer' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Shipped');
  await expect(staff.getByTestId('shipment')).toHaveCount(2);
  await expect(staff.getByTestId('ship-form')).toHaveCount(0);
  await page.goto(confirmation);
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expect(page.getByTestId('tracking-number')).toHaveText(['1Z999AA10123456784', 'LOCAL-2']);

  // A partial refund through the gateway.
  await staff.getByTestId('refund-form').getByLabel('Refund amount').fill('1.00');
  await staff.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Partially refunded');
  await mailTo(shopper, 'A refund for your');

  // The sale left the shelf and the inventory history says why.
  await staff.goto(`/admin/inventory?sku=${encodeURIComponent(sku)}`);
  const moves = staff.getByTestId('movements');
  await expect(moves).toContainText('sale');
  await expect(moves).toContainText('edit');

  // The dashboard counts the paid order and draws its charts.
  await staff.goto('/admin?days=7');
  await expect(staff.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(staff.locator('[data-kpi="orders"] [data-testid="kpi-value"]')).not.toHaveText('0');
  await expect(staff.locator('[data-kpi="revenue"] [data-testid="kpi-value"]')).not.toHaveText('$0.00');
  await expect(staff.getByRole('img', { name: 'Revenue and orders per day' })).toBeVisible();
  await expect(staff.getByTestId('funnel')).toContainText('Placed an order');
  await expect(staff.getByTestId('top-products').locator('li')).not.toHaveCount(0);

  // The audit log has the product and both order actions, with who did them.
  await staff.goto(`/admin/audit?q=${number}`);
  const log = staff.getByTestId('audit-log');
  await expect(log).toContainText('order.ship');
  await expect(log).toContainText('order.refund');
  await expect(log).toContainText(adminEmail);
  await expect(log).toContainText('1Z999AA10123456784');
  await staff.goto(`/admin/audit?q=${slug}`);
  await expect(staff.getByTestId('audit-log')).toContainText('product.create');
  await expect(staff.getByTestId('audit-log')).toContainText('product.image_add');
});
