// matrix.test.js — the tenant-isolation matrix: every route Varde answers,
// requested over HTTP by every kind of visitor, with real objects in the path
// and a body that would succeed. The expected answer of every cell is written
// out by hand below (from docs/SECURITY.md and the rules in src/app/authz.c),
// never derived from the code under test.
//
// Adding a route: `build/varde routes` lists it, and the completeness test
// fails until TABLE has a row for it. Adding a kind of visitor (project
// observer/member/leader, benefit owner, network leader/coach): add it to
// VISITORS (how to sign in as it), then give every row of TABLE a cell for it;
// the shape test fails on a row without one.
//
// A cell that differs from what the rules say is a known defect: it keeps the
// correct value and names the visitor in the row's `todo` with the reason.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startVarde, makeOrg, makeUser, setPassword, linkFrom, BIN } = require('../lib/varde');

const ROOT = path.resolve(__dirname, '..', '..');
const PW = 'et langt og godt passord';

// The kinds of visitor, in column order. `email` is the account the visitor
// signs in as (each visitor its own account, so ending one visitor's sessions
// cannot end another's); anonymous has none.
const VISITORS = {
  anonymous: {},
  otherOrgMember: { email: 'member.b@test.no' }, // member of org B only
  orgMember: { email: 'member.a@test.no' },      // member of org A
  orgAdmin: { email: 'admin.a@test.no' },        // administrator of org A
  siteAdmin: { email: 'operator@test.no' },      // the operator; member of no organisation
};
const WHO = Object.keys(VISITORS);

// Filled in by before(): the server, the set-up client, the objects.
let v, setup, orgA, orgB, memberAId, setpwLink, fixtureArchive;
const methodKeys = ['veikart', 'veikart-2015', 'innovasjonsguiden', 'skr-innovationsguiden'];

// Small set-up helpers, all through the operator's pages (admin@test.no, an
// account no visitor uses, so its session survives the whole file).
const reEsc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
async function newUser(email, name, org = '', role = 'member') {
  await setup.get('/admin/users');
  const r = await setup.post('/admin/users', { name, email, org: org ? String(org) : '', role });
  if (r.status !== 200) throw new Error(`create ${email}: ${r.status}`);
  return linkFrom(r.text);
}
async function userId(email) {
  const r = await setup.get('/admin/users');
  const m = r.text.match(new RegExp(`<td>${reEsc(email)}</td><td>[^<]*</td><td><form method="post" action="/admin/users/(\\d+)/reset"`));
  if (!m) throw new Error('user not listed: ' + email);
  return Number(m[1]);
}
// A fresh member of org A, for a visitor to try to remove.
async function freshMemberOfA(who) {
  const email = `remove.${who.toLowerCase()}@test.no`;
  await newUser(email, `Fjern ${who}`, orgA, 'member');
  return { email, uid: await userId(email) };
}
// What the set-up operator sees (the app's own view of the state).
async function orgAMembersTable() {
  const r = await setup.get(`/orgs/${orgA}`);
  return r.text.match(/<tbody>([^]*?)<\/tbody>/)[1];
}
async function guideOffersFixture() { return (await v.client().get('/guide')).text.includes('href="/guide/fixture"'); }
async function usersListed() { return (await setup.get('/admin/users')).text; }
async function orgMethodsChecked() {
  const r = await setup.get(`/orgs/${orgA}`);
  return [...r.text.matchAll(/name="m" value="([a-z0-9-]+)" checked/g)].map(m => m[1]).sort().join(',');
}

// Every table except the ones plain requests touch (sessions, login
// throttling), counted; plus a few columns that change in place. A refused
// POST must leave this exactly as it was.
let stateQuery = null;
function dbState() {
  if (!stateQuery) {
    const list = v.db.kind === 'pg'
      ? v.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
      : v.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    const tables = list.split('\n').filter(t => t && !/^(sessions|throttle)$/.test(t));
    stateQuery = tables.map(t => `SELECT '${t}', count(*) FROM ${t}`).concat([
      "SELECT 'pw', max(password_changed_at) FROM users",
      "SELECT 'lang', count(lang) FROM users",
      "SELECT 'used', count(used_at) FROM tokens",
    ]).join(' UNION ALL ');
  }
  return v.sql(stateQuery);
}

