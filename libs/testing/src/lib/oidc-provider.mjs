// A real OpenID Connect provider (oidc-provider) for the single sign-on tests. It runs as its
// own Node process because oidc-provider is ES modules only, which Jest's CommonJS runtime
// cannot load. Protocol on stdio: it prints {"issuer"} once listening, reads one JSON line
// with the client ({clientId, clientSecret, redirectUri}: Banli's port is known only then),
// and prints {"ready": true}.
//
// Its sign-in page is this file's own, not oidc-provider's development pages: GET
// /interaction/:uid answers what the provider asks (JSON; a form for a browser that asks for
// HTML), POST /interaction/:uid/login with
// `login=<subject>` signs that subject in (any subject: the provider knows everyone, Banli
// decides who may enter), POST /interaction/:uid/abort refuses (access_denied). Consent is
// given by the provider's loadExistingGrant: Banli is the platform's own client.
import * as http from 'node:http';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

const server = http.createServer();
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const issuer = `http://127.0.0.1:${server.address().port}`;
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

const [line] = await once(createInterface({ input: process.stdin }), 'line');
const { clientId, clientSecret, redirectUri } = JSON.parse(line);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  cookies: { keys: ['banli-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid');
    await grant.save();
    return grant;
  },
});
const handle = provider.callback();

async function formOf(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

server.on('request', async (req, res) => {
  const interaction = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(req.url ?? '');
  if (!interaction) return handle(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && !interaction[2] && /text\/html/.test(req.headers.accept ?? '')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>统一身份认证平台</title>
<form method="post" action="/interaction/${details.uid}/login">
<label>账号 <input name="login" autofocus></label> <button type="submit">登录</button>
</form>
<form method="post" action="/interaction/${details.uid}/abort"><button type="submit">取消</button></form></html>`);
    }
    if (req.method === 'GET' && !interaction[2]) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
    }
    if (req.method === 'POST' && interaction[2] === 'login') {
      const login = (await formOf(req)).get('login');
      return await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    }
    if (req.method === 'POST' && interaction[2] === 'abort') {
      return await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'refused by the test' },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(404).end();
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(e));
  }
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
