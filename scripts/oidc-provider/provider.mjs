// A real OpenID Connect provider for the sign-in tests (Rust and
// Playwright): panva's oidc-provider with its development login and
// consent pages, where any login name signs in. The account's email is
// the login (or "<login>@example.com") and verified, unless the login
// starts with "unverified". The client is registered as a native app, so
// its loopback redirect matches on any port (RFC 8252): each test server
// picks its own. Prints the issuer on the first line of stdout.
//
//   OIDC_PORT (0: any free port), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
//   OIDC_PROVIDER_ID (the shop's name for it, in the callback path),
//   OIDC_REDIRECT_URIS (more callbacks, comma-separated: a shop whose
//   public address is not this machine's loopback)
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 0);
const clientId = process.env.OIDC_CLIENT_ID ?? 'mercato-test';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'mercato-test-secret';
const providerId = process.env.OIDC_PROVIDER_ID ?? 'acme';

const server = http.createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      application_type: 'native',
      redirect_uris: [
        `http://127.0.0.1/auth/oidc/${providerId}/callback`,
        ...(process.env.OIDC_REDIRECT_URIS ?? '').split(',').filter(Boolean),
      ],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(_ctx, id) {
    const login = String(id).trim().toLowerCase();
    const email = login.includes('@') ? login : `${login}@example.com`;
    return {
      accountId: login,
      async claims() {
        return {
          sub: `acct-${login}`,
          email,
          email_verified: !login.startsWith('unverified'),
          name: login.split('@')[0].replace(/[._-]+/g, ' '),
        };
      },
    };
  },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['mercato-test-oidc-cookie-key'] },
  renderError(ctx, out) {
    ctx.type = 'text';
    ctx.body = `${out.error}: ${out.error_description ?? ''}`;
  },
});
server.on('request', provider.callback());
console.log(issuer);