// ---------------------------------------------------------------------------
// THE TABLE. One row per route ("METHOD PATTERN" as `varde routes` prints it):
//   gate    the route table's coarse access level as the rules require it:
//           'public', 'anon-only', 'user' (signed in) or 'admin' (site admin);
//   path    the URL, with real objects (ctx from prepare);
//   expect  the status each visitor gets — 200, 303 (redirect), 400, 403, 404;
//   to      where a 303 must lead (anonymous visitors to a 'user'/'admin' page
//           must be sent to /login, whatever `to` says);
//   form / multipart   the body that would succeed for an allowed visitor;
//   prepare fresh objects for one visitor, so a destructive request by one
//           visitor does not change what the next one sees;
//   fresh   the request ends or replaces the visitor's session(s): run it in a
//           new session and sign in again afterwards;
//   check   after the request: what must (allowed) or must not (refused) have
//           changed, as the pages show it;
//   todo    { visitor: 'why' } for a cell that is a known defect.
// ---------------------------------------------------------------------------
const TABLE = {
  'GET /': {
    gate: 'public', path: () => '/', to: '/dashboard',
    expect: { anonymous: 200, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'GET /healthz': {
    gate: 'public', path: () => '/healthz',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'GET /login': {
    gate: 'anon-only', path: () => '/login', to: '/dashboard',
    expect: { anonymous: 200, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'POST /login': {
    gate: 'anon-only', path: () => '/login', to: '/dashboard', fresh: true,
    form: () => ({ email: 'member.a@test.no', password: PW }),
    expect: { anonymous: 303, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'POST /logout': {
    gate: 'public', path: () => '/logout', to: '/login', fresh: true, form: () => ({}),
    expect: { anonymous: 303, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'GET /lang/:token': {
    gate: 'public', path: () => '/lang/en?next=/guide', to: '/guide',
    expect: { anonymous: 303, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'GET /set-password/:token': {
    gate: 'public', path: () => new URL(setpwLink).pathname,
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'POST /set-password/:token': {
    // The link is a bearer token: whoever holds it may use it, once.
    gate: 'public', to: '/login?pwset=1',
    prepare: async who => ({ link: await newUser(`setpw.${who.toLowerCase()}@test.no`, `Passord ${who}`) }),
    path: ctx => new URL(ctx.link).pathname,
    form: () => ({ password: 'et helt nytt passord her', password2: 'et helt nytt passord her' }),
    expect: { anonymous: 303, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'GET /dashboard': {
    gate: 'user', path: () => '/dashboard',
    expect: { anonymous: 303, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'POST /org/switch': {
    // Only to an organisation of one's own: the switcher lists memberships,
    // and the operator, who belongs to none, has nothing to switch to.
    gate: 'user', path: () => '/org/switch', to: '/dashboard', form: () => ({ org: String(orgA) }),
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 303, orgAdmin: 303, siteAdmin: 404 },
  },
  'GET /account': {
    gate: 'user', path: () => '/account',
    expect: { anonymous: 303, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'POST /account/password': {
    // The visitor's own password, changed to the same text (a valid change
    // that keeps the account usable); it ends the visitor's other sessions.
    gate: 'user', path: () => '/account/password', to: '/account?done=password', fresh: true,
    form: () => ({ current: '@pw', password: '@pw', password2: '@pw' }),
    expect: { anonymous: 403, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'POST /account/language': {
    gate: 'user', path: () => '/account/language', to: '/account?done=language', form: () => ({ lang: 'nb' }),
    expect: { anonymous: 403, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'POST /account/sessions/end': {
    gate: 'user', path: () => '/account/sessions/end', to: '/account?done=sessions', fresh: true, form: () => ({}),
    expect: { anonymous: 403, otherOrgMember: 303, orgMember: 303, orgAdmin: 303, siteAdmin: 303 },
  },
  'GET /orgs/:id': {
    gate: 'user', path: () => `/orgs/${orgA}`,
    expect: { anonymous: 303, otherOrgMember: 404, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'POST /orgs/:id/members': {
    // A new person: the answer is the page with their one-time link (200).
    gate: 'user', path: () => `/orgs/${orgA}/members`,
    prepare: async who => ({ email: `added.${who.toLowerCase()}@test.no` }),
    form: (who, ctx) => ({ email: ctx.email, name: `Ny ${who}`, role: 'member' }),
    check: async (ctx, allowed) => {
      assert.equal((await orgAMembersTable()).includes(ctx.email), allowed, 'member of org A afterwards');
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'user account afterwards');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 403, orgAdmin: 200, siteAdmin: 200 },
  },
  'POST /orgs/:id/members/:id/remove': {
    gate: 'user', prepare: freshMemberOfA,
    path: ctx => `/orgs/${orgA}/members/${ctx.uid}/remove`, to: `/orgs/`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await orgAMembersTable()).includes(ctx.email), !allowed, 'still a member of org A');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 403, orgAdmin: 303, siteAdmin: 303 },
  },
  'POST /orgs/:id/methodologies': {
    gate: 'user', path: () => `/orgs/${orgA}/methodologies`, to: `/orgs/`,
    prepare: async who => ({ key: methodKeys[(WHO.indexOf(who) + methodKeys.length) % methodKeys.length], before: await orgMethodsChecked() }),
    form: (who, ctx) => ({ m: ctx.key }),
    check: async (ctx, allowed) => {
      const now = await orgMethodsChecked();
      if (allowed) assert.equal(now, ctx.key, 'the choice was saved');
      else assert.equal(now, ctx.before, 'the choice is unchanged');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 403, orgAdmin: 303, siteAdmin: 303 },
  },
  'GET /admin': {
    gate: 'admin', path: () => '/admin',
    expect: { anonymous: 303, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'GET /admin/orgs': {
    gate: 'admin', path: () => '/admin/orgs',
    expect: { anonymous: 303, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'POST /admin/orgs': {
    gate: 'admin', path: () => '/admin/orgs', to: '/admin/orgs?done=1',
    prepare: async who => ({ name: `Ny organisasjon ${who}` }),
    form: (who, ctx) => ({ name: ctx.name, kind: 'other', orgnr: '', kommunenr: '' }),
    check: async (ctx, allowed) => {
      const list = (await setup.get('/admin/orgs')).text;
      assert.equal(list.includes(`>${ctx.name}<`), allowed, 'organisation exists afterwards');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 303 },
  },
  'GET /admin/users': {
    gate: 'admin', path: () => '/admin/users',
    expect: { anonymous: 303, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'POST /admin/users': {
    gate: 'admin', path: () => '/admin/users',
    prepare: async who => ({ email: `created.${who.toLowerCase()}@test.no` }),
    form: (who, ctx) => ({ name: `Laget ${who}`, email: ctx.email, org: String(orgA), role: 'admin' }),
    check: async (ctx, allowed) => {
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'user exists afterwards');
      assert.equal((await orgAMembersTable()).includes(ctx.email), allowed, 'member of org A afterwards');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'POST /admin/users/:id/reset': {
    gate: 'admin', path: () => `/admin/users/${memberAId}/reset`, form: () => ({}),
    check: async (ctx, allowed, res) => {
      assert.equal(/\/set-password\/[A-Za-z0-9_-]{43}/.test(res.text || ''), allowed, 'a new link is shown');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'GET /admin/methodologies': {
    gate: 'admin', path: () => '/admin/methodologies',
    expect: { anonymous: 303, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'POST /admin/methodologies': {
    gate: 'admin', path: () => '/admin/methodologies',
    prepare: async () => ({ before: await guideOffersFixture() }),
    multipart: () => ({ fields: {}, file: { field: 'archive', name: 'fixture.tar.gz', data: fs.readFileSync(fixtureArchive) } }),
    check: async (ctx, allowed) => {
      assert.equal(await guideOffersFixture(), allowed || ctx.before, 'the methodology is offered afterwards');
    },
    expect: { anonymous: 403, otherOrgMember: 404, orgMember: 404, orgAdmin: 404, siteAdmin: 200 },
  },
  'GET /guide': {
    gate: 'public', path: () => '/guide',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'GET /guide/:token': {
    gate: 'public', path: () => '/guide/veikart',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'GET /guide/:token/print': {
    gate: 'public', path: () => '/guide/veikart/print',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'GET /guide/:token/phases/:token': {
    gate: 'public', path: () => '/guide/veikart/phases/forankring',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'GET /guide/:token/tools/:token': {
    gate: 'public', path: () => '/guide/veikart/tools/prosjektpresentasjon',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
  'GET /guide/:token/tools/:token/template': {
    gate: 'public', path: () => '/guide/veikart/tools/prosjektpresentasjon/template',
    expect: { anonymous: 200, otherOrgMember: 200, orgMember: 200, orgAdmin: 200, siteAdmin: 200 },
  },
};

// ---------------------------------------------------------------------------
// Sessions. One signed-in client per visitor, reused; a new one after a row
// that ended the visitor's sessions.
const sessions = new Map();
function passwordOf(who) { return PW; }
async function signIn(who) {
  const c = v.client();
  if (!VISITORS[who].email) { await c.get('/login'); return c; }
  const r = await c.login(VISITORS[who].email, passwordOf(who));
  if (r.status !== 303) throw new Error(`log in as ${who}: ${r.status}`);
  return c;
}
async function clientFor(who, fresh) {
  if (fresh) { sessions.delete(who); return signIn(who); }
  if (!sessions.has(who)) sessions.set(who, await signIn(who));
  return sessions.get(who);
}

const CSRF_REFUSED = /Skjemaet var utløpt|The form had expired/;
const SESSION_ENDED = /Økten din er avsluttet|Your session has ended/;
const patternRe = p => new RegExp('^' + p.replace(/:id/g, '\\d+').replace(/:token/g, '[A-Za-z0-9_-]+') + '$');

// One request by one visitor; returns the response. POSTs carry the CSRF token
// of a page this visitor just fetched, so the answer is about authorization.
async function send(c, who, method, p, row, ctx) {
  if (method === 'GET') return c.get(p);
  await c.get(VISITORS[who].email ? '/dashboard' : '/login');
  assert.match(c.csrf || '', /^[0-9a-f]{64}$/, 'the visitor has a CSRF token before posting');
  if (row.multipart) {
    const { fields, file } = row.multipart(who, ctx);
    return c.postMultipart(p, fields, file);
  }
  const form = row.form ? row.form(who, ctx) : {};
  for (const k of Object.keys(form)) if (form[k] === '@pw') form[k] = passwordOf(who);
  return c.post(p, form);
}

before(async () => {
  v = await startVarde();
  setup = await v.admin();
  orgA = await makeOrg(setup, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  orgB = await makeOrg(setup, { name: 'Rødøy kommune', kommunenr: '1836' });
  await makeUser(v, setup, { email: 'member.a@test.no', name: 'Mari Medlem', org: orgA, role: 'member', password: PW });
  await makeUser(v, setup, { email: 'admin.a@test.no', name: 'Arne Admin', org: orgA, role: 'admin', password: PW });
  await makeUser(v, setup, { email: 'member.b@test.no', name: 'Berit B', org: orgB, role: 'member', password: PW });
  await setup.get('/admin/users');
  const op = await setup.post('/admin/users', { name: 'Olav Operatør', email: 'operator@test.no', org: '', role: 'member', site_admin: '1' });
  assert.equal(op.status, 200);
  await setPassword(v.base, linkFrom(op.text), PW);
  memberAId = await userId('member.a@test.no');
  setpwLink = await newUser('setpw.get@test.no', 'Lenke Leser');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-matrix-'));
  fixtureArchive = path.join(dir, 'fixture.tar.gz');
  execFileSync('tar', ['-czf', fixtureArchive, '-C', path.join(ROOT, 'tests', 'fixtures', 'methodologies'), 'good']);
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('every route has a row and every row a route (build/varde routes)', () => {
  const out = execFileSync(BIN, ['routes'], { encoding: 'utf8' });
  const routes = out.split('\n').filter(Boolean).map(l => l.trim().split(/\s+/).slice(0, 2).join(' '));
  assert.ok(routes.length > 20, 'varde routes printed the route table');
  const missing = routes.filter(r => !(r in TABLE));
  const stale = Object.keys(TABLE).filter(r => !routes.includes(r));
  assert.deepEqual(missing, [], 'routes with no row in the matrix — add them to TABLE');
  assert.deepEqual(stale, [], 'rows for routes that no longer exist — remove them from TABLE');
});

test('every row has a cell for every visitor, and a path that fits its pattern', () => {
  for (const [key, row] of Object.entries(TABLE)) {
    assert.deepEqual(Object.keys(row.expect).sort(), [...WHO].sort(), `${key}: one cell per visitor`);
    for (const [who, want] of Object.entries(row.expect))
      assert.ok([200, 303, 400, 403, 404].includes(want), `${key} ${who}: ${want}`);
    assert.ok(['public', 'anon-only', 'user', 'admin'].includes(row.gate), `${key}: gate`);
    if (row.gate === 'user' || row.gate === 'admin')
      assert.equal(row.expect.anonymous, key.startsWith('GET ') ? 303 : 403, `${key}: anonymous is turned away`);
    if (row.gate === 'admin')
      for (const who of WHO.filter(w => w !== 'anonymous' && w !== 'siteAdmin'))
        assert.equal(row.expect[who], 404, `${key}: operator pages do not exist for ${who}`);
  }
});

for (const [key, row] of Object.entries(TABLE)) {
  const [method, pattern] = key.split(' ');
  test(`matrix: ${key}`, async t => {
    for (const who of WHO) {
      const want = row.expect[who];
      await t.test(`${who} → ${want}`, { todo: row.todo && row.todo[who] }, async () => {
        const ctx = row.prepare ? await row.prepare(who) : {};
        const p = row.path(ctx);
        assert.match(p.split('?')[0], patternRe(pattern), 'the path fits the route');
        const c = await clientFor(who, row.fresh);
        const dbBefore = method === 'POST' && want >= 400 ? dbState() : null;
        const res = await send(c, who, method, p, row, ctx);
        if (row.fresh) sessions.delete(who);
        assert.doesNotMatch(res.text || '', CSRF_REFUSED, 'refused for CSRF, not decided on authorization');
        assert.equal(res.status, want, `${who} ${method} ${p}`);
        if (res.status === 303) {
          const protectedRoute = row.gate === 'user' || row.gate === 'admin';
          const to = who === 'anonymous' && protectedRoute ? '/login?next=' : row.to;
          if (who === 'anonymous' && protectedRoute) assert.equal(method, 'GET');
          assert.ok(to && (res.location || '').startsWith(to), `redirect to ${to}, got ${res.location}`);
        }
        if (dbBefore !== null) assert.equal(dbState(), dbBefore, 'a refused request changed nothing');
        if (row.check) await row.check(ctx, res.status < 400, res);
      });
    }
  });
}

// The second check: a visitor without a valid session never reaches a
// protected route, however it comes — no cookies at all, a pre-login session
// with a valid CSRF token, a made-up session cookie, or the cookie of a
// session that has been logged out (here the operator's).
test('protected routes turn away every kind of anonymous request', async () => {
  const op = await signIn('siteAdmin');
  const stale = op.cookies.get('varde_sid');
  assert.ok(stale, 'a session cookie');
  await op.get('/dashboard');
  assert.equal((await op.post('/logout', {})).status, 303);
  const kinds = {
    bare: async () => v.client(),
    preSession: async () => { const c = v.client(); await c.get('/login'); return c; },
    forged: async () => {
      const c = v.client(); await c.get('/login');
      c.cookies.set('varde_sid', 'A'.repeat(22) + 'b'.repeat(21)); return c;
    },
    loggedOut: async () => { const c = v.client(); await c.get('/login'); c.cookies.set('varde_sid', stale); return c; },
  };
  let n = 0;
  for (const [key, row] of Object.entries(TABLE)) {
    if (row.gate !== 'user' && row.gate !== 'admin') continue;
    const [method, pattern] = key.split(' ');
    for (const [kind, make] of Object.entries(kinds)) {
      const ctx = row.prepare ? await row.prepare(`anon${kind}`) : {};
      const p = row.path(ctx);
      assert.match(p.split('?')[0], patternRe(pattern));
      const c = await make();
      if (method === 'GET') {
        const r = await c.get(p);
        assert.notEqual(r.status, 200, `${kind} ${key}`);
        assert.equal(r.status, 303, `${kind} ${key}`);
        assert.equal(r.location, '/login?next=' + encodeURIComponent(p.split('?')[0]), `${kind} ${key}`);
      } else {
        const before = dbState();
        let r;
        if (row.multipart) {
          const { fields, file } = row.multipart('anonymous', ctx);
          r = await c.postMultipart(p, fields, file);
        } else {
          const form = row.form ? row.form('anonymous', ctx) : {};
          for (const k of Object.keys(form)) if (form[k] === '@pw') form[k] = PW;
          r = await c.post(p, form);
        }
        assert.notEqual(r.status, 200, `${kind} ${key}`);
        assert.equal(r.status, 403, `${kind} ${key}`);
        if (kind !== 'bare') assert.match(r.text, SESSION_ENDED, `${kind} ${key}: turned away for having no session`);
        assert.equal(dbState(), before, `${kind} ${key}: changed nothing`);
        if (row.check) await row.check(ctx, false, r);
      }
      n++;
    }
  }
  assert.ok(n >= 4 * 15, `checked ${n} requests`);
});
