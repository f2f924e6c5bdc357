import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { PRODUCT, hydrated } from './shop';

// Staff write a product's German title and description in the editor; a
// German shopper finds it by the German words, reads it in German, and an
// English search for the same words finds nothing.
test('a product translated in the editor is read and found in German', async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const shopper = await anonymous.newPage();
  await shopper.goto('/category/women');
  const href = (await shopper.locator('a[href^="/product/"]').nth(4).getAttribute('href'))!;
  const slug = href.split('/').pop()!.split('?')[0];

  await signInAsAdmin(page, `/admin/products/${slug}`);
  await hydrated(page);
  const german = page.getByTestId('translation-de');
  await german.getByLabel('Title (Deutsch)').fill('Wanderhemd Spezial');
  await german.getByLabel('Description (Deutsch)').fill('Ein leichtes Hemd zum Wandern.');
  await page.getByRole('button', { name: 'Save translations' }).click();
  await expect(page.getByText('Translations saved.')).toBeVisible();

  // The index takes the change from the outbox a moment later.
  await expect(async () => {
    await shopper.goto('/de/search?q=wanderhemd');
    await expect(shopper.getByTestId('search-hit').first()).toContainText('Wanderhemd Spezial', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(shopper.getByTestId('search-hit').first().locator('mark')).toHaveText(['Wanderhemd']);
  await hydrated(shopper);
  await shopper.getByTestId('search-hit').first().getByRole('link').first().click();
  await expect(shopper).toHaveURL(new RegExp(`/de/product/${slug}`));
  await expect(shopper.getByRole('heading', { level: 1 })).toHaveText('Wanderhemd Spezial');
  await expect(shopper.getByText('Ein leichtes Hemd zum Wandern.')).toBeVisible();

  // On the wishlist, in the cart too, and still after a change made there in place.
  await shopper
    .locator('[data-testid="add-to-cart-form"] ~ [data-testid="wishlist-form"]')
    .getByTestId('wishlist-heart')
    .click();
  await expect(shopper.getByTestId('wishlist-count')).toHaveText('1');
  const productPage = shopper.url();
  await shopper.goto('/de/wishlist');
  await expect(shopper.getByTestId('wishlist-line').first()).toContainText('Wanderhemd Spezial');
  await shopper.goto(productPage);
  await hydrated(shopper);
  await shopper.getByTestId('add-to-cart').click();
  await expect(shopper.getByTestId('cart-count')).toHaveText('1');
  await shopper.goto('/de/cart');
  await hydrated(shopper);
  const line = shopper.getByTestId('cart-line').first();
  await expect(line).toContainText('Wanderhemd Spezial');
  await line.getByTestId('line-quantity').fill('2');
  await line.getByTestId('line-quantity').press('Tab');
  await expect(shopper.getByTestId('cart-count')).toHaveText('2');
  await expect(line).toContainText('Wanderhemd Spezial');
  await shopper.goto('/cart');
  await expect(shopper.getByTestId('cart-line').first()).not.toContainText('Wanderhemd Spezial');

  await shopper.goto('/search?q=wanderhemd');
  await expect(shopper.getByTestId('no-results')).toBeVisible();
  await shopper.goto(`/product/${slug}`);
  await expect(shopper.getByRole('heading', { level: 1 })).not.toHaveText('Wanderhemd Spezial');

  // Put it back (other journeys read this product).
  await german.getByLabel('Title (Deutsch)').fill('');
  await german.getByLabel('Description (Deutsch)').fill('');
  await page.getByRole('button', { name: 'Save translations' }).click();
  await expect(page.getByText('Translations saved.')).toBeVisible();
  await anonymous.close();
});

// Staff name a category in French from the category tree; a French
// shopper reads the new name in the navigation and on its page, English
// shoppers keep the English one.
test('a category named in French in the admin reads in French', async ({ page, browser }) => {
  await signInAsAdmin(page, '/admin/categories');
  await hydrated(page);
  await page.getByRole('link', { name: 'Description and translations of Outdoor' }).click();
  await expect(page).toHaveURL(/\/admin\/categories\/outdoor$/);
  const french = page.getByTestId('translation-fr');
  await expect(french.getByLabel('Name (Français)')).toHaveValue('Plein air');
  // A description without a name is refused, and named under its field.
  await french.getByLabel('Name (Français)').fill('');
  await french.getByLabel('Description (Français)').fill('Pour dehors.');
  await page.getByRole('button', { name: 'Save category' }).click();
  await expect(french.getByLabel('Name (Français)')).toHaveAttribute('aria-invalid', 'true');
  await french.getByLabel('Name (Français)').fill('Grand air');
  await french.getByLabel('Description (Français)').fill("Tout pour l'aventure.");
  await page.getByRole('button', { name: 'Save category' }).click();
  await expect(page.getByText('Category saved.')).toBeVisible();

  const anonymous = await browser.newContext();
  const shopper = await anonymous.newPage();
  await expect(async () => {
    await shopper.goto('/fr/category/outdoor');
    await expect(shopper.getByTestId('category-title')).toHaveText('Grand air', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(shopper.getByText("Tout pour l'aventure.")).toBeVisible();
  await expect(shopper.getByRole('navigation', { name: 'Rayons' }).getByRole('link', { name: 'Grand air' })).toBeVisible();
  await shopper.goto('/category/outdoor');
  await expect(shopper.getByTestId('category-title')).toHaveText('Outdoor');

  // Put it back (other journeys read this category).
  await french.getByLabel('Name (Français)').fill('Plein air');
  await french.getByLabel('Description (Français)').fill("De l'équipement pour les sentiers, le camping et le retour.");
  await page.getByRole('button', { name: 'Save category' }).click();
  await expect(async () => {
    await shopper.goto('/fr/category/outdoor');
    await expect(shopper.getByTestId('category-title')).toHaveText('Plein air', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await anonymous.close();
});

// Staff change a word of the glossary; the French product page's option
// reads it at once, the English page keeps the English word, and picking
// a size still works (the values behind the words stay English).
test('a word from the glossary names an option in French', async ({ page, browser }) => {
  await signInAsAdmin(page, '/admin/words');
  await hydrated(page);
  const french = page.getByLabel('Size in Français');
  await expect(french).toHaveValue('Taille');
  await french.fill('Gabarit');
  await page.getByRole('button', { name: 'Save words' }).click();
  await expect(page.getByText('Words saved.')).toBeVisible();

  const anonymous = await browser.newContext();
  const shopper = await anonymous.newPage();
  await expect(async () => {
    await shopper.goto(`/fr${PRODUCT}`);
    await expect(shopper.getByTestId('option-size').locator('legend')).toContainText('Gabarit', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(shopper.getByTestId('option-colour').locator('legend')).toContainText('Couleur');
  await hydrated(shopper);
  const size = shopper.getByTestId('option-size').locator('button:not([disabled])').first();
  await size.click();
  await expect(size).toHaveAttribute('aria-pressed', 'true');
  await shopper.goto(PRODUCT);
  await expect(shopper.getByTestId('option-size').locator('legend')).toContainText('Size');

  // Put it back (other journeys read this word).
  await french.fill('Taille');
  await page.getByRole('button', { name: 'Save words' }).click();
  await expect(async () => {
    await shopper.goto(`/fr${PRODUCT}`);
    await expect(shopper.getByTestId('option-size').locator('legend')).toContainText('Taille', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await anonymous.close();
});
