// matrix.test.js — the tenant-isolation matrix: every route Varde answers,
// requested over HTTP by every kind of visitor, with real objects in the path
// and a body that would succeed. The expected answer of every cell is written
// out by hand below, from docs/SECURITY.md and the rules in the header comment
// of src/app/authz.c — never derived from the code under test.
//
// Adding a route: `varde routes` lists it, and the completeness test fails
// until TABLE has a row for it. Adding a kind of visitor (benefit owner,
// network leader/coach, …): add it to VISITORS (which account it signs in
// as, and the set-up that gives it its role), then a cell to every row; the
// shape test fails on a row without one.

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

// The kinds of visitor, in column order; each signs in as its own account, so
// ending one visitor's sessions cannot end another's. Org A is "the"
// organisation, org B the other one; the project visitors are members of org
// A on the team of project P (and of the team-only project T) with that role,
// except the guest, an outside partner invited to P and T only. Project U
// (visible to org A) has none of them on its team; project D is deleted.
// The benefit owner is a member of org A on no project team who owns a
// benefit of P and one of T (and had one of D): it sees and measures those
// benefits only (authz.c), and is otherwise an org member like orgMember.
//
// Column order (the order of the cells in every row):
//   anonymous, otherOrgMember, orgMember, orgAdmin, siteAdmin,
//   projectObserver, projectMember, projectLeader, projectGuest, benefitOwner.
const VISITORS = {
  anonymous: {},
  otherOrgMember: { email: 'member.b@test.no' },   // member of org B only
  orgMember: { email: 'member.a@test.no' },        // member of org A, on no project team
  orgAdmin: { email: 'admin.a@test.no' },          // administrator of org A, on no project team
  siteAdmin: { email: 'operator@test.no' },        // the operator; member of no organisation
  projectObserver: { email: 'observer.p@test.no' },
  projectMember: { email: 'member.p@test.no' },
  projectLeader: { email: 'leader.p@test.no' },
  projectGuest: { email: 'guest.p@test.no' },      // invited to the project as a member, not in org A
  benefitOwner: { email: 'owner.a@test.no' },      // member of org A on no team; owns benefits of P and T
};
const WHO = Object.keys(VISITORS);

