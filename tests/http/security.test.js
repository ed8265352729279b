// security.test.js — CSRF rejection, security headers, limits and error pages.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde } = require('../lib/varde');

let v;
before(async () => { v = await startVarde(); });
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('every response carries the security headers', async () => {
  for (const p of ['/', '/login', '/nope', '/healthz']) {
    const r = await v.client().get(p);
    const csp = r.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/, p);
    assert.match(csp, /frame-ancestors 'none'/, p);
    assert.doesNotMatch(csp, /unsafe-inline/, p);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', p);
    assert.ok(r.headers.get('referrer-policy'), p);
  }
});

test('a POST without a CSRF token is refused and changes nothing', async () => {
  const c = await v.admin();
  await c.get('/admin/orgs');
  const r = await c.post('/admin/orgs', { csrf: '', name: 'Uten token', kind: 'other' });
  assert.equal(r.status, 403);
  assert.match(r.text, /Skjemaet var utløpt/);
  const list = await c.get('/admin/orgs');
  assert.doesNotMatch(list.text, /Uten token/);
});

test("a CSRF token from another session is refused", async () => {
  const a = await v.admin();
  const b = await v.admin();
  await a.get('/admin/orgs');
  await b.get('/admin/orgs');
  const r = await a.post('/admin/orgs', { csrf: b.csrf, name: 'Feil token', kind: 'other' });
  assert.equal(r.status, 403);
});

test('a cross-site request is refused even with a valid token', async () => {
  const c = await v.admin();
  await c.get('/admin/orgs');
  const r1 = await c.post('/admin/orgs', { name: 'Kryss', kind: 'other' }, { headers: { 'sec-fetch-site': 'cross-site' } });
  assert.equal(r1.status, 403);
  const r2 = await c.post('/admin/orgs', { name: 'Kryss', kind: 'other' }, { headers: { origin: 'https://evil.example' } });
  assert.equal(r2.status, 403);
  const ok = await c.post('/admin/orgs', { name: 'Samme opphav', kind: 'other' }, { headers: { origin: v.base, 'sec-fetch-site': 'same-origin' } });
  assert.equal(ok.status, 303);
});

test('the login form is protected against login CSRF too', async () => {
  const c = v.client();
  const r = await c.request('POST', '/login', { form: { email: 'admin@test.no', password: 'x' } });
  assert.equal(r.status, 403);
});

test('a body over the route limit gets 413 and a page', async () => {
  const c = await v.admin();
  await c.get('/admin/orgs');
  const r = await c.post('/admin/orgs', { name: 'x'.repeat(10000), kind: 'other' });
  assert.equal(r.status, 413);
  assert.match(r.text, /større enn denne siden tar imot/);
});

test('unknown routes get 404 and wrong methods 405, in the asked language', async () => {
  const nb = await v.client().get('/finnes-ikke');
  assert.equal(nb.status, 404);
  assert.match(nb.text, /Fant ikke siden/);
  const en = await v.client().get('/does-not-exist', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.equal(en.status, 404);
  assert.match(en.text, /<html lang="en"/);
  assert.match(en.text, /Page not found/);
  const m = await v.client().request('DELETE', '/login');
  assert.equal(m.status, 405);
  assert.match(m.headers.get('allow'), /GET/);
  assert.match(m.headers.get('allow'), /POST/);
});

test('malformed input gets 400 and changes nothing', async () => {
  const c = await v.admin();
  await c.get('/admin/orgs');
  const bad = await c.request('POST', '/admin/orgs', {
    body: `csrf=${c.csrf}&name=%FF%FEbad&kind=other`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /kunne ikke leses/);
  const pct = await c.request('POST', '/admin/orgs', {
    body: `csrf=${c.csrf}&name=%zz&kind=other`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(pct.status, 400);
  const json = await c.request('POST', '/admin/orgs', { body: '{"name":"x"}', headers: { 'content-type': 'application/json' } });
  assert.equal(json.status, 400);
});

test('the language link sets a cookie and only redirects locally', async () => {
  const c = v.client();
  const r = await c.get('/lang/en?next=/login');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login');
  assert.equal(c.cookies.get('varde_lang'), 'en');
  const page = await c.get('/login');
  assert.match(page.text, /<html lang="en"/);
  assert.match(page.text, /Log in to Varde/);
  const evil = await v.client().get('/lang/en?next=//evil.example/');
  assert.equal(evil.location, '/');
  assert.equal((await v.client().get('/lang/xx')).status, 404);
});

test('assets are served with a content hash, long caching and gzip', async () => {
  const page = await v.client().get('/login');
  const href = page.text.match(/href="(\/assets\/designsystemet\.[0-9a-f]{8}\.css)"/)[1];
  const r = await fetch(v.base + href, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('cache-control'), /immutable/);
  assert.match(r.headers.get('content-type'), /text\/css/);
  assert.ok((await r.text()).includes('.ds-button'));
  const raw = await fetch(v.base + href, { headers: { 'accept-encoding': 'gzip' }, compress: false });
  assert.ok(raw.headers.get('etag'));
  assert.equal((await fetch(v.base + '/assets/nope.css')).status, 404);
});

test('HEAD answers like GET without a body', async () => {
  const r = await v.client().request('HEAD', '/login', { raw: true });
  assert.equal(r.status, 200);
});
