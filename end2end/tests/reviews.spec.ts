import path from 'node:path';
import { expect, test } from './fixtures';
import { signInAsAdmin, signUp } from './admin';
import { addToCart, fillAddress, hydrated, inStockSkus, PRODUCT } from './shop';

// Reviews from purchase to trust: a customer buys, staff deliver, the
// customer reviews what arrived (with a photo), staff approve, the stars show on the
// product page, and another shopper finds the review helpful.

test('a buyer reviews what arrived, staff approve it, another shopper finds it helpful', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `Warm and well made ${stamp % 100000}`;
  await signUp(page, `reviewer-${stamp}@example.com`, 'Rita Reviewer');

  // Before it arrived, the product page says who may review.
  await page.goto(`${PRODUCT}#reviews`);
  await expect(page.locator('#reviews')).toContainText('Reviews come from customers who received this product.');

  // Buy it.
  const [sku] = await inStockSkus(page);
  await addToCart(page, sku, 1);
  await page.goto('/checkout');
  await hydrated(page);
  await fillAddress(page, null);
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/pay\/offline\//);
  await hydrated(page);
  await page.getByTestId('approve-payment').click();
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  const number = (await page.getByTestId('order-number').innerText()).trim();

  // Staff ship and deliver it.
  const staff = await browser.newPage();
  await signInAsAdmin(staff, '/admin/orders');
  await staff.getByTestId('admin-order-list').getByRole('link', { name: number }).click();
  await hydrated(staff);
  await staff.getByTestId('ship-form').getByLabel('Tracking number').fill('1Z999AA10123456784');
  await staff.getByRole('button', { name: 'Ship and email the customer' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Shipped');
  await staff.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(staff.getByTestId('order-status')).toHaveText('Delivered');

  // The customer reviews it; a rude first draft is refused with a reason.
  await page.goto(`${PRODUCT}#reviews`);
  await hydrated(page);
  const form = page.getByTestId('review-form');
  await form.getByLabel('4 ★').check();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Your review').fill('This is f u c k i n g great.');
  await form.getByRole('button', { name: 'Send review' }).click();
  await expect(form.getByTestId('form-error')).toContainText('offensive language');
  await expect(form.getByLabel('Title')).toHaveValue(title);
  await expect(form.getByLabel('4 ★')).toBeChecked();
  await form.getByLabel('Your review').fill('Soft merino, true to size, and it survived the wash.');
  await form.getByRole('button', { name: 'Send review' }).click();
  await expect(form.getByRole('status')).toContainText("once we've checked it");

  // With a photo: junk is refused in words, a real picture is added.
  const photos = page.getByTestId('review-photos');
  await photos.getByLabel(/^Add a photo/).setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
  await photos.getByRole('button', { name: 'Add photo' }).click();
  await expect(photos.getByTestId('upload-error')).toBeVisible();
  await photos.getByLabel(/^Add a photo/).setInputFiles(path.join(__dirname, '..', 'fixtures', 'polo.png'));
  await photos.getByRole('button', { name: 'Add photo' }).click();
  await expect(photos.getByRole('img', { name: 'Your photo' })).toHaveCount(1);

  // Staff approve it from the queue.
  await staff.goto('/admin/reviews');
  await hydrated(staff);
  const item = staff.getByTestId('moderation-item').filter({ hasText: title });
  await expect(item).toContainText('Verified purchase');
  await expect(item.getByTestId('review-photo-strip').getByRole('img')).toHaveCount(1);
  await item.getByTestId('approve').click();
  await expect(staff.getByTestId('moderation-item').filter({ hasText: title })).toHaveCount(0);

  // Published: on the product page with its badge, and the rating shows.
  await page.goto(`${PRODUCT}?rsort=newest#reviews`);
  const review = page.getByTestId('review').filter({ hasText: title });
  await expect(review).toBeVisible();
  await expect(review.getByTestId('verified')).toBeVisible();
  const shown = review.getByTestId('review-photo-strip').getByRole('img');
  await expect(shown).toHaveCount(1);
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('rating-summary')).toBeVisible();
  await expect(page.getByTestId('rating').first()).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd.aggregateRating['@type']).toBe('AggregateRating');

  // Another shopper finds it helpful, once.
  const other = await browser.newPage();
  await signUp(other, `helpful-${stamp}@example.com`, 'Hal Helper');
  await other.goto(`${PRODUCT}?rsort=newest#reviews`);
  await hydrated(other);
  const theirs = other.getByTestId('review').filter({ hasText: title });
  await theirs.getByTestId('helpful').click();
  await expect(theirs.getByTestId('helpful')).toHaveText('Helpful (1)');
  await other.reload();
  await expect(other.getByTestId('review').filter({ hasText: title }).getByTestId('helpful')).toBeDisabled();
});
