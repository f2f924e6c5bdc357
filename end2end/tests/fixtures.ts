// Every journey imports `test` and `expect` from here, not from
// @playwright/test: the fixtures below watch every browser context a test
// uses (its own `page`, and any it opens with `browser.newPage()` /
// `browser.newContext()`), and fail the test on an uncaught page error, a
// Rust panic in the WASM, a bundle that failed to load, or a failed WASM
// instantiation — the failures that leave a page rendered but dead. They
// also fail it on a page with two elements of one id, where a label names
// the wrong input and assistive technology reads the wrong field.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };
export type { Page } from '@playwright/test';

/** What went wrong in the browser during the current test. */
const problems: string[] = [];

const BUNDLE = /\/pkg\/[^?#]+\.(wasm|js|css)(\?|#|$)/;
// Console errors that mean the app itself broke. Other console errors are
// expected: Chromium logs every 4xx a server function answers with.
const BROKEN = /panicked at|WebAssembly|wasm-bindgen|RuntimeError|unreachable executed|hydration/i;

const watched = new WeakSet<BrowserContext>();
/** Contexts that run no JavaScript: Chromium refuses their bundle loads by
 * design, so those are not failures. */
const noScripts = new WeakSet<BrowserContext>();

/** Ids used by more than one element in the page's current document. */
async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) {
      if (seen.has(el.id)) twice.add(el.id);
      seen.add(el.id);
    }
    return [...twice];
  });
}

function checkIds(page: Page) {
  duplicateIds(page)
    .then((ids) => {
      if (ids.length > 0) problems.push(`duplicate ids on ${page.url()}: ${ids.join(', ')}`);
    })
    // The page navigated or closed while it was being read.
    .catch(() => {});
}

function watch(context: BrowserContext, scripts: boolean) {
  if (!scripts) noScripts.add(context);
  // Playwright makes the default context through browser.newContext too.
  if (watched.has(context)) return;
  watched.add(context);
  context.on('page', (page) => {
    page.on('load', () => checkIds(page));
    // Leptos answers a form posted without the WASM by redirecting back with
    // `__err`: in a page that runs scripts, the app was not in control yet.
    page.on('framenavigated', (frame) => {
      if (scripts && frame === page.mainFrame() && /[?&]__err=/.test(frame.url())) {
        problems.push(`a form was posted before the app took over: ${frame.url()}`);
      }
    });
  });
  context.on('weberror', (e) => problems.push(`uncaught error on ${e.page()?.url()}: ${e.error().message}`));
  context.on('console', (msg) => {
    if (msg.type() === 'error' && BROKEN.test(msg.text())) {
      problems.push(`console error on ${msg.page()?.url()}: ${msg.text()}`);
    }
  });
  context.on('response', (res) => {
    if (BUNDLE.test(res.url()) && res.status() >= 400) {
      problems.push(`bundle ${res.url()} answered ${res.status()}`);
    }
  });
  context.on('requestfailed', (req) => {
    // A navigation away aborts pending loads; that is not a broken bundle.
    const why = req.failure()?.errorText ?? '';
    if (BUNDLE.test(req.url()) && !why.includes('ERR_ABORTED') && !noScripts.has(context)) {
      problems.push(`bundle ${req.url()} failed: ${why}`);
    }
  });
}

function watchNewContexts(browser: Browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watch(context, options?.javaScriptEnabled !== false);
    return context;
  };
}

export const test = base.extend<{ noPageErrors: void }, { watchedBrowser: void }>({
  watchedBrowser: [
    async ({ browser }, use) => {
      watchNewContexts(browser);
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  context: async ({ context, javaScriptEnabled }, use) => {
    watch(context, javaScriptEnabled !== false);
    await use(context);
  },
  page: async ({ page }, use) => {
    await use(page);
    // Pages reached by client-side navigation fire no load event.
    if (!page.isClosed()) {
      const ids = await duplicateIds(page).catch(() => []);
      expect(ids, `ids used twice on ${page.url()}`).toEqual([]);
    }
  },
  noPageErrors: [
    async ({}, use) => {
      problems.length = 0;
      await use();
      expect(problems, 'the browser reported errors on pages this test opened').toEqual([]);
    },
    { auto: true },
  ],
});
