import { expect, test } from './fixtures';
import { inStockSkus } from './shop';

// A shopper whose browser runs no JavaScript (or whose WASM failed or is
// still loading) can still buy: the product page's server HTML carries a
// working form, and the cart is rendered on the server.

test.use({ javaScriptEnabled: false });

test('add to cart works with JavaScript off', async ({ page }) => {
  const [sku] = await inStockSkus(page);
  await page.goto(`/product/rowan-essential-merino-t-shirt?variant=${encodeURIComponent(sku)}`);
  await expect(page.getByTestId('sku')).toHaveText(sku);
  const quantity = page.getByTestId('quantity');
  await expect(quantity).toHaveValue('1');
  await expect(page.getByTestId('cart-count')).toHaveText('0');

  await quantity.fill('2');
  await page.getByTestId('add-to-cart').click();

  // The form posted, the server redirected back to the same product page.
  await expect(page).toHaveURL(/\/product\/rowan-essential-merino-t-shirt\?variant=/);
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await page.goto('/cart');
  const line = page.getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(sku);
  await expect(line.getByTestId('line-quantity')).toHaveValue('2');
});
