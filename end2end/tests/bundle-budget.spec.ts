import { expect, test } from './fixtures';

// What a shopper's browser downloads before the shop is interactive: the
// JS glue and the WASM the home page preloads, as the server sends them
// (brotli). The budget is the size reached (bench/RESULTS.md, "Browser
// bundle"); lower it when the bundle shrinks, and treat a failure as a
// regression to explain, not a number to raise.
const FIRST_LOAD_BUDGET_BYTES = 750_000;

test('the first load stays within its budget', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const assets = [...html.matchAll(/<link[^>]+href="(\/pkg\/[^"]+\.(?:js|wasm))"/g)].map((m) => m[1]);
  expect(assets.some((a) => a.endsWith('.wasm'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  let total = 0;
  const sizes: string[] = [];
  for (const asset of new Set(assets)) {
    const res = await request.get(asset, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-encoding']).toBe('br');
    const bytes = Number(res.headers()['content-length']);
    expect(bytes).toBeGreaterThan(0);
    sizes.push(`${asset}: ${bytes}`);
    total += bytes;
  }
  console.log(`first load: ${total} bytes brotli (${sizes.join(', ')})`);
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});
