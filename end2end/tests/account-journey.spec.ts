import { expect, test, type Page } from './fixtures';
import { linkFromMail, totp } from './mailbox';

// A shopper's account life: sign up → confirm email from the mail → sign
// out → sign in → turn on 2FA → sign out → sign in with a TOTP code →
// forget the password and reset it from the mail.

const email = `shopper-${Date.now()}@example.com`;
const password = 'plum tractor velvet harbour';
const newPassword = 'copper lantern meadow quartz';

async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

/** Turns the mail's absolute link into one on the server under test. */
function local(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}

async function signOut(page: Page) {
  await page.goto('/account');
  await hydrated(page);
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
}

async function signIn(page: Page, pw: string) {
  await page.goto('/signin');
  await hydrated(page);
  const form = page.getByTestId('signin-form');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password').fill(pw);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

test('sign up, confirm, 2FA and password reset', async ({ page }) => {
  // Each TOTP time step is accepted once, so the journey may wait for the clock.
  test.setTimeout(180_000);
  // Sign up.
  await page.goto('/signup');
  await hydrated(page);
  const signup = page.getByTestId('signup-form');
  await signup.getByLabel('Name').fill('Sam Shopper');
  await signup.getByLabel('Email', { exact: true }).fill(email);
  await signup.getByLabel('Password').fill('password1234');
  await signup.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('form-error')).toContainText('too common');
  await signup.getByLabel('Password').fill(password);
  await signup.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('notice')).toContainText('Check your inbox');

  // Confirm the email from the mail: confirmed, but not signed in by the link.
  const verify = await linkFromMail(email, '/verify-email');
  await page.goto(local(verify));
  await hydrated(page);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByTestId('notice')).toContainText('confirmed');
  await expect(page.getByTestId('continue')).toHaveText('Sign in');
  await expect(page.getByTestId('sign-in-link')).toBeVisible();

  // Sign in.
  await signIn(page, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('account-greeting')).toContainText('Hello, Sam');
  await expect(page.getByTestId('account-link')).toContainText('Sam');

  // Turn on 2FA with the key shown next to the QR code.
  await page.goto('/account/security');
  await hydrated(page);
  // Turning it on needs the password.
  const begin = page.getByTestId('two-factor-begin-form');
  await begin.getByLabel('Current password').fill(password);
  await page.getByTestId('two-factor-begin').click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await expect(page.locator('[data-testid="two-factor"] svg')).toBeVisible();
  const confirm = page.getByTestId('totp-confirm-form');
  await confirm.getByLabel('6-digit code').fill(await totp(secret));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await expect(page.getByTestId('two-factor-status')).toContainText('On.');

  // Sign out; signing in now asks for a code.
  await signOut(page);
  await signIn(page, password);
  const second = page.getByTestId('second-factor-form');
  await expect(second).toBeVisible();
  await second.getByLabel('Code').fill(await totp(secret));
  await second.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('account-greeting')).toBeVisible();
  await signOut(page);

  // Forgot the password: reset it from the mail, then sign in with it (and a code).
  const asked = Date.now() - 1000;
  await page.goto('/forgot-password');
  await hydrated(page);
  await page.getByTestId('forgot-form').getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByTestId('notice')).toContainText('reset link is on its way');
  const reset = await linkFromMail(email, '/reset-password', asked);
  await page.goto(local(reset));
  await hydrated(page);
  await page.getByTestId('reset-form').getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1/);
  await signIn(page, password);
  await expect(page.getByTestId('form-error')).toContainText('incorrect');
  await signIn(page, newPassword);
  const again = page.getByTestId('second-factor-form');
  await expect(again).toBeVisible();
  await again.getByLabel('Code').fill(await totp(secret));
  await again.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/account$/);
});
