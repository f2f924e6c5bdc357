// Waits until the server answers /readyz: on a fresh database it first
// migrates and seeds the demo shop, which takes a few seconds.
export default async function globalSetup() {
  const base = process.env.MERCATO_E2E_URL ?? 'http://127.0.0.1:3000';
  const deadline = Date.now() + 180_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`mercato did not become ready at ${base}: ${last}`);
}
