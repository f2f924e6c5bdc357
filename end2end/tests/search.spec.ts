import { expect, test } from './fixtures';
import { hydrated } from './shop';

// A shopper types a misspelt word in the header box, picks from the
// suggestions with the keyboard, narrows the results with two facets,
// reloads (the URL holds everything), steps back, and clears the filters.

test('search with a typo, suggestions, facets and a shareable URL', async ({ page }) => {
  await page.goto('/');
  await hydrated(page);

  const box = page.getByRole('combobox', { name: 'Search products' });
  await box.click();
  await box.pressSequentially('jakcet', { delay: 40 });
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option').filter({ hasText: /Jacket/ }).first()).toBeVisible();
  await expect(list.locator('[role="option"][data-kind="category"]').first()).toContainText('Jackets');

  // Arrow keys move the active option; Escape closes the list.
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', 'search-suggestions-0');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', 'search-suggestions-1');
  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');

  // Enter with no active option searches for what was typed.
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=jakcet$/);
  await expect(page.getByTestId('search-title')).toHaveText('Results for “jakcet”');
  await expect(page.getByTestId('search-hit').first()).toContainText('Jacket');
  await expect(page.getByTestId('search-hit').first().locator('mark')).toHaveText(['Jacket']);
  const all = await page.getByTestId('result-count').innerText();

  // Two facets: a brand, then a size. Each updates the URL and the results.
  await hydrated(page);
  const brandBox = page.locator('fieldset[data-facet="Brand"]').getByRole('checkbox').first();
  const brand = (await brandBox.getAttribute('value'))!;
  await brandBox.check();
  await expect(page).toHaveURL(/[?&]brand=/);
  await expect(page.getByTestId('result-count')).not.toHaveText(all);
  const byBrand = await page.getByTestId('result-count').innerText();
  for (const hit of await page.getByTestId('search-hit').all()) {
    await expect(hit).toContainText(brand);
  }
  const sizeBox = page.locator('fieldset[data-facet="Size"]').getByRole('checkbox').first();
  await sizeBox.check();
  await expect(page).toHaveURL(/[?&]option=Size%3A/);
  await expect(page.locator('fieldset[data-facet="Size"]').getByRole('checkbox', { checked: true })).toHaveCount(1);

  // Reload: the same filters, ticked, the same results.
  const shared = page.url();
  const filtered = await page.getByTestId('result-count').innerText();
  await page.reload();
  await hydrated(page);
  expect(page.url()).toBe(shared);
  await expect(page.getByTestId('result-count')).toHaveText(filtered);
  await expect(page.locator('fieldset[data-facet="Brand"]').getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(page.locator('fieldset[data-facet="Size"]').getByRole('checkbox', { checked: true })).toHaveCount(1);

  // Back goes to the brand-only results.
  await page.goBack();
  await expect(page).not.toHaveURL(/option=/);
  await expect(page.getByTestId('result-count')).toHaveText(byBrand);

  // Clear all: back to every result for the query.
  await page.getByTestId('clear-filters').click();
  await expect(page).toHaveURL(/\/search\?q=jakcet$/);
  await expect(page.getByTestId('result-count')).toHaveText(all);
  await expect(page.locator('[data-testid="facets"] input[type="checkbox"]:checked')).toHaveCount(0);
});

test('a search that finds nothing suggests a spelling and popular products', async ({ page }) => {
  await page.goto('/search?q=jcakte');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await hydrated(page);
  await page.getByTestId('did-you-mean').click();
  await expect(page).toHaveURL(/\/search\?q=jacket$/);
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
});

// The demo's reviews make stars a filter and an order: "4 stars & up"
// keeps only products rated 4 or better, and "Top rated" puts the best
// first; both live in the URL.
test('ratings narrow and order the results', async ({ page }) => {
  await page.goto('/search');
  await hydrated(page);
  const ratings = page.locator('fieldset[data-facet="Customer rating"]');
  const fourUp = ratings.getByRole('checkbox').first();
  await expect(ratings.getByText('4 stars & up')).toBeVisible();
  const all = await page.getByTestId('result-count').innerText();
  await fourUp.check();
  await expect(page).toHaveURL(/[?&]rating=4/);
  await expect(ratings.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(page.getByTestId('result-count')).not.toHaveText(all);
  const averages = async () => {
    const labels = await page.getByTestId('search-hit').getByRole('img', { name: /^Rated / }).evaluateAll(
      (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return labels.map((l) => Number(/Rated ([\d.]+)/.exec(l)![1]));
  };
  const hits = await page.getByTestId('search-hit').count();
  expect(hits).toBeGreaterThan(0);
  const filtered = await averages();
  expect(filtered.length, 'every hit is rated').toBe(hits);
  for (const a of filtered) expect(a).toBeGreaterThanOrEqual(4);

  // Top rated, without the filter: best average first, unrated last.
  await fourUp.uncheck();
  await expect(page).not.toHaveURL(/rating=/);
  await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Top rated' }).click();
  await expect(page).toHaveURL(/[?&]sort=rating/);
  await expect(page.getByTestId('result-count')).toHaveText(all);
  await expect(page.getByTestId('search-hit').first().getByRole('img', { name: /^Rated / })).toBeVisible();
  const ordered = await averages();
  expect(ordered.length).toBeGreaterThan(1);
  expect([...ordered].sort((a, b) => b - a)).toEqual(ordered);
});