// Filled in by before().
let v, setup, keeper, orgA, orgB, memberAId, setpwLink, fixtureArchive, projectP, projectT, projectU, projectD;
// Benefits (filled in by before()): of P, T, U, of org B's project, and of the
// deleted project D. "Owned" ones belong to the benefitOwner visitor; every
// indicator is made by the keeper. `ind` maps a benefit to its indicator.
let benefitOwnerId, keeperB, projectB;
let benefitP, benefitP2, benefitT, benefitT2, benefitU, benefitB, benefitD, indEditP;
const ind = {};
const methodKeys = ['veikart', 'veikart-2015', 'innovasjonsguiden', 'skr-innovationsguiden'];
const TOOL = 'prosjektpresentasjon', PHASE = 'forankring', STEP = 'definere-problem-og-mal';
const slug = s => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const reEsc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- set-up helpers --------------------------------------------------------
// `setup` is the first operator (admin@test.no) and `keeper` an administrator
// of org A who owns every project; no visitor uses these accounts, so their
// sessions last the whole file. They create objects and look at the result
// through the app's own pages.
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
async function orgAMembersTable() {
  const r = await setup.get(`/orgs/${orgA}`);
  return r.text.match(/<tbody>([^]*?)<\/tbody>/)[1];
}
async function usersListed() { return (await setup.get('/admin/users')).text; }
async function orgMethodsChecked() {
  const r = await setup.get(`/orgs/${orgA}`);
  return [...r.text.matchAll(/name="m" value="([a-z0-9-]+)" checked/g)].map(m => m[1]).sort().join(',');
}
async function guideOffersFixture() { return (await v.client().get('/guide')).text.includes('href="/guide/fixture"'); }
async function keeperPost(p, form, want = 303) {
  await keeper.get('/dashboard');
  const r = await keeper.post(p, form);
  if (r.status !== want) throw new Error(`keeper POST ${p}: ${r.status}`);
  return r;
}
// A project of org A owned by the keeper, with the project visitors on its team.
async function newProject(title, visibility = 'org') {
  await keeper.get('/projects/new');
  const r = await keeper.post('/projects', { org: String(orgA), title, challenge: 'Søknader blir liggende for lenge.',
    goals: '', area: 'health', methodology: 'veikart', start: '2026-01-05', end: '', visibility });
  if (r.status !== 303) throw new Error(`create project ${title}: ${r.status}`);
  const id = Number(r.location.match(/^\/projects\/(\d+)$/)[1]);
  for (const [email, role] of [['observer.p@test.no', 'observer'], ['member.p@test.no', 'member'], ['leader.p@test.no', 'leader']])
    await keeperPost(`/projects/${id}/team`, { email, role });
  return id;
}
async function inviteGuest(id, want = 303) {
  return keeperPost(`/projects/${id}/invite`, { 'invite-email': 'guest.p@test.no', 'invite-name': 'Gunn Gjest', 'invite-role': 'member' }, want);
}
async function freshProject(who, label) {
  const id = await newProject(`${label} ${who}`);
  await inviteGuest(id);
  return { id };
}
// A member of org A made for one visitor (to be removed, or added to a team).
async function freshMemberOfA(who, label) {
  const email = `${label}.${slug(who)}@test.no`, name = `${label} ${who}`;
  await newUser(email, name, orgA, 'member');
  return { email, name, uid: await userId(email) };
}
async function keeperSees(p) { return keeper.get(p); }
async function toolRev(id) {
  const r = await keeper.get(`/projects/${id}/tools/${TOOL}`);
  return r.text.match(/name="rev" value="(\d+)"/)[1];
}
// Register items made by the keeper (owner of every project, so always
// allowed), for the register rows; a shared one is made once, on first use.
async function keeperItem(pid, reg, fields) {
  const form = { rev: '0' };
  for (const [k, val] of Object.entries(fields)) form[`f-${k}`] = val;
  const r = await keeperPost(`/projects/${pid}/registers/${reg}`, form);
  return Number(r.location.match(/^\/projects\/\d+\/items\/(\d+)\?saved=1$/)[1]);
}
const sharedItems = {};
async function sharedItem(name, pid, reg, fields) {
  if (!sharedItems[name]) sharedItems[name] = await keeperItem(pid, reg, fields);
  return sharedItems[name];
}
const itemP = () => sharedItem('P', projectP, 'research', { title: 'Intervju på servicetorget' });
const ideaP = () => sharedItem('ideaP', projectP, 'idea', { title: 'Digital søknad' });
const itemT = () => sharedItem('T', projectT, 'insight', { headline: 'Familiene venter' });
const itemU = () => sharedItem('U', projectU, 'research', { title: 'Intervju i et annet prosjekt' });
async function itemRev(pid, id) {
  const r = await keeper.get(`/projects/${pid}/items/${id}/edit`);
  return r.text.match(/name="rev" value="(\d+)"/)[1];
}
// The dots an idea has in the current round, and the round, as the keeper sees them.
async function ideaDots(pid, id) {
  const t = (await keeper.get(`/projects/${pid}/registers/idea`)).text;
  const m = t.match(new RegExp(`href="/projects/${pid}/items/${id}">[^<]*</a></th><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>(\\d+)</td>`));
  if (!m) throw new Error(`idea ${id} not listed`);
  return Number(m[1]);
}
async function voteRound(pid) {
  await ideaP();
  return Number((await keeper.get(`/projects/${pid}/registers/idea`)).text.match(/id="voting">[^<]*?(\d+)<\/h2>/)[1]);
}
// Benefits: made by the keeper (owner of every project of org A) or by
// keeperB (org B), looked at through the keeper's own benefit page.
let seq = 0;
const next = () => ++seq;
// A distinct day for each measurement (measurements of an indicator have distinct days).
const seqDay = n => new Date(Date.UTC(2020, 0, 1) + n * 86400000).toISOString().slice(0, 10);
async function benefitOf(c, pid, name, owner = '') {
  await c.get('/dashboard');
  const r = await c.post(`/projects/${pid}/registers/benefit`, { rev: '0', 'f-name': name, 'f-type': 'saved-time', owner: String(owner) });
  if (r.status !== 303) throw new Error(`benefit ${name}: ${r.status}`);
  return Number(r.location.match(/^\/projects\/\d+\/items\/(\d+)\?saved=1$/)[1]);
}
async function indicatorOf(c, b, name) {
  await c.get('/dashboard');
  const r = await c.post(`/benefits/${b}/indicators`, { name, unit: 'timer', direction: 'higher', frequency: 'monthly', mid_rows: '0' });
  if (r.status !== 303) throw new Error(`indicator ${name}: ${r.status}`);
  return Number(r.location.match(/#indicator-(\d+)$/)[1]);
}
// A measurement by the keeper, and its id as the keeper's page shows it.
async function keeperMeasurement(b, i) {
  const day = seqDay(next());
  await keeperPost(`/benefits/${b}/indicators/${i}/measurements`, { date: day, value: '1', comment: '' });
  const page = (await keeper.get(`/benefits/${b}`)).text;
  const m = page.match(new RegExp(`action="/benefits/${b}/indicators/${i}/measurements/(\\d+)/delete"><input[^>]*><button[^>]*>[^<]*<span class="ds-sr-only"> ${day}</span>`));
  if (!m) throw new Error(`measurement ${day} not shown`);
  return Number(m[1]);
}
async function benefitPage(b) { return (await keeper.get(`/benefits/${b}`)).text; }
const measureForm = (who, ctx) => ({ date: ctx.day, value: '12,5', comment: `Måling ${ctx.tag}` });
const prepTag = async () => { const n = next(); return { tag: `m${n}`, day: seqDay(n) }; };
// (b is a function: the benefits exist only once before() has run.)
const measuredCheck = b => async (ctx, allowed) => {
  assert.equal((await benefitPage(b())).includes(`Måling ${ctx.tag}`), allowed, 'the measurement is stored');
};

async function retentionListed(id) {
  return (await keeper.get(`/orgs/${orgA}/retention`)).text.includes(`/retention/${id}/delete"`);
}

// Every table except the ones plain requests touch (sessions, login
// throttling), counted, plus a few columns that change in place. A refused
// POST must leave this exactly as it was. Read through one long-lived
// sqlite3/psql process (starting one per look costs more than the requests).
let shell = null, stateQuery = null;
function sqlShell() {
  const { spawn } = require('node:child_process');
  const p = v.db.kind === 'pg' ? spawn('psql', [v.db.url, '-qAtX'], { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn('sqlite3', ['-readonly', v.db.file], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '', waiting = null;
  p.stdout.setEncoding('utf8');
  p.stdout.on('data', d => {
    out += d;
    const i = out.indexOf('@@end@@\n');
    if (i >= 0 && waiting) { const r = out.slice(0, i); out = out.slice(i + 8); const w = waiting; waiting = null; w(r.trim()); }
  });
  return {
    query: q => new Promise(resolve => { waiting = resolve; p.stdin.write(`${q};\nSELECT '@@end@@';\n`); }),
    close: () => new Promise(resolve => { p.on('exit', resolve); p.stdin.end(); }),
  };
}
async function dbState() {
  if (!stateQuery) {
    const list = v.db.kind === 'pg'
      ? v.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
      : v.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    const tables = list.split('\n').filter(t => t && !/^(sessions|throttle)$/.test(t));
    stateQuery = tables.map(t => `SELECT '${t}', count(*) FROM ${t}`).concat([
      "SELECT 'pw', max(password_changed_at) FROM users",
      "SELECT 'lang', count(lang) FROM users",
      "SELECT 'used', count(used_at) FROM tokens",
      "SELECT 'touched', max(updated_at) FROM projects",
      "SELECT 'status', count(*) FROM projects WHERE status <> 'active' OR rag <> 'green' OR deleted_at IS NOT NULL",
      "SELECT 'indicator', max(updated_at) FROM indicators",
      "SELECT 'hourly', sum(hourly_cost) FROM orgs",
      "SELECT 'owners', count(owner_id) FROM benefits",
    ]).join(' UNION ALL ');
    shell = sqlShell();
  }
  const r = await shell.query(stateQuery);
  assert.match(r, /^users\|\d+$/m, 'the database state was read');
  return r;
}

// ---------------------------------------------------------------------------
// THE TABLE. One row per route, keyed "METHOD PATTERN" as `varde routes`
// prints it; "METHOD PATTERN#variant" is a further row for the same route
// (another object or body). Fields:
//   gate     the coarse access level the rules require: 'public', 'anon-only',
//            'user' (signed in) or 'admin' (site admin);
//   path     the URL, with real objects (ctx from prepare);
//   expect   what each visitor gets: 200, 303 (redirect), 400, 403 or 404;
//   to       where a 303 must lead (anonymous visitors to a 'user'/'admin'
//            route always to /login?next=…);
//   form / multipart   the body that would succeed for an allowed visitor;
//   prepare  fresh objects for one visitor, so a destructive request by one
//            visitor does not change what the next one meets;
//   fresh    the request ends or replaces the visitor's session(s): make it in
//            a new session and sign in again afterwards;
//   check    afterwards, through the pages: what must (allowed) or must not
//            (refused) have changed.
// Column order: anonymous, otherOrgMember, orgMember, orgAdmin, siteAdmin,
//               projectObserver, projectMember, projectLeader, projectGuest,
//               benefitOwner.
// ---------------------------------------------------------------------------
const cells = (...s) => Object.fromEntries(WHO.map((w, i) => [w, s[i]]));
const TABLE = {
  // ---- public pages, login, language ------------------------------------
  'GET /': {
    gate: 'public', path: () => '/', to: '/dashboard',
    expect: cells(200, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /healthz': {
    gate: 'public', path: () => '/healthz',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /login': {
    gate: 'anon-only', path: () => '/login', to: '/dashboard',
    expect: cells(200, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /login': {
    gate: 'anon-only', path: () => '/login', to: '/dashboard', fresh: true,
    form: () => ({ email: 'member.a@test.no', password: PW }),
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /logout': {
    gate: 'public', path: () => '/logout', to: '/login', fresh: true, form: () => ({}),
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /lang/:token': {
    gate: 'public', path: () => '/lang/en?next=/guide', to: '/guide',
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /set-password/:token': {
    gate: 'public', path: () => new URL(setpwLink).pathname,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /set-password/:token': {
    // The link is a bearer token: whoever holds it may use it, once.
    gate: 'public', to: '/login?pwset=1',
    prepare: async who => ({ link: await newUser(`setpw.${slug(who)}@test.no`, `Passord ${who}`) }),
    path: ctx => new URL(ctx.link).pathname,
    form: () => ({ password: 'et helt nytt passord her', password2: 'et helt nytt passord her' }),
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /guide': {
    gate: 'public', path: () => '/guide',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token': {
    gate: 'public', path: () => '/guide/veikart',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/print': {
    gate: 'public', path: () => '/guide/veikart/print',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/phases/:token': {
    gate: 'public', path: () => `/guide/veikart/phases/${PHASE}`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/tools/:token': {
    gate: 'public', path: () => `/guide/veikart/tools/${TOOL}`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/tools/:token/template': {
    gate: 'public', path: () => `/guide/veikart/tools/${TOOL}/template`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },

  // ---- one's own account ---------------------------------------------------
  'GET /dashboard': {
    gate: 'user', path: () => '/dashboard',
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /org/switch': {
    // Only to an organisation of one's own: the switcher lists memberships;
    // the operator and the guest belong to none.
    gate: 'user', path: () => '/org/switch', to: '/dashboard', form: () => ({ org: String(orgA) }),
    expect: cells(403, 404, 303, 303, 404, 303, 303, 303, 404, 303),
  },
  'GET /account': {
    gate: 'user', path: () => '/account',
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /account/password': {
    // The visitor's own password, "changed" to the same text (a valid change
    // that keeps the account usable); it ends the visitor's other sessions.
    gate: 'user', path: () => '/account/password', to: '/account?done=password', fresh: true,
    form: () => ({ current: PW, password: PW, password2: PW }),
    expect: cells(403, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /account/language': {
    gate: 'user', path: () => '/account/language', to: '/account?done=language', form: () => ({ lang: 'nb' }),
    expect: cells(403, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /account/sessions/end': {
    gate: 'user', path: () => '/account/sessions/end', to: '/account?done=sessions', fresh: true, form: () => ({}),
    expect: cells(403, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },

  // ---- organisations ---------------------------------------------------------
  'GET /orgs/:id': {
    gate: 'user', path: () => `/orgs/${orgA}`,
    expect: cells(303, 404, 200, 200, 200, 200, 200, 200, 404, 200),
  },
  'POST /orgs/:id/members': {
    // A new person: the answer is the page with their one-time link (200).
    gate: 'user', path: () => `/orgs/${orgA}/members`,
    prepare: async who => ({ email: `added.${slug(who)}@test.no` }),
    form: (who, ctx) => ({ email: ctx.email, name: `Ny ${who}`, role: 'member' }),
    check: async (ctx, allowed) => {
      assert.equal((await orgAMembersTable()).includes(ctx.email), allowed, 'member of org A afterwards');
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'user account afterwards');
    },
    expect: cells(403, 404, 403, 200, 200, 403, 403, 403, 404, 403),
  },
  'POST /orgs/:id/members/:id/remove': {
    gate: 'user', prepare: who => freshMemberOfA(who, 'remove'),
    path: ctx => `/orgs/${orgA}/members/${ctx.uid}/remove`, to: '/orgs/', form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await orgAMembersTable()).includes(ctx.email), !allowed, 'still a member of org A');
    },
    expect: cells(403, 404, 403, 303, 303, 403, 403, 403, 404, 403),
  },
  'POST /orgs/:id/methodologies': {
    gate: 'user', path: () => `/orgs/${orgA}/methodologies`, to: '/orgs/',
    prepare: async who => ({ key: methodKeys[Math.max(0, WHO.indexOf(who)) % methodKeys.length], before: await orgMethodsChecked() }),
    form: (who, ctx) => ({ m: ctx.key }),
    check: async (ctx, allowed) => {
      assert.equal(await orgMethodsChecked(), allowed ? ctx.key : ctx.before, 'the organisation\'s methodologies');
    },
    expect: cells(403, 404, 403, 303, 303, 403, 403, 403, 404, 403),
  },
  'GET /orgs/:id/portfolio': {
    // Lists the organisation's projects: its members only; the operator does
    // not read projects, and a guest sees only the project it was invited to.
    gate: 'user', path: () => `/orgs/${orgA}/portfolio`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200),
  },
  'GET /orgs/:id/deleted': {
    // Deleted projects (titles) for the organisation's administrators.
    gate: 'user', path: () => `/orgs/${orgA}/deleted`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 403, 404, 403),
  },
  'POST /orgs/:id/deleted/:id/restore': {
    gate: 'user', to: '/projects/',
    prepare: async who => {
      const { id } = await freshProject(who, 'Slettet');
      await keeperPost(`/projects/${id}/lifecycle`, { action: 'delete' });
      return { id };
    },
    path: ctx => `/orgs/${orgA}/deleted/${ctx.id}/restore`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${ctx.id}`)).status, allowed ? 200 : 404, 'the project is back');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403),
  },

  // ---- the operator's pages ----------------------------------------------------
  'GET /admin': {
    gate: 'admin', path: () => '/admin',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },
  'GET /admin/orgs': {
    gate: 'admin', path: () => '/admin/orgs',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },
  'POST /admin/orgs': {
    gate: 'admin', path: () => '/admin/orgs', to: '/admin/orgs?done=1',
    prepare: async who => ({ name: `Ny organisasjon ${who}` }),
    form: (who, ctx) => ({ name: ctx.name, kind: 'other', orgnr: '', kommunenr: '' }),
    check: async (ctx, allowed) => {
      const list = (await setup.get('/admin/orgs')).text;
      assert.equal(list.includes(`>${ctx.name}<`), allowed, 'the organisation exists afterwards');
    },
    expect: cells(403, 404, 404, 404, 303, 404, 404, 404, 404, 404),
  },
  'GET /admin/users': {
    gate: 'admin', path: () => '/admin/users',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },
  'POST /admin/users': {
    gate: 'admin', path: () => '/admin/users',
    prepare: async who => ({ email: `created.${slug(who)}@test.no` }),
    form: (who, ctx) => ({ name: `Laget ${who}`, email: ctx.email, org: String(orgA), role: 'admin' }),
    check: async (ctx, allowed) => {
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'the user exists afterwards');
      assert.equal((await orgAMembersTable()).includes(ctx.email), allowed, 'member of org A afterwards');
    },
    expect: cells(403, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },
  'POST /admin/users/:id/reset': {
    gate: 'admin', path: () => `/admin/users/${memberAId}/reset`, form: () => ({}),
    check: async (ctx, allowed, res) => {
      assert.equal(/\/set-password\/[A-Za-z0-9_-]{43}/.test(res.text || ''), allowed, 'a new link is shown');
    },
    expect: cells(403, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },
  'GET /admin/methodologies': {
    gate: 'admin', path: () => '/admin/methodologies',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },
  'POST /admin/methodologies': {
    gate: 'admin', path: () => '/admin/methodologies',
    prepare: async () => ({ before: await guideOffersFixture() }),
    multipart: () => ({ fields: {}, file: { field: 'archive', name: 'fixture.tar.gz', data: fs.readFileSync(fixtureArchive) } }),
    check: async (ctx, allowed) => {
      assert.equal(await guideOffersFixture(), allowed || ctx.before, 'the methodology is offered afterwards');
    },
    expect: cells(403, 404, 404, 404, 200, 404, 404, 404, 404, 404),
  },

  // ---- projects ------------------------------------------------------------------
  // Rules (authz.c): a project is seen by its team, by its organisation's
  // members unless it is team-only, and by its organisation's admins; the
  // operator does not read projects. Owners, leaders, drivers and members
  // edit; owners and leaders manage (a guest never manages); org admins
  // manage and delete; observers only read; members of the team and org
  // admins comment. No relation at all: 404.
  'GET /projects/new': {
    gate: 'user', path: () => '/projects/new',
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /projects': {
    // The organisation is a choice in the form: anyone not in org A gets the
    // form back with "choose one of your organisations" (400), which says
    // nothing about org A, and nothing is created.
    gate: 'user', path: () => '/projects', to: '/projects/',
    prepare: async who => ({ title: `Nytt prosjekt ${who}` }),
    form: (who, ctx) => ({ org: String(orgA), title: ctx.title, challenge: 'Lange køer.', goals: '', area: 'social',
      methodology: 'veikart', start: '2026-02-01', end: '', visibility: 'org' }),
    check: async (ctx, allowed) => {
      const list = (await keeper.get(`/orgs/${orgA}/portfolio`)).text;
      assert.equal(list.includes(`>${ctx.title}<`), allowed, 'the project exists afterwards');
    },
    expect: cells(403, 400, 303, 303, 400, 303, 303, 303, 400, 303),
  },
  'GET /projects/:id': {
    gate: 'user', path: () => `/projects/${projectP}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id#team-only': {
    // Project T is "team only": not for org A's members outside the team.
    gate: 'user', path: () => `/projects/${projectT}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id#uninvited': {
    // Project U: the project visitors are org A members but not on its team;
    // the guest was not invited to it.
    gate: 'user', path: () => `/projects/${projectU}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200),
  },
  'GET /projects/:id#deleted': {
    // A deleted project is gone for everybody until an org admin restores it
    // from the organisation's list of deleted projects.
    gate: 'user', path: () => `/projects/${projectD}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /projects/:id/team': {
    gate: 'user', path: () => `/projects/${projectP}/team`, to: '/projects/',
    prepare: who => freshMemberOfA(who, 'team'),
    form: (who, ctx) => ({ email: ctx.email, role: 'member' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`<td>${ctx.name}</td>`), allowed, 'on the team afterwards');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403),
  },
  'POST /projects/:id/team#uninvited': {
    // A role in project P gives no rights in project U.
    gate: 'user', path: () => `/projects/${projectU}/team`, to: '/projects/',
    prepare: who => freshMemberOfA(who, 'uteam'),
    form: (who, ctx) => ({ email: ctx.email, role: 'member' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectU}`)).text.includes(`<td>${ctx.name}</td>`), allowed, 'on the team afterwards');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403),
  },
  'POST /projects/:id/team/:id/remove': {
    gate: 'user', to: '/projects/',
    prepare: async who => {
      const m = await freshMemberOfA(who, 'offteam');
      await keeperPost(`/projects/${projectP}/team`, { email: m.email, role: 'member' });
      return m;
    },
    path: ctx => `/projects/${projectP}/team/${ctx.uid}/remove`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`<td>${ctx.name}</td>`), !allowed, 'still on the team');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403),
  },
  'POST /projects/:id/steps/:token': {
    gate: 'user', path: () => `/projects/${projectP}/steps/${STEP}`, to: '/projects/',
    form: () => ({ status: 'in-progress' }),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'GET /projects/:id/phases/:token/gate': {
    gate: 'user', path: () => `/projects/${projectP}/phases/${PHASE}/gate`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 200, 403, 403),
  },
  'POST /projects/:id/phases/:token/gate': {
    gate: 'user', path: () => `/projects/${projectP}/phases/${PHASE}/gate`, to: '/projects/',
    form: who => ({ decision: 'continue', reason: `Klart, sier ${who}`, 'x-problem-og-mal-godkjent': '1' }),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403),
  },
  'GET /projects/:id/tools/:token': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'POST /projects/:id/tools/:token': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}`, to: '/projects/',
    prepare: async () => ({ rev: await toolRev(projectP) }),
    form: (who, ctx) => ({ rev: ctx.rev, 'f-prosjektnavn': `Navn fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      const page = (await keeperSees(`/projects/${projectP}/tools/${TOOL}`)).text;
      assert.equal(page.includes(`Navn fra ${who}`), allowed, 'the saved text');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'GET /projects/:id/tools/:token#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/tools/${TOOL}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'POST /projects/:id/tools/:token#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/tools/${TOOL}`, to: '/projects/',
    prepare: async () => ({ rev: await toolRev(projectU) }),
    form: (who, ctx) => ({ rev: ctx.rev, 'f-prosjektnavn': `Navn fra ${who}` }),
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403),
  },
  'GET /projects/:id/tools/:token/history': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}/history`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'POST /projects/:id/tools/:token/restore/:id': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}/restore/1`, to: '/projects/', form: () => ({}),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'POST /projects/:id/comments': {
    gate: 'user', path: () => `/projects/${projectP}/comments`, to: '/projects/',
    form: who => ({ body: `Kommentar fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`Kommentar fra ${who}`), allowed, 'the comment');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 303, 303, 303, 403),
  },
  'POST /projects/:id/comments#team-only': {
    // In a team-only project an org member outside the team gets 404, not 403.
    gate: 'user', path: () => `/projects/${projectT}/comments`, to: '/projects/',
    form: who => ({ body: `Lukket kommentar fra ${who}` }),
    expect: cells(403, 404, 404, 303, 404, 403, 303, 303, 303, 404),
  },
  'POST /projects/:id/comments#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/comments`, to: '/projects/',
    form: who => ({ body: `Kommentar på U fra ${who}` }),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403),
  },
  'POST /projects/:id/status': {
    gate: 'user', path: () => `/projects/${projectP}/status`, to: '/projects/',
    form: who => ({ rag: 'amber', rag_comment: `Status fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`Status fra ${who}`), allowed, 'the status comment');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403),
  },
  'POST /projects/:id/lifecycle': {
    // Close (managers); a fresh project each time.
    gate: 'user', to: '/projects/', prepare: who => freshProject(who, 'Lukkes'),
    path: ctx => `/projects/${ctx.id}/lifecycle`, form: () => ({ action: 'close' }),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403),
  },
  'POST /projects/:id/lifecycle#delete': {
    // Delete: org admins only, not the project's own leaders.
    gate: 'user', to: '/orgs/', prepare: who => freshProject(who, 'Slettes'),
    path: ctx => `/projects/${ctx.id}/lifecycle`, form: () => ({ action: 'delete' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${ctx.id}`)).status, allowed ? 404 : 200, 'the project is gone');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 403, 403),
  },
  'POST /projects/:id/invite': {
    // A new person from outside: the answer shows their one-time link (200).
    gate: 'user', path: () => `/projects/${projectP}/invite`,
    prepare: async who => ({ email: `invited.${slug(who)}@partner.no` }),
    form: (who, ctx) => ({ 'invite-email': ctx.email, 'invite-name': `Partner ${who}`, 'invite-role': 'observer' }),
    check: async (ctx, allowed) => {
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'an account for the partner');
    },
    expect: cells(403, 404, 403, 200, 404, 403, 403, 200, 403, 403),
  },

  // ---- registers of the evidence chain -------------------------------------------
  // Rules (authz.c): read with the project (team, org members unless team
  // only, org admins); written by the team's members, drivers, leaders and
  // owners, guests included (AZ_PROJECT_EDIT; org admins outside the team
  // do not write); a new voting round is managing (leaders, owners, org
  // admins; never a guest). An item of another project is not found through
  // this one. The retention list is for the organisation's own admins.
  'GET /projects/:id/registers': {
    gate: 'user', path: () => `/projects/${projectP}/registers`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id/registers#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/registers`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/registers#deleted': {
    gate: 'user', path: () => `/projects/${projectD}/registers`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/registers/:token': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: () => `/projects/${projectP}/registers/research`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id/registers/:token#ideas': {
    // The idea list with the impact/effort matrix and the voting table.
    gate: 'user', prepare: async () => ({ id: await ideaP() }), path: () => `/projects/${projectP}/registers/idea`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id/registers/:token#team-only': {
    gate: 'user', prepare: async () => ({ id: await itemT() }), path: () => `/projects/${projectT}/registers/insight`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/registers/:token/new': {
    gate: 'user', path: () => `/projects/${projectP}/registers/research/new`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 403),
  },
  'POST /projects/:id/registers/:token': {
    gate: 'user', path: () => `/projects/${projectP}/registers/research`, to: '/projects/',
    form: who => ({ rev: '0', 'f-title': `Intervju fra ${who}`, 'f-method': 'interview' }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}/registers/research`)).text.includes(`>Intervju fra ${who}<`), allowed, 'the item');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'POST /projects/:id/registers/:token#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/registers/insight`, to: '/projects/',
    form: who => ({ rev: '0', 'f-headline': `Innsikt fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectT}/registers/insight`)).text.includes(`>Innsikt fra ${who}<`), allowed, 'the item');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404),
  },
  'POST /projects/:id/registers/:token#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/registers/research`, to: '/projects/',
    form: who => ({ rev: '0', 'f-title': `Uinvitert intervju fra ${who}` }),
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403),
  },
  'POST /projects/:id/votes': {
    // Three dots on a fresh idea; the ballot is the visitor's own.
    gate: 'user', path: () => `/projects/${projectP}/votes`, to: '/projects/',
    prepare: async who => ({ id: await keeperItem(projectP, 'idea', { title: `Idé å stemme på, ${who}` }) }),
    form: (who, ctx) => ({ [`dots-${ctx.id}`]: '3' }),
    check: async (ctx, allowed) => {
      assert.equal(await ideaDots(projectP, ctx.id), allowed ? 3 : 0, 'the dots on the idea');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'POST /projects/:id/votes/round': {
    gate: 'user', path: () => `/projects/${projectP}/votes/round`, to: '/projects/', form: () => ({}),
    prepare: async () => ({ round: await voteRound(projectP) }),
    check: async (ctx, allowed) => {
      assert.equal(await voteRound(projectP), allowed ? ctx.round + 1 : ctx.round, 'the voting round');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403),
  },
  'POST /projects/:id/votes/round#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/votes/round`, to: '/projects/', form: () => ({}),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403),
  },
  'GET /projects/:id/items/:id': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: ctx => `/projects/${projectP}/items/${ctx.id}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id/items/:id#team-only': {
    gate: 'user', prepare: async () => ({ id: await itemT() }), path: ctx => `/projects/${projectT}/items/${ctx.id}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/items/:id#other-project': {
    // An item of project U asked for through project P: not found, for anyone.
    gate: 'user', prepare: async () => ({ id: await itemU() }), path: ctx => `/projects/${projectP}/items/${ctx.id}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/items/:id/edit': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: ctx => `/projects/${projectP}/items/${ctx.id}/edit`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 403),
  },
  'POST /projects/:id/items/:id': {
    gate: 'user', to: '/projects/',
    prepare: async () => { const id = await itemP(); return { id, rev: await itemRev(projectP, id) }; },
    path: ctx => `/projects/${projectP}/items/${ctx.id}`,
    form: (who, ctx) => ({ rev: ctx.rev, 'f-title': `Tittel fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}/items/${ctx.id}`)).text.includes(`Tittel fra ${who}`), allowed, 'the saved title');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'GET /projects/:id/items/:id/history': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: ctx => `/projects/${projectP}/items/${ctx.id}/history`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'POST /projects/:id/items/:id/delete': {
    gate: 'user', to: '/projects/',
    prepare: async who => ({ id: await keeperItem(projectP, 'need', { statement: `Hvordan kan vi slette for ${who}?` }) }),
    path: ctx => `/projects/${projectP}/items/${ctx.id}/delete`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}/items/${ctx.id}`)).status, allowed ? 404 : 200, 'the item is gone');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'POST /projects/:id/items/:id/delete#other-project': {
    // Project P's editors cannot reach project U's item through P (404);
    // those who may not edit P are refused on P first (403).
    gate: 'user', prepare: async () => ({ id: await itemU() }),
    path: ctx => `/projects/${projectP}/items/${ctx.id}/delete`, form: () => ({}),
    check: async ctx => {
      assert.equal((await keeperSees(`/projects/${projectU}/items/${ctx.id}`)).status, 200, 'the item is still there');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 403),
  },
  'GET /projects/:id/chain': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: () => `/projects/${projectP}/chain`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id/chain#team-only': {
    gate: 'user', prepare: async () => ({ id: await itemT() }), path: () => `/projects/${projectT}/chain`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /orgs/:id/retention': {
    // The organisation's own admins only: not the operator (404), not its
    // members (403); nobody outside it (404).
    gate: 'user', path: () => `/orgs/${orgA}/retention`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 403, 404, 403),
  },
  'POST /orgs/:id/retention/:id/delete': {
    gate: 'user', to: '/orgs/',
    prepare: async who => ({ id: await keeperItem(projectP, 'research', { title: `Utløpt intervju ${who}`, retention: '2020-01-01' }) }),
    path: ctx => `/orgs/${orgA}/retention/${ctx.id}/delete`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal(await retentionListed(ctx.id), !allowed, 'still due for deletion');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403),
  },

  // ---- benefit realisation -----------------------------------------------------
  // Rules (authz.c): a benefit is read with its project (AZ_BENEFIT_VIEW) and
  // measured (indicators, measurements, import, calculations) by the team's
  // members, drivers, leaders and owners, guests included (AZ_BENEFIT_MEASURE);
  // observers and org members or admins outside the team read only (403). A
  // benefit's owner outside the team reads and measures that benefit, and
  // nothing else of its project: not the project, its plan or its other
  // benefits. Nobody outside the project's organisation sees anything (404),
  // nor the operator. A benefit's indicator is found only through its benefit,
  // and a measurement only through its indicator.
  // Benefits: benefitP (of P, owned by benefitOwner), benefitP2 (of P, no
  // owner), benefitT / benefitT2 (of team-only T; owned / not), benefitU (of U),
  // benefitB (of org B's project), benefitD (of the deleted project D, owned).
  'GET /benefits/:id': {
    gate: 'user', path: () => `/benefits/${benefitP}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /benefits/:id#other-benefit': {
    // Owning one benefit of P opens no other: benefitOwner reads P2 only as
    // an org member reads P.
    gate: 'user', path: () => `/benefits/${benefitP2}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /benefits/:id#team-only': {
    gate: 'user', path: () => `/benefits/${benefitT}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /benefits/:id#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /benefits/:id#uninvited': {
    gate: 'user', path: () => `/benefits/${benefitU}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200),
  },
  'GET /benefits/:id#other-org': {
    // Org B's benefit: its members read it; nobody of org A does.
    gate: 'user', path: () => `/benefits/${benefitB}`,
    expect: cells(303, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /benefits/:id#deleted-project': {
    // Owning a benefit of a deleted project opens nothing.
    gate: 'user', path: () => `/benefits/${benefitD}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /benefits/:id/indicators/new': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/new`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 200),
  },
  'GET /benefits/:id/indicators/new#team-only': {
    gate: 'user', path: () => `/benefits/${benefitT}/indicators/new`,
    expect: cells(303, 404, 404, 403, 404, 403, 200, 200, 200, 200),
  },
  'POST /benefits/:id/indicators': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators`, to: '/benefits/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Indikator ${ctx.tag}`, unit: 'saker', direction: 'higher', frequency: 'quarterly', mid_rows: '0' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`Indikator ${ctx.tag}`), allowed, 'the indicator exists afterwards');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators`, to: '/benefits/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Indikator ${ctx.tag}`, unit: 'saker', direction: 'higher', frequency: 'quarterly', mid_rows: '0' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitT2)).includes(`Indikator ${ctx.tag}`), allowed, 'the indicator exists afterwards');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404),
  },
  'GET /benefits/:id/indicators/:id/edit': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${indEditP}/edit`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 200),
  },
  'GET /benefits/:id/indicators/:id/edit#other-indicator': {
    // P2's indicator asked for through benefitP: not found by those who may
    // measure benefitP; the others are refused on benefitP first.
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}/edit`,
    expect: cells(303, 404, 403, 403, 404, 403, 404, 404, 404, 404),
  },
  'POST /benefits/:id/indicators/:id': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${indEditP}`, to: '/benefits/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Endret ${ctx.tag}`, unit: 'timer', direction: 'lower', frequency: 'monthly', mid_rows: '0' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`Endret ${ctx.tag}`), allowed, 'the indicator\'s new name');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators/:id#other-indicator': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}`, prepare: prepTag,
    form: (who, ctx) => ({ name: `Kapret ${ctx.tag}`, unit: 'timer', direction: 'lower', frequency: 'monthly', mid_rows: '0' }),
    check: async ctx => {
      assert.ok(!(await benefitPage(benefitP2)).includes(`Kapret ${ctx.tag}`), 'P2\'s indicator is unchanged');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitP),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators/:id/measurements#other-benefit': {
    gate: 'user', path: () => `/benefits/${benefitP2}/indicators/${ind[benefitP2]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitP2),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'POST /benefits/:id/indicators/:id/measurements#team-only': {
    gate: 'user', path: () => `/benefits/${benefitT}/indicators/${ind[benefitT]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitT),
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators/:id/measurements#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators/${ind[benefitT2]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitT2),
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#uninvited': {
    gate: 'user', path: () => `/benefits/${benefitU}/indicators/${ind[benefitU]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitU),
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403),
  },
  'POST /benefits/:id/indicators/:id/measurements#other-org': {
    gate: 'user', path: () => `/benefits/${benefitB}/indicators/${ind[benefitB]}/measurements`,
    prepare: prepTag, form: measureForm,
    check: async ctx => {
      await keeperB.get('/dashboard');
      assert.ok(!(await keeperB.get(`/benefits/${benefitB}`)).text.includes(`Måling ${ctx.tag}`), 'nothing stored');
    },
    expect: cells(403, 403, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#other-indicator': {
    // P2's indicator through benefitP.
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}/measurements`,
    prepare: prepTag, form: measureForm,
    check: async ctx => {
      assert.ok(!(await benefitPage(benefitP2)).includes(`Måling ${ctx.tag}`), 'nothing stored on P2');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements/:id/delete': {
    gate: 'user', to: '/benefits/',
    prepare: async () => ({ id: await keeperMeasurement(benefitP, ind[benefitP]) }),
    path: ctx => `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements/${ctx.id}/delete`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`/measurements/${ctx.id}/delete"`), !allowed, 'the measurement is still there');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators/:id/measurements/:id/delete#other-indicator': {
    // A measurement of P2's indicator through benefitP's indicator: not found
    // (like an item of another project, it is not this indicator's).
    gate: 'user', prepare: async () => ({ id: await keeperMeasurement(benefitP2, ind[benefitP2]) }),
    path: ctx => `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements/${ctx.id}/delete`, form: () => ({}),
    check: async ctx => {
      assert.ok((await benefitPage(benefitP2)).includes(`/measurements/${ctx.id}/delete"`), 'P2\'s measurement is still there');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 404),
  },
  'POST /benefits/:id/calculation': {
    gate: 'user', path: () => `/benefits/${benefitP}/calculation`, to: '/benefits/',
    prepare: async () => ({ n: 100 + (next() % 800) }),
    form: (who, ctx) => ({ kind: 'avoided-cost', cost_per_task: '10', tasks_avoided: String(ctx.n) }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`<dd>${ctx.n}</dd>`), allowed, 'the latest calculation');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/calculation#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/calculation`, to: '/benefits/',
    prepare: async () => ({ n: 100 + (next() % 800) }),
    form: (who, ctx) => ({ kind: 'avoided-cost', cost_per_task: '10', tasks_avoided: String(ctx.n) }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitT2)).includes(`<dd>${ctx.n}</dd>`), allowed, 'the latest calculation');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404),
  },
  'GET /benefits/:id/indicators/:id/import': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/import`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 200),
  },
  'GET /benefits/:id/indicators/:id/import#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators/${ind[benefitT2]}/import`,
    expect: cells(303, 404, 404, 403, 404, 403, 200, 200, 200, 404),
  },
  'POST /benefits/:id/indicators/:id/import': {
    // Pasted text, saved at once (every row good).
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/import`, to: '/benefits/',
    prepare: prepTag, form: (who, ctx) => ({ data: `${ctx.day};7;Import ${ctx.tag}`, action: 'save' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`Import ${ctx.tag}`), allowed, 'the imported measurement');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators/:id/import#file': {
    // A CSV file (multipart), saved at once.
    gate: 'user', path: () => `/benefits/${benefitT}/indicators/${ind[benefitT]}/import`, to: '/benefits/', prepare: prepTag,
    multipart: (who, ctx) => ({ fields: { action: 'save' },
      file: { field: 'file', name: 'maalinger.csv', data: `\ufeffdato;verdi;kommentar\r\n${ctx.day};8;Fil ${ctx.tag}\r\n` } }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitT)).includes(`Fil ${ctx.tag}`), allowed, 'the imported measurement');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 303),
  },
  'POST /benefits/:id/indicators/:id/import#other-org': {
    gate: 'user', path: () => `/benefits/${benefitB}/indicators/${ind[benefitB]}/import`,
    prepare: prepTag, form: (who, ctx) => ({ data: `${ctx.day};7;Import ${ctx.tag}`, action: 'save' }),
    expect: cells(403, 403, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /benefits/:id/indicators/:id/export': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/export`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /benefits/:id/indicators/:id/export#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators/${ind[benefitT2]}/export`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /benefits/:id/indicators/:id/export#other-indicator': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}/export`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/benefits': {
    // The plan is the project's page: the benefit owner reads P's plan only
    // as an org member of org A.
    gate: 'user', path: () => `/projects/${projectP}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200),
  },
  'GET /projects/:id/benefits#team-only': {
    // ... and not T's, although it owns a benefit of T.
    gate: 'user', path: () => `/projects/${projectT}/benefits`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/benefits#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200),
  },
  'GET /projects/:id/benefits#deleted': {
    gate: 'user', path: () => `/projects/${projectD}/benefits`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /projects/:id/registers/:token#benefit': {
    // A benefit with its owner (a member of org A): written by the team.
    gate: 'user', path: () => `/projects/${projectP}/registers/benefit`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ rev: '0', 'f-name': `Gevinst ${ctx.tag}`, 'f-type': 'quality', owner: String(benefitOwnerId) }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}/registers/benefit`)).text.includes(`>Gevinst ${ctx.tag}<`), allowed, 'the benefit');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403),
  },
  'POST /projects/:id/registers/:token#benefit-team-only': {
    gate: 'user', path: () => `/projects/${projectT}/registers/benefit`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ rev: '0', 'f-name': `Gevinst ${ctx.tag}`, owner: String(benefitOwnerId) }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectT}/registers/benefit`)).text.includes(`>Gevinst ${ctx.tag}<`), allowed, 'the benefit');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404),
  },
  'GET /orgs/:id/benefits': {
    // The organisation's overview is for its members (not the operator, not
    // a guest of one project).
    gate: 'user', path: () => `/orgs/${orgA}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200),
  },
  'GET /orgs/:id/benefits#other-org': {
    gate: 'user', path: () => `/orgs/${orgB}/benefits`,
    expect: cells(303, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /orgs/:id/benefits/settings': {
    // Hourly cost and own benefit types: the organisation's own admins.
    gate: 'user', path: () => `/orgs/${orgA}/benefits/settings`, to: '/orgs/', prepare: prepTag,
    form: (who, ctx) => ({ type: `Type ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}/registers/benefit/new`)).text.includes(`>Type ${ctx.tag}</option>`), allowed,
        'the benefit form offers the type');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403),
  },
};

