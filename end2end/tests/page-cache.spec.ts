import { expect, test } from './fixtures';
import { signInAsAdmin } from './admin';
import { hydrated } from './shop';

// Anonymous shoppers get pages from the shared cache, whose policy names
// the SHA-256 of the page's own scripts instead of a per-response nonce.
// Staff put markup into a product description; on a cache hit the page
// still hydrates (its own scripts pass), the markup stays text, and a
// script that is not the page's own is refused by the browser.

test('a cached page runs its own scripts and nothing else', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const anonymous = await browser.newContext();
  const shopper = await anonymous.newPage();
  await shopper.goto('/category/men');
  const href = (await shopper.locator('a[href^="/product/"]').nth(2).getAttribute('href'))!;
  const slug = href.split('/').pop()!.split('?')[0];

  await signInAsAdmin(page, `/admin/products/${slug}`);
  await hydrated(page);
  const description = page.getByLabel('Description', { exact: true });
  const before = await description.inputValue();
  await description.fill(`${before}<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">`);
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page).toHaveURL(/\?saved=1$/);

  const violations: string[] = [];
  shopper.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await shopper.goto(href);
  const res = await shopper.goto(href);
  expect(res!.headers()['x-mercato-cache']).toBe('hit');
  const policy = res!.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'sha256-");
  expect(policy).not.toContain("'nonce-");
  // Its own inline scripts ran: the page hydrated, nothing was refused.
  await hydrated(shopper);
  expect(violations).toEqual([]);
  // The description is text, and no script from it ran.
  await expect(shopper.getByText('window.__pwned = 1').first()).toBeAttached();
  expect(await shopper.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // A script that is not the page's own is refused by the browser.
  const refused = await shopper.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = 3';
        document.body.append(s);
        setTimeout(() => resolve(false), 2000);
      }),
  );
  expect(refused).toBe(true);
  expect(await shopper.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Put the description back (other journeys read this product).
  await page.goto(`/admin/products/${slug}`);
  await hydrated(page);
  await page.getByLabel('Description', { exact: true }).fill(before);
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page).toHaveURL(/\?saved=1$/);
  await anonymous.close();
});
