import { expect, test } from './fixtures';
import { CUSTOMER_PASSWORD, signIn, signUp } from './admin';
import { hydrated, PRODUCT } from './shop';

// A guest saves products with the hearts (mouse and keyboard, no reload),
// signs in and finds them on their list, moves one to the cart, and shares
// the list by a private link someone else can only look at.

test('a guest wishlist survives sign-in, moves to the cart and is shared read-only', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `wisher-${Date.now()}@example.com`;
  const signup = await browser.newPage();
  await signUp(signup, email, 'Wendy Wisher');
  await signup.close();

  // The product page's heart saves the chosen variant, in place.
  await page.goto(PRODUCT);
  await hydrated(page);
  // The product's own heart, beside "Add to cart" (the shelves' cards have theirs).
  const heart = page
    .locator('[data-testid="add-to-cart-form"] ~ [data-testid="wishlist-form"]')
    .getByTestId('wishlist-heart');
  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  const url = page.url();
  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  await expect(heart).toHaveAccessibleName(/Remove .* from your wishlist/);
  await expect(page.getByTestId('wishlist-count')).toHaveText('1');
  expect(page.url()).toBe(url);

  // A card's heart, by keyboard.
  await page.goto('/');
  await hydrated(page);
  // Pin the card by its link: once saved it no longer matches "not pressed".
  const href = await page
    .getByTestId('product-card')
    .filter({ has: page.locator('[data-testid="wishlist-heart"][aria-pressed="false"]') })
    .first()
    .locator('h3 a')
    .getAttribute('href');
  const card = page.getByTestId('product-card').filter({ has: page.locator(`h3 a[href="${href}"]`) }).first();
  const cardHeart = card.getByTestId('wishlist-heart');
  await cardHeart.focus();
  await page.keyboard.press('Enter');
  await expect(cardHeart).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('wishlist-count')).toHaveText('2');

  // Signed in, the guest's list is the customer's.
  await signIn(page, email, CUSTOMER_PASSWORD, '/wishlist');
  await hydrated(page);
  const lines = page.getByTestId('wishlist-lines').getByTestId('wishlist-line');
  await expect(lines).toHaveCount(2);
  await expect(page.getByTestId('wishlist-count')).toHaveText('2');

  // Move the one in stock to the cart: off the list, into the cart.
  const movable = lines.filter({ has: page.locator('[data-testid="move-to-cart"]:enabled') }).first();
  const sku = await movable.getAttribute('data-sku');
  await movable.getByTestId('move-to-cart').click();
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await expect(lines).toHaveCount(1);
  await expect(page.locator(`[data-testid="wishlist-line"][data-sku="${sku}"]`)).toHaveCount(0);

  // Shared by a private link: another browser sees it and cannot change it.
  await page.getByTestId('wishlist-share').click();
  const link = page.getByTestId('wishlist-share-link');
  await expect(link).toBeVisible();
  const shareHref = (await link.getAttribute('href')) ?? '';
  const friend = await browser.newPage();
  await friend.goto(shareHref);
  await expect(friend.getByRole('heading', { level: 1 })).toHaveText("Wendy's wishlist");
  await expect(friend.getByTestId('shared-wishlist').getByTestId('wishlist-line')).toHaveCount(1);
  await expect(friend.getByTestId('move-to-cart')).toHaveCount(0);
  await expect(friend.getByTestId('wishlist-remove')).toHaveCount(0);

  // Stopping sharing ends the link.
  await page.getByTestId('wishlist-share').click();
  await expect(page.getByTestId('wishlist-share-link')).toHaveCount(0);
  const gone = await friend.goto(shareHref);
  expect(gone?.status()).toBe(404);
  await friend.close();
});
