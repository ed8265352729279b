// admin.test.js — the operator creates organisations and users; validation
// messages; language setting.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, setPassword, linkFrom } = require('../lib/varde');

let v, adm;
before(async () => { v = await startVarde(); adm = await v.admin(); });
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('organisation numbers are checked with the mod-11 rule', async () => {
  await adm.get('/admin/orgs');
  const bad = await adm.post('/admin/orgs', { name: 'Feil nummer', kind: 'municipality', orgnr: '972418014', kommunenr: '1804' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /kontrollsiffer/);
  assert.match(bad.text, /id="orgnr"[^>]*aria-invalid="true"/);
  assert.match(bad.text, /value="Feil nummer"/, 'the form keeps what was typed');
  const ok = await adm.post('/admin/orgs', { name: 'Bodø kommune', kind: 'municipality', orgnr: '972 418 013', kommunenr: '1804' });
  assert.equal(ok.status, 303);
  const dup = await adm.post('/admin/orgs', { name: 'Bodø igjen', kind: 'municipality', orgnr: '972418013', kommunenr: '1804' });
  assert.equal(dup.status, 400);
  assert.match(dup.text, /finnes allerede/);
  const list = await adm.get('/admin/orgs');
  assert.match(list.text, /972418013/);
  assert.doesNotMatch(list.text, /Feil nummer/);
});

test('a municipality needs a valid municipality number', async () => {
  await adm.get('/admin/orgs');
  const none = await adm.post('/admin/orgs', { name: 'Uten nummer', kind: 'municipality' });
  assert.equal(none.status, 400);
  assert.match(none.text, /må ha kommunenummer/);
  const bad = await adm.post('/admin/orgs', { name: 'Feil', kind: 'municipality', kommunenr: '99' });
  assert.equal(bad.status, 400);
  const kind = await adm.post('/admin/orgs', { name: 'Rar', kind: 'planet' });
  assert.equal(kind.status, 400);
  const ks = await adm.post('/admin/orgs', { name: 'KS', kind: 'ks', orgnr: '971032146' });
  assert.equal(ks.status, 303);
});

test('a new user gets a one-time link, sets a password and logs in', async () => {
  await adm.get('/admin/users');
  const r = await adm.post('/admin/users', { name: 'Sara Saksbehandler', email: 'Sara@Kommune.no', org: '', role: 'member' });
  assert.equal(r.status, 200);
  const link = linkFrom(r.text);
  await setPassword(v.base, link, 'sommerfugl på taket');
  const c = v.client();
  assert.equal((await c.login('sara@kommune.no', 'sommerfugl på taket')).status, 303);
  const dup = await adm.post('/admin/users', { name: 'Sara igjen', email: 'sara@kommune.no', org: '', role: 'member' });
  assert.equal(dup.status, 400);
  assert.match(dup.text, /finnes allerede/);
  const bad = await adm.post('/admin/users', { name: '', email: 'x', org: '', role: 'member' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Skriv inn et navn/);
});

test('the user list escapes what users typed', async () => {
  await adm.get('/admin/users');
  const r = await adm.post('/admin/users', { name: '<script>alert(1)</script>', email: 'xss@test.no', org: '', role: 'member' });
  assert.equal(r.status, 200);
  const list = await adm.get('/admin/users');
  assert.doesNotMatch(list.text, /<script>alert/);
  assert.match(list.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('a user chooses English and keeps it', async () => {
  await adm.get('/account');
  const r = await adm.post('/account/language', { lang: 'en' });
  assert.equal(r.status, 303);
  const c = v.client();
  await c.login('admin@test.no', require('../lib/varde').ADMIN_PW);
  const d = await c.get('/dashboard');
  assert.match(d.text, /<html lang="en"/);
  assert.match(d.text, /Your organisations/);
  const bad = await adm.post('/account/language', { lang: 'xx' });
  assert.equal(bad.status, 400);
  await adm.post('/account/language', { lang: 'nb' });
});

test('a reset link can be issued for a user', async () => {
  const list = await adm.get('/admin/users');
  const id = list.text.match(/action="\/admin\/users\/(\d+)\/reset"/)[1];
  const r = await adm.post(`/admin/users/${id}/reset`, {});
  assert.equal(r.status, 200);
  assert.match(r.text, /\/set-password\/[A-Za-z0-9_-]{43}/);
  assert.equal((await adm.post('/admin/users/99999/reset', {})).status, 404);
});
