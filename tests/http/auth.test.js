// auth.test.js — login, logout, wrong password, throttling, session renewal,
// idle and absolute expiry, password change, set-password links.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, ADMIN_PW, makeOrg, makeUser, setCookies } = require('../lib/varde');

let v;
before(async () => { v = await startVarde(); });
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('login page is Norwegian by default and has labelled fields', async () => {
  const c = v.client();
  const r = await c.get('/login');
  assert.equal(r.status, 200);
  assert.match(r.text, /<html lang="nb"/);
  assert.match(r.text, /<label class="ds-label" for="email">E-post<\/label>/);
  assert.match(r.text, /<label class="ds-label" for="password">Passord<\/label>/);
  assert.match(r.text, /name="csrf" value="[0-9a-f]{64}"/);
});

test('login with the right password starts a session and logout ends it', async () => {
  const c = v.client();
  await c.get('/login');
  const pre = c.cookies.get('varde_sid');
  assert.equal(pre, undefined);
  const r = await c.post('/login', { email: 'ADMIN@test.no ', password: ADMIN_PW });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/dashboard');
  const cookie = setCookies(r.res.headers).find(s => s.startsWith('varde_sid='));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  const sid = c.cookies.get('varde_sid');
  const d = await c.get('/dashboard');
  assert.equal(d.status, 200);
  assert.match(d.text, /Ada Admin/);
  const out = await c.post('/logout', {});
  assert.equal(out.status, 303);
  // The old cookie no longer works on the server, even if a client kept it.
  const stale = v.client();
  stale.cookies.set('varde_sid', sid);
  const again = await stale.get('/dashboard');
  assert.equal(again.status, 303);
  assert.match(again.location, /^\/login\?next=%2Fdashboard/);
});

test('a second login issues a new session id (no fixation)', async () => {
  const c = await v.admin();
  const first = c.cookies.get('varde_sid');
  // Log out (from a page, so the form carries the session's token) and in again.
  await c.get('/dashboard');
  assert.equal((await c.post('/logout', {})).status, 303);
  assert.equal(c.cookies.get('varde_sid'), undefined);
  await c.login('admin@test.no', ADMIN_PW);
  assert.notEqual(c.cookies.get('varde_sid'), first);
});

test('wrong password and unknown user get the same message, and change nothing', async () => {
  const a = v.client();
  const r1 = await a.login('admin@test.no', 'feil passord her!!');
  const b = v.client();
  const r2 = await b.login('nobody@test.no', 'feil passord her!!');
  assert.equal(r1.status, 401);
  assert.equal(r2.status, 401);
  assert.match(r1.text, /E-postadressen eller passordet er feil/);
  assert.match(r2.text, /E-postadressen eller passordet er feil/);
  assert.equal(a.cookies.get('varde_sid'), undefined);
});

test('empty fields get messages linked to the fields', async () => {
  const c = v.client();
  await c.get('/login');
  const r = await c.post('/login', { email: '', password: '' });
  assert.equal(r.status, 400);
  assert.match(r.text, /aria-invalid="true"/);
  assert.match(r.text, /aria-describedby="email-error"/);
  assert.match(r.text, /href="#email">Skriv inn e-postadressen din/);
});

test('ten failed logins lock the account for a while, even with the right password', async () => {
  const adm = await v.admin();
  const org = await makeOrg(adm, { name: 'Throttle kommune', kommunenr: '1804' });
  await makeUser(v, adm, { email: 'victim@test.no', name: 'Victim', org, password: 'riktig passord 123' });
  const c = v.client();
  for (let i = 0; i < 10; i++) {
    const r = await c.login('victim@test.no', 'galt passord ' + i);
    assert.equal(r.status, 401, 'attempt ' + i);
  }
  const locked = await c.login('victim@test.no', 'riktig passord 123');
  assert.equal(locked.status, 429);
  assert.match(locked.text, /For mange mislykkede forsøk/);
  assert.equal(locked.headers.get('retry-after'), '900');
  // Another account from the same address is not locked.
  const other = await v.client().login('admin@test.no', ADMIN_PW);
  assert.equal(other.status, 303);
});

test('an idle session expires after the idle timeout', async () => {
  const c = await v.admin();
  assert.equal((await c.get('/dashboard')).status, 200);
  v.sql('UPDATE sessions SET last_seen = last_seen - 31*60');
  const r = await c.get('/dashboard');
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/login/);
});

test('a session ends after the absolute timeout even when used', async () => {
  const c = await v.admin();
  v.sql('UPDATE sessions SET created_at = created_at - 13*3600');
  const r = await c.get('/dashboard');
  assert.equal(r.status, 303);
});

test('changing the password needs the current one and ends other sessions', async () => {
  const adm = await v.admin();
  const org = await makeOrg(adm, { name: 'Passord kommune', kommunenr: '0301' });
  const c1 = await makeUser(v, adm, { email: 'pw@test.no', name: 'Pia', org, password: 'første passord 1' });
  const c2 = v.client();
  assert.equal((await c2.login('pw@test.no', 'første passord 1')).status, 303);
  await c1.get('/account');
  const bad = await c1.post('/account/password', { current: 'galt', password: 'andre passord 22', password2: 'andre passord 22' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Nåværende passord er feil/);
  const short = await c1.post('/account/password', { current: 'første passord 1', password: 'kort', password2: 'kort' });
  assert.equal(short.status, 400);
  assert.match(short.text, /minst 12 tegn/);
  const ok = await c1.post('/account/password', { current: 'første passord 1', password: 'andre passord 22', password2: 'andre passord 22' });
  assert.equal(ok.status, 303);
  assert.equal((await c1.get('/dashboard')).status, 200, 'this session stays');
  assert.equal((await c2.get('/dashboard')).status, 303, 'the other session ended');
  assert.equal((await v.client().login('pw@test.no', 'første passord 1')).status, 401);
  assert.equal((await v.client().login('pw@test.no', 'andre passord 22')).status, 303);
});

test('a set-password link works once', async () => {
  const r = v.cli(['--base-url', v.base, 'user', 'add', 'once@test.no', 'Once']);
  assert.equal(r.status, 0, r.stderr);
  const link = r.stdout.match(/http\S+set-password\/\S+/)[0];
  const path = new URL(link).pathname;
  const c = v.client();
  assert.equal((await c.get(path)).status, 200);
  const mismatch = await c.post(path, { password: 'et langt passord 1', password2: 'et annet passord 2' });
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.text, /ikke like/);
  assert.equal((await c.post(path, { password: 'et langt passord 1', password2: 'et langt passord 1' })).status, 303);
  const again = await v.client().get(path);
  assert.equal(again.status, 404);
  assert.match(again.text, /ikke gyldig lenger/);
});
