// roles.test.js — what each kind of user may reach: anonymous visitors,
// members and administrators of an organisation, members of another
// organisation, and the site administrator. Expected answers are written out
// here, not derived from the code.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');

let v, adm, orgA, orgB, memberA, adminA, memberB, anon;
before(async () => {
  v = await startVarde();
  adm = await v.admin();
  orgA = await makeOrg(adm, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  orgB = await makeOrg(adm, { name: 'Rødøy kommune', kommunenr: '1836' });
  memberA = await makeUser(v, adm, { email: 'member.a@test.no', name: 'Mari Medlem', org: orgA, role: 'member' });
  adminA = await makeUser(v, adm, { email: 'admin.a@test.no', name: 'Arne Admin', org: orgA, role: 'admin' });
  memberB = await makeUser(v, adm, { email: 'member.b@test.no', name: 'Berit B', org: orgB, role: 'member' });
  anon = v.client();
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

async function status(c, method, path, form) {
  if (method === 'GET') return (await c.get(path)).status;
  await c.get('/dashboard');
  return (await c.post(path, form || {})).status;
}

test('access table', async () => {
  // [who, method, path, expected]
  const rows = () => [
    ['anon', 'GET', '/dashboard', 303],
    ['anon', 'GET', '/admin', 303],
    ['anon', 'GET', `/orgs/${orgA}`, 303],
    ['memberA', 'GET', '/dashboard', 200],
    ['memberA', 'GET', `/orgs/${orgA}`, 200],
    ['memberA', 'GET', `/orgs/${orgB}`, 404],
    ['memberA', 'GET', '/orgs/999999', 404],
    ['memberA', 'GET', '/admin', 404],
    ['memberA', 'GET', '/admin/users', 404],
    ['memberA', 'POST', `/orgs/${orgA}/members`, 403, { email: 'x@test.no', name: 'X', role: 'member' }],
    ['memberB', 'POST', `/orgs/${orgA}/members`, 404, { email: 'x@test.no', name: 'X', role: 'member' }],
    ['adminA', 'GET', `/orgs/${orgA}`, 200],
    ['adminA', 'GET', `/orgs/${orgB}`, 404],
    ['adminA', 'GET', '/admin', 404],
    ['adminA', 'POST', `/orgs/${orgB}/members`, 404, { email: 'x@test.no', name: 'X', role: 'member' }],
    ['site', 'GET', '/admin', 200],
    ['site', 'GET', `/orgs/${orgB}`, 200],
  ];
  const who = { anon, memberA, adminA, memberB, site: adm };
  for (const [w, m, p, want, form] of rows()) {
    assert.equal(await status(who[w], m, p, form), want, `${w} ${m} ${p}`);
  }
});

test('a member sees the organisation but no management form', async () => {
  const r = await memberA.get(`/orgs/${orgA}`);
  assert.match(r.text, /Arne Admin/);
  assert.doesNotMatch(r.text, /Legg til medlem/);
  const a = await adminA.get(`/orgs/${orgA}`);
  assert.match(a.text, /Legg til medlem/);
});

test('an org admin adds an existing user and a new user with a link', async () => {
  await adminA.get(`/orgs/${orgA}`);
  const add = await adminA.post(`/orgs/${orgA}/members`, { email: 'member.b@test.no', name: '', role: 'member' });
  assert.equal(add.status, 303);
  assert.equal((await memberB.get(`/orgs/${orgA}`)).status, 200, 'B now belongs to A too');
  const fresh = await adminA.post(`/orgs/${orgA}/members`, { email: 'ny@test.no', name: 'Nina Ny', role: 'member' });
  assert.equal(fresh.status, 200);
  assert.match(fresh.text, /\/set-password\/[A-Za-z0-9_-]{43}/);
  const bad = await adminA.post(`/orgs/${orgA}/members`, { email: 'ikke-epost', name: 'X', role: 'member' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /id="email-error"/);
});

test('the organisation switcher only accepts own organisations', async () => {
  const d = await memberB.get('/dashboard');
  assert.match(d.text, /Rødøy kommune/);
  assert.match(d.text, /Bodø kommune/);
  assert.equal((await memberB.post('/org/switch', { org: String(orgA) })).status, 303);
  const other = await makeOrg(adm, { name: 'Annen org', kind: 'other' });
  assert.equal((await memberB.post('/org/switch', { org: String(other) })).status, 404);
});

test('the last administrator cannot be removed', async () => {
  const page = await adminA.get(`/orgs/${orgA}`);
  const id = page.text.match(/action="\/orgs\/\d+\/members\/(\d+)\/remove"[^>]*>[^]*?Arne Admin|Arne Admin[^]*?action="\/orgs\/\d+\/members\/(\d+)\/remove"/);
  assert.ok(id);
  const uid = id[1] || id[2];
  const r = await adminA.post(`/orgs/${orgA}/members/${uid}/remove`, {});
  assert.equal(r.status, 409);
  assert.equal((await adminA.get(`/orgs/${orgA}`)).status, 200, 'still a member');
});
