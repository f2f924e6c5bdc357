import { expect, test } from './fixtures';
import { createAdmin, signIn } from './admin';
import { PRODUCT, hydrated } from './shop';

// Typed attributes: staff give a category an attribute (a mistake first,
// shown under the form), set it on one of its products in the editor; a
// shopper filters the category by it, reads it in the product's
// specification table and finds the product by the value's word.

test('staff define an attribute and set it on a product; a shopper filters the category by it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const name = `Finish ${stamp}`;
  const code = `finish-${stamp}`;

  // The product's category, from its breadcrumbs.
  await page.goto(PRODUCT);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
  const categoryHref = (await crumbs.last().getAttribute('href')) ?? '';
  const category = categoryHref.replace('/category/', '');
  expect(category).not.toBe('');
  // The demo shop's own attributes are there from the start.
  const specs = page.getByTestId('spec-table');
  await expect(specs).toContainText('Material');
  await expect(specs).toContainText('Weight');

  const adminEmail = `attributes-admin-${stamp}@example.com`;
  const staff = await browser.newPage();
  await signIn(staff, adminEmail, createAdmin(adminEmail), '/admin/attributes');
  await hydrated(staff);
  await expect(staff.getByTestId('attribute-list')).toContainText('women-material');
  await staff.getByRole('button', { name: 'New attribute' }).click();
  const form = staff.getByTestId('attribute-form');
  await form.getByLabel('Category').selectOption(category);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Holds').selectOption({ label: 'Colour swatch' });
  await form.getByLabel('Choices').fill('Matte\nGloss');
  await form.getByRole('button', { name: 'Save attribute' }).click();
  await expect(form.getByTestId('attribute-issues')).toContainText('give each colour its swatch');
  // Plain choices instead; what was typed is still there.
  await form.getByLabel('Holds').selectOption({ label: 'One of a list' });
  await expect(form.getByLabel('Choices')).toHaveValue('Matte\nGloss');
  await form.getByRole('button', { name: 'Save attribute' }).click();
  await expect(staff.getByTestId('attribute-form')).toHaveCount(0);
  const row = staff.getByTestId('attribute-row').filter({ hasText: code });
  await expect(row).toContainText('Matte, Gloss');

  // The editor offers it for the product, under its category's attributes.
  await staff.goto(`/admin/products/${PRODUCT.split('/').pop()}`);
  await hydrated(staff);
  const fields = staff.getByTestId('product-attributes');
  await fields.getByLabel(name).selectOption('Matte');
  await staff.getByRole('button', { name: 'Save product' }).click();
  await expect(staff).toHaveURL(/saved=1/);
  await hydrated(staff);
  await expect(staff.getByTestId('product-attributes').getByLabel(name)).toHaveValue('Matte');

  // A shopper filters the category by it.
  const shopper = await browser.newPage();
  await shopper.goto(`/category/${category}`);
  const facet = shopper.getByTestId(`facet-${name.toLowerCase().replace(' ', '-')}`);
  await expect(facet).toContainText('Matte');
  await expect(facet).toContainText('(1)');
  await expect(shopper.getByTestId('facet-material')).toBeVisible();
  await facet.getByLabel('Matte').check();
  await shopper.getByRole('button', { name: 'Apply filters' }).click();
  await expect(shopper).toHaveURL(new RegExp(`attr=${code}%3AMatte`));
  await expect(shopper.getByTestId('result-count')).toHaveText('Showing 1–1 of 1 products');
  await shopper.locator(`a[href="${PRODUCT}"]`).first().click();
  await expect(shopper).toHaveURL(new RegExp(`${PRODUCT}$`));
  const table = shopper.getByTestId('spec-table');
  await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('Matte');

  // Search knows the value's word once the index has taken the change.
  await expect(async () => {
    await shopper.goto(`/search?q=matte&attr=${code}%3AMatte`);
    await expect(shopper.locator(`a[href="${PRODUCT}"]`).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(shopper.locator(`[data-facet="${name}"]`)).toContainText('Matte');
});