// ---- sessions and requests -----------------------------------------------------
const sessions = new Map();
async function signIn(who) {
  const c = v.client();
  if (!VISITORS[who].email) { await c.get('/login'); return c; }
  const r = await c.login(VISITORS[who].email, PW);
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
const routeOf = key => key.split('#')[0];
const patternRe = p => new RegExp('^' + p.replace(/:id/g, '\\d+').replace(/:token/g, '[A-Za-z0-9_-]+') + '$');

// POST as the page's form would: with the CSRF token of a page this visitor
// has just fetched, so that the answer is about authorization, not CSRF.
async function send(c, who, method, p, row, ctx) {
  if (method === 'GET') return c.get(p);
  await c.get(c.cookies.has('varde_sid') ? '/dashboard' : '/login');
  if (row.multipart) {
    const { fields, file } = row.multipart(who, ctx);
    return c.postMultipart(p, fields, file);
  }
  return c.post(p, row.form ? row.form(who, ctx) : {});
}

before(async () => {
  v = await startVarde();
  setup = await v.admin();
  orgA = await makeOrg(setup, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  orgB = await makeOrg(setup, { name: 'Rødøy kommune', kommunenr: '1836' });
  const mk = (email, name, org, role) => makeUser(v, setup, { email, name, org, role, password: PW });
  await mk('member.a@test.no', 'Mari Medlem', orgA, 'member');
  await mk('admin.a@test.no', 'Arne Admin', orgA, 'admin');
  await mk('member.b@test.no', 'Berit B', orgB, 'member');
  await mk('observer.p@test.no', 'Olga Observatør', orgA, 'member');
  await mk('member.p@test.no', 'Mons Medarbeider', orgA, 'member');
  await mk('leader.p@test.no', 'Lise Leder', orgA, 'member');
  keeper = await mk('keeper.a@test.no', 'Kari Keeper', orgA, 'admin');
  await setup.get('/admin/users');
  const op = await setup.post('/admin/users', { name: 'Olav Operatør', email: 'operator@test.no', org: '', role: 'member', site_admin: '1' });
  assert.equal(op.status, 200);
  await setPassword(v.base, linkFrom(op.text), PW);
  await mk('owner.a@test.no', 'Bente Gevinsteier', orgA, 'member');
  keeperB = await mk('keeper.b@test.no', 'Knut Keeper', orgB, 'admin');
  memberAId = await userId('member.a@test.no');
  benefitOwnerId = await userId('owner.a@test.no');
  setpwLink = await newUser('setpw.get@test.no', 'Lenke Leser');

  projectP = await newProject('Raskere byggesak');
  const invite = await inviteGuest(projectP, 200); // a new person: the page shows the link
  await setPassword(v.base, linkFrom(invite.text), PW);
  projectT = await newProject('Lukket barnevernsprosjekt', 'team');
  await inviteGuest(projectT);
  await keeper.get('/projects/new');
  const u = await keeper.post('/projects', { org: String(orgA), title: 'Prosjekt uten dem', challenge: 'Noe annet.',
    goals: '', area: 'culture', methodology: 'veikart', start: '2026-03-01', end: '', visibility: 'org' });
  assert.equal(u.status, 303);
  projectU = Number(u.location.match(/(\d+)$/)[1]);
  projectD = (await freshProject('alle', 'Slettet for lengst')).id;
  benefitD = await benefitOf(keeper, projectD, 'Gevinst i et slettet prosjekt', benefitOwnerId);
  ind[benefitD] = await indicatorOf(keeper, benefitD, 'Indikator i et slettet prosjekt');
  await keeperPost(`/projects/${projectD}/lifecycle`, { action: 'delete' });
  // A first revision of the tool, for the restore route.
  await keeper.get(`/projects/${projectP}/tools/${TOOL}`);
  await keeperPost(`/projects/${projectP}/tools/${TOOL}`, { rev: await toolRev(projectP), 'f-prosjektnavn': 'Første utkast' });
  // Benefits, each with an indicator, for the benefit rows.
  benefitP = await benefitOf(keeper, projectP, 'Kortere saksbehandling', benefitOwnerId);
  benefitP2 = await benefitOf(keeper, projectP, 'Færre purringer');
  benefitT = await benefitOf(keeper, projectT, 'Tryggere oppvekst', benefitOwnerId);
  benefitT2 = await benefitOf(keeper, projectT, 'Færre omplasseringer');
  benefitU = await benefitOf(keeper, projectU, 'Gevinst uten dem');
  for (const b of [benefitP, benefitP2, benefitT, benefitT2, benefitU]) ind[b] = await indicatorOf(keeper, b, `Indikator ${b}`);
  indEditP = await indicatorOf(keeper, benefitP, 'Indikator som endres');
  await keeperB.get('/projects/new');
  const pb = await keeperB.post('/projects', { org: String(orgB), title: 'Rødøys prosjekt', challenge: 'Lang vei til legen.',
    goals: '', area: 'health', methodology: 'veikart', start: '2026-03-01', end: '', visibility: 'org' });
  assert.equal(pb.status, 303);
  projectB = Number(pb.location.match(/(\d+)$/)[1]);
  benefitB = await benefitOf(keeperB, projectB, 'Rødøys gevinst');
  ind[benefitB] = await indicatorOf(keeperB, benefitB, 'Rødøys indikator');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-matrix-'));
  fixtureArchive = path.join(dir, 'fixture.tar.gz');
  execFileSync('tar', ['-czf', fixtureArchive, '-C', path.join(ROOT, 'tests', 'fixtures', 'methodologies'), 'good']);
});
after(async () => { if (shell) await shell.close(); const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

// ---- the tests -------------------------------------------------------------------
test('every route has a row and every row a route (varde routes)', () => {
  const out = execFileSync(BIN, ['routes'], { encoding: 'utf8' });
  const routes = out.split('\n').filter(Boolean).map(l => l.trim().split(/\s+/).slice(0, 2).join(' '));
  assert.ok(routes.length > 20, 'varde routes printed the route table');
  const rows = new Set(Object.keys(TABLE).map(routeOf));
  assert.deepEqual(routes.filter(r => !rows.has(r)), [], 'routes with no row in the matrix: add them to TABLE');
  assert.deepEqual([...rows].filter(r => !routes.includes(r)), [], 'rows for routes that no longer exist: remove them');
});

test('every row has a cell for every visitor, and a gate that fits its cells', () => {
  for (const [key, row] of Object.entries(TABLE)) {
    assert.deepEqual(Object.keys(row.expect), WHO, `${key}: one cell per visitor`);
    for (const [who, want] of Object.entries(row.expect))
      assert.ok([200, 303, 400, 403, 404].includes(want), `${key} ${who}: ${want}`);
    assert.ok(['public', 'anon-only', 'user', 'admin'].includes(row.gate), `${key}: gate`);
    if (row.gate === 'user' || row.gate === 'admin')
      assert.equal(row.expect.anonymous, key.startsWith('GET ') ? 303 : 403, `${key}: anonymous is turned away`);
    if (row.gate === 'admin')
      for (const who of WHO.filter(w => w !== 'anonymous' && w !== 'siteAdmin'))
        assert.equal(row.expect[who], 404, `${key}: the operator's pages do not exist for ${who}`);
  }
});

for (const [key, row] of Object.entries(TABLE)) {
  const [method, pattern] = routeOf(key).split(' ');
  test(`matrix: ${key}`, async t => {
    for (const who of WHO) {
      const want = row.expect[who];
      await t.test(`${who} → ${want}`, async () => {
        const ctx = row.prepare ? await row.prepare(who) : {};
        const p = row.path(ctx);
        assert.match(p.split('?')[0], patternRe(pattern), 'the path fits the route');
        const c = await clientFor(who, row.fresh);
        const dbBefore = method === 'POST' && want >= 400 ? await dbState() : null;
        const res = await send(c, who, method, p, row, ctx);
        if (row.fresh) sessions.delete(who);
        if (method === 'POST') assert.match(c.csrf || '', /^[0-9a-f]{64}$/, 'the POST carried a CSRF token');
        assert.doesNotMatch(res.text || '', CSRF_REFUSED, 'refused for CSRF instead of decided on authorization');
        assert.equal(res.status, want, `${who} ${method} ${p}`);
        if (res.status === 303) {
          const toLogin = who === 'anonymous' && (row.gate === 'user' || row.gate === 'admin');
          const to = toLogin ? '/login?next=' : row.to;
          assert.ok(to && (res.location || '').startsWith(to), `redirect to ${to}, got ${res.location}`);
        }
        if (dbBefore !== null) assert.equal(await dbState(), dbBefore, 'a refused request changed nothing');
        if (row.check) await row.check(ctx, res.status < 400, res, who);
      });
    }
  });
}

// The second check: nobody without a valid session reaches a protected
// route, however they come — no cookies at all, a pre-login session with a
// valid CSRF token, a made-up session cookie, or the cookie of a session that
// has been logged out (here the operator's). GET: to /login; POST: 403.
test('protected routes turn away every kind of anonymous request', async () => {
  const op = await signIn('siteAdmin');
  const stale = op.cookies.get('varde_sid');
  assert.ok(stale, 'a session cookie');
  await op.get('/dashboard');
  assert.equal((await op.post('/logout', {})).status, 303);
  const kinds = {
    bare: async () => v.client(),
    preSession: async () => { const c = v.client(); await c.get('/login'); return c; },
    forged: async () => { const c = v.client(); await c.get('/login'); c.cookies.set('varde_sid', 'Ab1_'.repeat(10) + 'xyz'); return c; },
    loggedOut: async () => { const c = v.client(); await c.get('/login'); c.cookies.set('varde_sid', stale); return c; },
  };
  let n = 0;
  for (const [key, row] of Object.entries(TABLE)) {
    if (row.gate !== 'user' && row.gate !== 'admin') continue;
    const [method, pattern] = routeOf(key).split(' ');
    const ctxs = {};
    for (const kind of Object.keys(kinds)) ctxs[kind] = row.prepare ? await row.prepare(`anon ${kind}`) : {};
    const before = method === 'POST' ? await dbState() : null;
    for (const [kind, make] of Object.entries(kinds)) {
      const ctx = ctxs[kind];
      const p = row.path(ctx);
      assert.match(p.split('?')[0], patternRe(pattern));
      const c = await make();
      if (method === 'GET') {
        const r = await c.get(p);
        assert.notEqual(r.status, 200, `${kind} ${key}`);
        assert.equal(r.status, 303, `${kind} ${key}`);
        assert.equal(r.location, '/login?next=' + encodeURIComponent(p.split('?')[0]), `${kind} ${key}`);
      } else {
        const mp = row.multipart && row.multipart('anonymous', ctx);
        const r = mp ? await c.postMultipart(p, mp.fields, mp.file) : await c.post(p, row.form ? row.form(`anon ${kind}`, ctx) : {});
        assert.notEqual(r.status, 200, `${kind} ${key}`);
        assert.equal(r.status, 403, `${kind} ${key}`);
        if (kind !== 'bare') assert.match(r.text, SESSION_ENDED, `${kind} ${key}: turned away for having no session`);
      }
      n++;
    }
    if (before !== null) assert.equal(await dbState(), before, `${key}: the anonymous requests changed nothing`);
    for (const kind of Object.keys(kinds)) if (method === 'POST' && row.check) await row.check(ctxs[kind], false, {}, `anon ${kind}`);
  }
  assert.ok(n >= 4 * 30, `checked ${n} requests`);
});

// Objects that do not exist, for a visitor who could act on them if they did:
// 404, never a redirect or 500.
test('objects that do not exist are 404 for a visitor who could act on them', async t => {
  const rows = [
    ['siteAdmin', 'GET', '/orgs/999999'],
    ['siteAdmin', 'POST', '/orgs/999999/members', { email: 'nobody@test.no', name: 'Ingen', role: 'member' }],
    ['siteAdmin', 'POST', `/orgs/999999/members/${memberAId}/remove`],
    ['siteAdmin', 'POST', '/orgs/999999/methodologies', { m: 'veikart' }],
    ['siteAdmin', 'POST', '/admin/users/999999/reset'],
    ['orgAdmin', 'GET', '/projects/999999'],
    ['orgAdmin', 'POST', `/orgs/${orgA}/deleted/999999/restore`, {}],
    ['projectMember', 'POST', `/projects/${projectP}/tools/${TOOL}/restore/999999`],
    ['projectMember', 'POST', `/projects/${projectP}/steps/no-such-step`, { status: 'done' }],
    ['projectMember', 'GET', `/projects/${projectP}/tools/no-such-tool`],
    ['projectLeader', 'GET', `/projects/${projectP}/phases/no-such-phase/gate`],
    ['projectMember', 'GET', `/projects/${projectP}/registers/no-such-register`],
    ['projectMember', 'GET', `/projects/${projectP}/registers/no-such-register/new`],
    ['projectMember', 'POST', `/projects/${projectP}/registers/no-such-register`, { rev: '0', 'f-title': 'Ingen' }],
    ['projectMember', 'GET', `/projects/${projectP}/items/999999`],
    ['projectMember', 'GET', `/projects/${projectP}/items/999999/edit`],
    ['projectMember', 'GET', `/projects/${projectP}/items/999999/history`],
    ['projectMember', 'POST', `/projects/${projectP}/items/999999`, { rev: '1', 'f-title': 'Ingen' }],
    ['projectMember', 'POST', `/projects/${projectP}/items/999999/delete`],
    ['orgAdmin', 'POST', `/orgs/${orgA}/retention/999999/delete`],
    ['projectMember', 'GET', '/benefits/999999'],
    ['benefitOwner', 'GET', `/benefits/${await itemP()}`], // an item, but not a benefit
    ['projectMember', 'GET', `/benefits/${benefitP}/indicators/999999/edit`],
    ['projectMember', 'POST', `/benefits/${benefitP}/indicators/999999`, { name: 'Ingen', unit: 'x', direction: 'higher', frequency: 'monthly', mid_rows: '0' }],
    ['benefitOwner', 'POST', `/benefits/${benefitP}/indicators/999999/measurements`, { date: '2026-01-01', value: '1' }],
    ['benefitOwner', 'POST', `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements/999999/delete`],
    ['projectMember', 'GET', `/benefits/${benefitP}/indicators/999999/import`],
    ['projectMember', 'POST', `/benefits/${benefitP}/indicators/999999/import`, { data: '2026-01-01;1', action: 'save' }],
    ['projectMember', 'GET', `/benefits/${benefitP}/indicators/999999/export`],
    ['projectMember', 'POST', '/benefits/999999/calculation', { kind: 'avoided-cost', cost_per_task: '1', tasks_avoided: '1' }],
    ['projectMember', 'GET', '/projects/999999/benefits'],
    ['orgAdmin', 'GET', '/orgs/999999/benefits'],
    ['orgAdmin', 'POST', '/orgs/999999/benefits/settings', { type: 'Ingen' }],
  ];
  for (const [who, method, p, form] of rows) {
    await t.test(`${who} ${method} ${p} → 404`, async () => {
      const c = await clientFor(who);
      const before = method === 'POST' ? await dbState() : null;
      const r = method === 'GET' ? await c.get(p) : (await c.get('/dashboard'), await c.post(p, form || {}));
      assert.equal(r.status, 404);
      if (before !== null) assert.equal(await dbState(), before, 'changed nothing');
    });
  }
});
