// Staff for the admin journeys: made with the real `mercato admin create`
// (the binary the suite runs, MERCATO_BIN), signed in through the page.
import { execFileSync } from 'node:child_process';
import { expect, type Page } from './fixtures';
import { hydrated } from './shop';

const dataDir = process.env.MERCATO_DATA_DIR ?? '../data';
const binary = process.env.MERCATO_BIN ?? '../target/release/mercato';

/** Creates an admin and returns the generated password. */
export function createAdmin(email: string): string {
  const out = execFileSync(binary, ['admin', 'create', '--email', email, '--generate-password'], {
    env: { ...process.env, MERCATO_DATA_DIR: dataDir, MERCATO_LOG: 'error', MERCATO_LEPTOS_TOML: '../Leptos.toml' },
    encoding: 'utf8',
  });
  const m = out.match(/store it now\): (\S+)/);
  if (!m) throw new Error(`no password in: ${out}`);
  return m[1];
}

/** Signs in through the form and waits until `next` has opened. */
export async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  const form = page.getByTestId('signin-form');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

/** A new admin, signed in on `page` at `next`. */
export async function signInAsAdmin(page: Page, next: string) {
  const email = `admin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await signIn(page, email, createAdmin(email), next);
}

/** The password of every customer the journeys sign up. */
export const CUSTOMER_PASSWORD = 'quiet-harbour-lantern-7';

/** A new customer through the sign-up form, then signed in at `next`. */
export async function signUp(page: Page, email: string, name: string, next = '/account') {
  await page.goto('/signup');
  await hydrated(page);
  const form = page.getByTestId('signup-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password').fill(CUSTOMER_PASSWORD);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('notice')).toContainText('Check your inbox');
  await signIn(page, email, CUSTOMER_PASSWORD, next);
}
