// Sign-in with an identity provider, against the real OpenID Connect
// provider scripts/test starts (oidc-provider, its own login and consent
// pages): a new shopper's account is opened and linked; they sign out and
// in again through the provider; they set a password from the reset mail
// and unlink the provider in their security settings.
import { expect, test, type Page } from './fixtures';
import { linkFromMail } from './mailbox';
import { hydrated } from './shop';

const PROVIDER_PORT = new URL(process.env.MERCATO_E2E_OIDC_URL ?? 'http://127.0.0.1:7713').port;

const atProviderPage = (u: URL) => u.port === PROVIDER_PORT && u.pathname.startsWith('/interaction/');

/**
 * After "Continue with Acme ID": through the provider's own pages as
 * `login` (any name signs in there) until it sends the browser back; none
 * when it remembers the sign-in and the consent.
 */
async function atProvider(page: Page, login: string) {
  await page.waitForURL(
    (u) => atProviderPage(u) || (u.port !== PROVIDER_PORT && !/^\/(signin|auth\/)/.test(u.pathname)),
  );
  for (let step = 0; step < 3; step++) {
    if (!atProviderPage(new URL(page.url()))) return;
    const before = page.url();
    if (await page.locator('input[name="login"]').count()) {
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
    } else {
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((u) => u.href !== before && (u.port !== PROVIDER_PORT || atProviderPage(u)));
  }
}

test('a shopper signs up with a provider, signs in again with it, then unlinks it', async ({ page }) => {
  const login = `pat-${Date.now()}`;
  const email = `${login}@example.com`;

  await page.goto('/signin?next=/account/orders');
  await hydrated(page);
  await page.getByRole('link', { name: 'Continue with Acme ID' }).click();
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/account\/orders$/);

  // Opened and linked: the security page says so, and won't unlink the
  // only way in.
  await page.goto('/account/security');
  await hydrated(page);
  const acme = page.getByTestId('provider-acme');
  await expect(acme).toContainText(`Linked: ${email}`);
  await expect(page.getByTestId('sign-in-methods')).toContainText('Your account has no password');
  await acme.getByRole('button', { name: 'Unlink' }).click();
  await expect(page.getByTestId('form-error')).toContainText('set a password first');

  // Out, and in again through the provider: the same account.
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
  await page.goto('/signin');
  await hydrated(page);
  await page.getByRole('link', { name: 'Continue with Acme ID' }).click();
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('account-greeting')).toBeVisible();

  // A password from the reset mail; then the provider can go.
  const asked = Date.now() - 1000;
  await page.goto('/forgot-password');
  await hydrated(page);
  await page.getByTestId('forgot-form').getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByTestId('notice')).toContainText('reset link is on its way');
  const reset = new URL(await linkFromMail(email, '/reset-password', asked));
  await page.goto(reset.pathname + reset.search);
  await hydrated(page);
  await page.getByTestId('reset-form').getByLabel('New password').fill('lantern-quiet-harbour-9');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1/);
  const form = page.getByTestId('signin-form');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password').fill('lantern-quiet-harbour-9');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/account/security');
  await hydrated(page);
  await page.getByTestId('provider-acme').getByRole('button', { name: 'Unlink' }).click();
  await expect(page.getByTestId('provider-acme')).toContainText('Not linked');
  await expect(page.getByTestId('provider-acme').getByRole('link', { name: 'Link' })).toBeVisible();
});
