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
// Networks. Network N is owned by org A (the keeper started it, so org A's
// admins run it); its member organisations are org A and org B. P and the
// team-only T are shared with N (D was too, before it was deleted). Network M
// is owned by org B; org A is a member of it and shares U with it, but not P.
// The network visitors belong to no organisation of their own: everything
// they may do comes from their role in a network and its shares.
//   networkLeader       leader of N
//   networkCoach        coach of N
//   otherNetworkLeader  leader of M (reads U through M; P is not shared with M)
// So orgAdmin is also an admin of N's owner organisation (runs N, does not
// coach), otherOrgMember belongs to a member organisation of N and owns M,
// and the org A members see both networks.
//
// Column order (the order of the cells in every row):
//   anonymous, otherOrgMember, orgMember, orgAdmin, siteAdmin,
//   projectObserver, projectMember, projectLeader, projectGuest, benefitOwner,
//   networkLeader, networkCoach, otherNetworkLeader.
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
  networkLeader: { email: 'leader.n@test.no' },     // leader of network N (P and T shared); no organisation
  networkCoach: { email: 'coach.n@test.no' },       // coach of network N; no organisation
  otherNetworkLeader: { email: 'leader.m@test.no' }, // leader of network M (U shared, P not); no organisation
};
const WHO = Object.keys(VISITORS);

// Filled in by before().
let v, setup, keeper, orgA, orgB, memberAId, setpwLink, fixtureArchive, projectP, projectT, projectU, projectD;
// Benefits (filled in by before()): of P, T, U, of org B's project, and of the
// deleted project D. "Owned" ones belong to the benefitOwner visitor; every
// indicator is made by the keeper. `ind` maps a benefit to its indicator.
let benefitOwnerId, keeperB, projectB;
let benefitP, benefitP2, benefitT, benefitT2, benefitU, benefitB, benefitD, indEditP;
// Networks (filled in by before()): N and M, a joint measure of each, a
// status-report round and a gathering of each, the cases of P (for the
// networks), of U (for everyone) and of D (for everyone, before D was
// deleted), and the ids of a few people.
let networkN, networkM, measureN, measureM, roundR, roundM, gatheringG, gatheringM, caseP, caseU, caseD;
let keeperId, projectLeaderId, networkCoachId;
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
// Every page of the operator's list of users (100 a page).
async function usersListed() {
  let all = '';
  for (let page = 0; ; page++) {
    const t = (await setup.get(`/admin/users?page=${page}`)).text;
    all += t;
    if (!t.includes(`href="/admin/users?page=${page + 1}"`)) return all;
  }
}
async function userId(email) {
  const m = (await usersListed()).match(new RegExp(`<td>${reEsc(email)}</td><td>[^<]*</td><td><form method="post" action="/admin/users/(\\d+)/reset"`));
  if (!m) throw new Error('user not listed: ' + email);
  return Number(m[1]);
}
async function orgAMembersTable() {
  const r = await setup.get(`/orgs/${orgA}`);
  return r.text.match(/<tbody>([^]*?)<\/tbody>/)[1];
}
async function orgMethodsChecked() {
  const r = await setup.get(`/orgs/${orgA}`);
  return [...r.text.matchAll(/name="m" value="([a-z0-9-]+)" checked/g)].map(m => m[1]).sort().join(',');
}
async function guideOffersFixture() { return (await v.client().get('/guide')).text.includes('href="/guide/fixture"'); }
async function postAs(c, p, form, want = 303) {
  await c.get('/dashboard');
  const r = await c.post(p, form);
  if (r.status !== want) throw new Error(`POST ${p}: ${r.status}`);
  return r;
}
const keeperPost = (p, form, want) => postAs(keeper, p, form, want);
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
// ... with the guest invited, and shared with network N (unless share is false).
async function freshProject(who, label, share = true) {
  const id = await newProject(`${label} ${who}`);
  await inviteGuest(id);
  if (share) await shareWith(id, networkN);
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

// ---- networks -----------------------------------------------------------------
// Made by the keeper (admin of org A, leader of N) or keeperB (admin of org
// B, leader of M), looked at through their own pages.
async function newNetwork(c, name, owner) {
  const r = await postAs(c, '/networks', { name, description: `${name}: kommuner som lærer av hverandre.`, owner: String(owner),
    start: '2026-01-01', end: '' });
  return Number(r.location.match(/^\/networks\/(\d+)$/)[1]);
}
async function shareWith(pid, net) {
  await keeperPost(`/projects/${pid}/shares`, { network: String(net), theme: '', challenge: 'Vi vil lære av de andre.' });
}
async function unshareFrom(pid, net) { await keeperPost(`/projects/${pid}/shares/${net}/remove`, {}); }
async function networkPage(net, c = keeper) { return (await c.get(`/networks/${net}`)).text; }
async function measureId(c, net, name) {
  const m = (await networkPage(net, c)).match(new RegExp(`<option value="(\\d+)"[^>]*>${reEsc(name)}</option>`));
  if (!m) throw new Error('measure not offered: ' + name);
  return Number(m[1]);
}
async function gatheringPage(g, c = keeper) { return (await c.get(`/gatherings/${g}`)).text; }
// A follow-up action of gathering G owned by uid, made by the keeper; its id.
async function gatheringAction(uid, label) {
  await keeperPost(`/gatherings/${gatheringG}/actions`, { 'act-body': label, 'act-owner': String(uid), 'act-deadline': '2026-10-01' });
  const m = (await gatheringPage(gatheringG)).match(new RegExp(`${reEsc(label)}</th>[^]*?/gatherings/${gatheringG}/actions/(\\d+)/done"`));
  if (!m) throw new Error('action not shown: ' + label);
  return Number(m[1]);
}
// '1' while the action is open (its button marks it done), '0' once done.
async function gatheringActionOpen(id) {
  const m = (await gatheringPage(gatheringG)).match(new RegExp(`/actions/${id}/done">[^]*?name="done" value="([01])"`));
  return m[1] === '1';
}
async function coachingPage(pid) { return (await keeper.get(`/projects/${pid}/coaching`)).text; }
// An action agreed in a coaching session of P in N, recorded by the keeper
// (a leader of N, so a coach there); its id.
async function coachingAction(label) {
  await keeperPost(`/projects/${projectP}/coaching/sessions`, { network: String(networkN), day: seqDay(next()), mode: 'phone',
    notes: 'Kort oppfølging', 'a1-body': label, 'a1-owner': String(keeperId), 'a1-deadline': '2026-12-01' });
  const m = (await coachingPage(projectP)).match(new RegExp(`${reEsc(label)}</th>[^]*?/coaching/actions/(\\d+)/done"`));
  if (!m) throw new Error('coaching action not shown: ' + label);
  return Number(m[1]);
}
// The open coaching actions of P (the table before the log).
async function openCoachingActions() {
  const t = await coachingPage(projectP);
  return t.slice(t.indexOf('id="open-actions"'), t.indexOf('id="log"'));
}
// The messages waiting on someone's dashboard, as their ids.
async function messagesOf(c) {
  return [...(await c.get('/dashboard')).text.matchAll(/action="\/messages\/(\d+)\/seen"/g)].map(m => Number(m[1]));
}
// A case of project pid published by the keeper; its id.
async function publishCase(pid, title, audience) {
  const r = await keeperPost(`/projects/${pid}/case`, { title, challenge: 'Søknadene ble liggende for lenge.',
    what: 'Vi kartla flyten sammen med saksbehandlerne.', results: '', benefits: '', lessons: '', contact: 'Innovasjonsenheten', audience });
  return Number(r.location.match(/^\/cases\/(\d+)\?published=1$/)[1]);
}
// Project Q: shared with N and unshared again for every visitor, so the
// network's people meet a project they read a moment ago. prepare checks
// that the network leader did read it while it was shared.
let projectQ = 0, itemQ = 0;
async function sharedThenUnshared() {
  if (!projectQ) {
    projectQ = (await freshProject('alle', 'Delt en stund', false)).id;
    itemQ = await keeperItem(projectQ, 'research', { title: 'Intervju som ble delt en stund' });
  }
  await shareWith(projectQ, networkN);
  const leader = await clientFor('networkLeader');
  assert.equal((await leader.get(`/projects/${projectQ}`)).status, 200, 'the network leader reads Q while it is shared');
  await unshareFrom(projectQ, networkN);
  return { id: projectQ, item: itemQ };
}
// Who sees which network (the rules: leaders and coaches, members of the
// owner and of the member organisations), and who reads P and P's case.
const SEES_N = ['otherOrgMember', 'orgMember', 'orgAdmin', 'projectObserver', 'projectMember', 'projectLeader', 'benefitOwner',
  'networkLeader', 'networkCoach'];
const SEES_M = ['otherOrgMember', 'orgMember', 'orgAdmin', 'projectObserver', 'projectMember', 'projectLeader', 'benefitOwner',
  'otherNetworkLeader'];
const READS_P = ['orgMember', 'orgAdmin', 'projectObserver', 'projectMember', 'projectLeader', 'projectGuest', 'benefitOwner',
  'networkLeader', 'networkCoach'];
// P's case is for the networks: org A's members and everyone who sees N
// (store_case.h) — not P's guest, who is in neither.
const READS_CASE_P = ['otherOrgMember', 'orgMember', 'orgAdmin', 'projectObserver', 'projectMember', 'projectLeader', 'benefitOwner',
  'networkLeader', 'networkCoach'];
// A day in the future for a coaching plan (distinct per request).
const futureDay = n => new Date(Date.UTC(2027, 0, 1) + n * 86400000).toISOString().slice(0, 10);

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
      "SELECT 'seen', count(seen_at) FROM messages",
      "SELECT 'gdone', sum(done) FROM gathering_actions",
      "SELECT 'cdone', sum(done) FROM coaching_actions",
      "SELECT 'summary', max(summary_at) FROM status_rounds",
      "SELECT 'cases', max(updated_at) FROM cases",
      "SELECT 'withdrawn', count(withdrawn_at) FROM cases",
      "SELECT 'progress', max(updated_at) FROM project_measures",
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
//               benefitOwner, networkLeader, networkCoach, otherNetworkLeader.
// ---------------------------------------------------------------------------
const cells = (...s) => Object.fromEntries(WHO.map((w, i) => [w, s[i]]));
const TABLE = {
  // ---- public pages, login, language ------------------------------------
  'GET /': {
    gate: 'public', path: () => '/', to: '/dashboard',
    expect: cells(200, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /healthz': {
    gate: 'public', path: () => '/healthz',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /login': {
    gate: 'anon-only', path: () => '/login', to: '/dashboard',
    expect: cells(200, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /login': {
    gate: 'anon-only', path: () => '/login', to: '/dashboard', fresh: true,
    form: () => ({ email: 'member.a@test.no', password: PW }),
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /logout': {
    gate: 'public', path: () => '/logout', to: '/login', fresh: true, form: () => ({}),
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /lang/:token': {
    gate: 'public', path: () => '/lang/en?next=/guide', to: '/guide',
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /set-password/:token': {
    gate: 'public', path: () => new URL(setpwLink).pathname,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /set-password/:token': {
    // The link is a bearer token: whoever holds it may use it, once.
    gate: 'public', to: '/login?pwset=1',
    prepare: async who => ({ link: await newUser(`setpw.${slug(who)}@test.no`, `Passord ${who}`) }),
    path: ctx => new URL(ctx.link).pathname,
    form: () => ({ password: 'et helt nytt passord her', password2: 'et helt nytt passord her' }),
    expect: cells(303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'GET /guide': {
    gate: 'public', path: () => '/guide',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token': {
    gate: 'public', path: () => '/guide/veikart',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/print': {
    gate: 'public', path: () => '/guide/veikart/print',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/phases/:token': {
    gate: 'public', path: () => `/guide/veikart/phases/${PHASE}`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/tools/:token': {
    gate: 'public', path: () => `/guide/veikart/tools/${TOOL}`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /guide/:token/tools/:token/template': {
    gate: 'public', path: () => `/guide/veikart/tools/${TOOL}/template`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },

  // ---- one's own account ---------------------------------------------------
  'GET /dashboard': {
    gate: 'user', path: () => '/dashboard',
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /org/switch': {
    // Only to an organisation of one's own: the switcher lists memberships;
    // the operator and the guest belong to none.
    gate: 'user', path: () => '/org/switch', to: '/dashboard', form: () => ({ org: String(orgA) }),
    expect: cells(403, 404, 303, 303, 404, 303, 303, 303, 404, 303, 404, 404, 404),
  },
  'GET /account': {
    gate: 'user', path: () => '/account',
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /account/password': {
    // The visitor's own password, "changed" to the same text (a valid change
    // that keeps the account usable); it ends the visitor's other sessions.
    gate: 'user', path: () => '/account/password', to: '/account?done=password', fresh: true,
    form: () => ({ current: PW, password: PW, password2: PW }),
    expect: cells(403, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /account/language': {
    gate: 'user', path: () => '/account/language', to: '/account?done=language', form: () => ({ lang: 'nb' }),
    expect: cells(403, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },
  'POST /account/sessions/end': {
    gate: 'user', path: () => '/account/sessions/end', to: '/account?done=sessions', fresh: true, form: () => ({}),
    expect: cells(403, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303),
  },

  // ---- organisations ---------------------------------------------------------
  'GET /orgs/:id': {
    gate: 'user', path: () => `/orgs/${orgA}`,
    expect: cells(303, 404, 200, 200, 200, 200, 200, 200, 404, 200, 404, 404, 404),
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
    expect: cells(403, 404, 403, 200, 200, 403, 403, 403, 404, 403, 404, 404, 404),
  },
  'POST /orgs/:id/members/:id/remove': {
    gate: 'user', prepare: who => freshMemberOfA(who, 'remove'),
    path: ctx => `/orgs/${orgA}/members/${ctx.uid}/remove`, to: '/orgs/', form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await orgAMembersTable()).includes(ctx.email), !allowed, 'still a member of org A');
    },
    expect: cells(403, 404, 403, 303, 303, 403, 403, 403, 404, 403, 404, 404, 404),
  },
  'POST /orgs/:id/methodologies': {
    gate: 'user', path: () => `/orgs/${orgA}/methodologies`, to: '/orgs/',
    prepare: async who => ({ key: methodKeys[Math.max(0, WHO.indexOf(who)) % methodKeys.length], before: await orgMethodsChecked() }),
    form: (who, ctx) => ({ m: ctx.key }),
    check: async (ctx, allowed) => {
      assert.equal(await orgMethodsChecked(), allowed ? ctx.key : ctx.before, 'the organisation\'s methodologies');
    },
    expect: cells(403, 404, 403, 303, 303, 403, 403, 403, 404, 403, 404, 404, 404),
  },
  'GET /orgs/:id/portfolio': {
    // Lists the organisation's projects: its members only; the operator does
    // not read projects, and a guest sees only the project it was invited to.
    gate: 'user', path: () => `/orgs/${orgA}/portfolio`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 404),
  },
  'GET /orgs/:id/deleted': {
    // Deleted projects (titles) for the organisation's administrators.
    gate: 'user', path: () => `/orgs/${orgA}/deleted`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 403, 404, 403, 404, 404, 404),
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
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403, 404, 404, 404),
  },

  // ---- the operator's pages ----------------------------------------------------
  'GET /admin': {
    gate: 'admin', path: () => '/admin',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /admin/orgs': {
    gate: 'admin', path: () => '/admin/orgs',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /admin/orgs': {
    gate: 'admin', path: () => '/admin/orgs', to: '/admin/orgs?done=1',
    prepare: async who => ({ name: `Ny organisasjon ${who}` }),
    form: (who, ctx) => ({ name: ctx.name, kind: 'other', orgnr: '', kommunenr: '' }),
    check: async (ctx, allowed) => {
      const list = (await setup.get('/admin/orgs')).text;
      assert.equal(list.includes(`>${ctx.name}<`), allowed, 'the organisation exists afterwards');
    },
    expect: cells(403, 404, 404, 404, 303, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /admin/users': {
    gate: 'admin', path: () => '/admin/users',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /admin/users': {
    gate: 'admin', path: () => '/admin/users',
    prepare: async who => ({ email: `created.${slug(who)}@test.no` }),
    form: (who, ctx) => ({ name: `Laget ${who}`, email: ctx.email, org: String(orgA), role: 'admin' }),
    check: async (ctx, allowed) => {
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'the user exists afterwards');
      assert.equal((await orgAMembersTable()).includes(ctx.email), allowed, 'member of org A afterwards');
    },
    expect: cells(403, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /admin/users/:id/reset': {
    gate: 'admin', path: () => `/admin/users/${memberAId}/reset`, form: () => ({}),
    check: async (ctx, allowed, res) => {
      assert.equal(/\/set-password\/[A-Za-z0-9_-]{43}/.test(res.text || ''), allowed, 'a new link is shown');
    },
    expect: cells(403, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /admin/methodologies': {
    gate: 'admin', path: () => '/admin/methodologies',
    expect: cells(303, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /admin/methodologies': {
    gate: 'admin', path: () => '/admin/methodologies',
    prepare: async () => ({ before: await guideOffersFixture() }),
    multipart: () => ({ fields: {}, file: { field: 'archive', name: 'fixture.tar.gz', data: fs.readFileSync(fixtureArchive) } }),
    check: async (ctx, allowed) => {
      assert.equal(await guideOffersFixture(), allowed || ctx.before, 'the methodology is offered afterwards');
    },
    expect: cells(403, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404, 404),
  },

  // ---- projects ------------------------------------------------------------------
  // Rules (authz.c): a project is seen by its team, by its organisation's
  // members unless it is team-only, and by its organisation's admins; the
  // operator does not read projects. Owners, leaders, drivers and members
  // edit; owners and leaders manage (a guest never manages); org admins
  // manage and delete; observers only read; members of the team and org
  // admins comment. Leaders and coaches of a network the project is shared
  // with read it and comment, and never edit, manage or delete (403); the
  // leader of a network it is not shared with has no relation to it (404).
  // No relation at all: 404.
  'GET /projects/new': {
    gate: 'user', path: () => '/projects/new',
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
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
    expect: cells(403, 400, 303, 303, 400, 303, 303, 303, 400, 303, 400, 400, 400),
  },
  'GET /projects/:id': {
    gate: 'user', path: () => `/projects/${projectP}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id#team-only': {
    // Project T is "team only": not for org A's members outside the team.
    gate: 'user', path: () => `/projects/${projectT}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /projects/:id#uninvited': {
    // Project U: the project visitors are org A members but not on its team;
    // the guest was not invited to it.
    gate: 'user', path: () => `/projects/${projectU}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'GET /projects/:id#deleted': {
    // A deleted project is gone for everybody until an org admin restores it
    // from the organisation's list of deleted projects.
    gate: 'user', path: () => `/projects/${projectD}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /projects/:id/team': {
    gate: 'user', path: () => `/projects/${projectP}/team`, to: '/projects/',
    prepare: who => freshMemberOfA(who, 'team'),
    form: (who, ctx) => ({ email: ctx.email, role: 'member' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`<td>${ctx.name}</td>`), allowed, 'on the team afterwards');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/team#uninvited': {
    // A role in project P gives no rights in project U.
    gate: 'user', path: () => `/projects/${projectU}/team`, to: '/projects/',
    prepare: who => freshMemberOfA(who, 'uteam'),
    form: (who, ctx) => ({ email: ctx.email, role: 'member' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectU}`)).text.includes(`<td>${ctx.name}</td>`), allowed, 'on the team afterwards');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403, 404, 404, 403),
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
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/steps/:token': {
    gate: 'user', path: () => `/projects/${projectP}/steps/${STEP}`, to: '/projects/',
    form: () => ({ status: 'in-progress' }),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'GET /projects/:id/phases/:token/gate': {
    gate: 'user', path: () => `/projects/${projectP}/phases/${PHASE}/gate`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 200, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/phases/:token/gate': {
    gate: 'user', path: () => `/projects/${projectP}/phases/${PHASE}/gate`, to: '/projects/',
    form: who => ({ decision: 'continue', reason: `Klart, sier ${who}`, 'x-problem-og-mal-godkjent': '1' }),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'GET /projects/:id/tools/:token': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'POST /projects/:id/tools/:token': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}`, to: '/projects/',
    prepare: async () => ({ rev: await toolRev(projectP) }),
    form: (who, ctx) => ({ rev: ctx.rev, 'f-prosjektnavn': `Navn fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      const page = (await keeperSees(`/projects/${projectP}/tools/${TOOL}`)).text;
      assert.equal(page.includes(`Navn fra ${who}`), allowed, 'the saved text');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'GET /projects/:id/tools/:token#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/tools/${TOOL}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'POST /projects/:id/tools/:token#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/tools/${TOOL}`, to: '/projects/',
    prepare: async () => ({ rev: await toolRev(projectU) }),
    form: (who, ctx) => ({ rev: ctx.rev, 'f-prosjektnavn': `Navn fra ${who}` }),
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403, 404, 404, 403),
  },
  'GET /projects/:id/tools/:token/history': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}/history`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'POST /projects/:id/tools/:token/restore/:id': {
    gate: 'user', path: () => `/projects/${projectP}/tools/${TOOL}/restore/1`, to: '/projects/', form: () => ({}),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /projects/:id/comments': {
    gate: 'user', path: () => `/projects/${projectP}/comments`, to: '/projects/',
    form: who => ({ body: `Kommentar fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`Kommentar fra ${who}`), allowed, 'the comment');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 303, 303, 303, 403, 303, 303, 404),
  },
  'POST /projects/:id/comments#team-only': {
    // In a team-only project an org member outside the team gets 404, not 403.
    gate: 'user', path: () => `/projects/${projectT}/comments`, to: '/projects/',
    form: who => ({ body: `Lukket kommentar fra ${who}` }),
    expect: cells(403, 404, 404, 303, 404, 403, 303, 303, 303, 404, 303, 303, 404),
  },
  'POST /projects/:id/comments#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/comments`, to: '/projects/',
    form: who => ({ body: `Kommentar på U fra ${who}` }),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403, 404, 404, 303),
  },
  'POST /projects/:id/status': {
    gate: 'user', path: () => `/projects/${projectP}/status`, to: '/projects/',
    form: who => ({ rag: 'amber', rag_comment: `Status fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`Status fra ${who}`), allowed, 'the status comment');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/lifecycle': {
    // Close (managers); a fresh project each time.
    gate: 'user', to: '/projects/', prepare: who => freshProject(who, 'Lukkes'),
    path: ctx => `/projects/${ctx.id}/lifecycle`, form: () => ({ action: 'close' }),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/lifecycle#delete': {
    // Delete: org admins only, not the project's own leaders.
    gate: 'user', to: '/orgs/', prepare: who => freshProject(who, 'Slettes'),
    path: ctx => `/projects/${ctx.id}/lifecycle`, form: () => ({ action: 'delete' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${ctx.id}`)).status, allowed ? 404 : 200, 'the project is gone');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/invite': {
    // A new person from outside: the answer shows their one-time link (200).
    gate: 'user', path: () => `/projects/${projectP}/invite`,
    prepare: async who => ({ email: `invited.${slug(who)}@partner.no` }),
    form: (who, ctx) => ({ 'invite-email': ctx.email, 'invite-name': `Partner ${who}`, 'invite-role': 'observer' }),
    check: async (ctx, allowed) => {
      assert.equal((await usersListed()).includes(ctx.email), allowed, 'an account for the partner');
    },
    expect: cells(403, 404, 403, 200, 404, 403, 403, 200, 403, 403, 403, 403, 404),
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
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/registers#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/registers`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /projects/:id/registers#deleted': {
    gate: 'user', path: () => `/projects/${projectD}/registers`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/registers/:token': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: () => `/projects/${projectP}/registers/research`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/registers/:token#ideas': {
    // The idea list with the impact/effort matrix and the voting table.
    gate: 'user', prepare: async () => ({ id: await ideaP() }), path: () => `/projects/${projectP}/registers/idea`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/registers/:token#team-only': {
    gate: 'user', prepare: async () => ({ id: await itemT() }), path: () => `/projects/${projectT}/registers/insight`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /projects/:id/registers/:token/new': {
    gate: 'user', path: () => `/projects/${projectP}/registers/research/new`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 403, 403, 403, 404),
  },
  'POST /projects/:id/registers/:token': {
    gate: 'user', path: () => `/projects/${projectP}/registers/research`, to: '/projects/',
    form: who => ({ rev: '0', 'f-title': `Intervju fra ${who}`, 'f-method': 'interview' }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}/registers/research`)).text.includes(`>Intervju fra ${who}<`), allowed, 'the item');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /projects/:id/registers/:token#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/registers/insight`, to: '/projects/',
    form: who => ({ rev: '0', 'f-headline': `Innsikt fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectT}/registers/insight`)).text.includes(`>Innsikt fra ${who}<`), allowed, 'the item');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404, 403, 403, 404),
  },
  'POST /projects/:id/registers/:token#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/registers/research`, to: '/projects/',
    form: who => ({ rev: '0', 'f-title': `Uinvitert intervju fra ${who}` }),
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403, 404, 404, 403),
  },
  'POST /projects/:id/votes': {
    // Three dots on a fresh idea; the ballot is the visitor's own.
    gate: 'user', path: () => `/projects/${projectP}/votes`, to: '/projects/',
    prepare: async who => ({ id: await keeperItem(projectP, 'idea', { title: `Idé å stemme på, ${who}` }) }),
    form: (who, ctx) => ({ [`dots-${ctx.id}`]: '3' }),
    check: async (ctx, allowed) => {
      assert.equal(await ideaDots(projectP, ctx.id), allowed ? 3 : 0, 'the dots on the idea');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /projects/:id/votes/round': {
    gate: 'user', path: () => `/projects/${projectP}/votes/round`, to: '/projects/', form: () => ({}),
    prepare: async () => ({ round: await voteRound(projectP) }),
    check: async (ctx, allowed) => {
      assert.equal(await voteRound(projectP), allowed ? ctx.round + 1 : ctx.round, 'the voting round');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/votes/round#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/votes/round`, to: '/projects/', form: () => ({}),
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403, 404, 404, 403),
  },
  'GET /projects/:id/items/:id': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: ctx => `/projects/${projectP}/items/${ctx.id}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/items/:id#team-only': {
    gate: 'user', prepare: async () => ({ id: await itemT() }), path: ctx => `/projects/${projectT}/items/${ctx.id}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /projects/:id/items/:id#other-project': {
    // An item of project U asked for through project P: not found, for anyone.
    gate: 'user', prepare: async () => ({ id: await itemU() }), path: ctx => `/projects/${projectP}/items/${ctx.id}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/items/:id/edit': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: ctx => `/projects/${projectP}/items/${ctx.id}/edit`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 403, 403, 403, 404),
  },
  'POST /projects/:id/items/:id': {
    gate: 'user', to: '/projects/',
    prepare: async () => { const id = await itemP(); return { id, rev: await itemRev(projectP, id) }; },
    path: ctx => `/projects/${projectP}/items/${ctx.id}`,
    form: (who, ctx) => ({ rev: ctx.rev, 'f-title': `Tittel fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${projectP}/items/${ctx.id}`)).text.includes(`Tittel fra ${who}`), allowed, 'the saved title');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'GET /projects/:id/items/:id/history': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: ctx => `/projects/${projectP}/items/${ctx.id}/history`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'POST /projects/:id/items/:id/delete': {
    gate: 'user', to: '/projects/',
    prepare: async who => ({ id: await keeperItem(projectP, 'need', { statement: `Hvordan kan vi slette for ${who}?` }) }),
    path: ctx => `/projects/${projectP}/items/${ctx.id}/delete`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}/items/${ctx.id}`)).status, allowed ? 404 : 200, 'the item is gone');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /projects/:id/items/:id/delete#other-project': {
    // Project P's editors cannot reach project U's item through P (404);
    // those who may not edit P are refused on P first (403).
    gate: 'user', prepare: async () => ({ id: await itemU() }),
    path: ctx => `/projects/${projectP}/items/${ctx.id}/delete`, form: () => ({}),
    check: async ctx => {
      assert.equal((await keeperSees(`/projects/${projectU}/items/${ctx.id}`)).status, 200, 'the item is still there');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 403, 403, 403, 404),
  },
  'GET /projects/:id/chain': {
    gate: 'user', prepare: async () => ({ id: await itemP() }), path: () => `/projects/${projectP}/chain`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/chain#team-only': {
    gate: 'user', prepare: async () => ({ id: await itemT() }), path: () => `/projects/${projectT}/chain`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /orgs/:id/retention': {
    // The organisation's own admins only: not the operator (404), not its
    // members (403); nobody outside it (404).
    gate: 'user', path: () => `/orgs/${orgA}/retention`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 403, 404, 403, 404, 404, 404),
  },
  'POST /orgs/:id/retention/:id/delete': {
    gate: 'user', to: '/orgs/',
    prepare: async who => ({ id: await keeperItem(projectP, 'research', { title: `Utløpt intervju ${who}`, retention: '2020-01-01' }) }),
    path: ctx => `/orgs/${orgA}/retention/${ctx.id}/delete`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal(await retentionListed(ctx.id), !allowed, 'still due for deletion');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403, 404, 404, 404),
  },

  // ---- benefit realisation -----------------------------------------------------
  // Rules (authz.c): a benefit is read with its project (AZ_BENEFIT_VIEW) and
  // measured (indicators, measurements, import, calculations) by the team's
  // members, drivers, leaders and owners, guests included (AZ_BENEFIT_MEASURE);
  // observers and org members or admins outside the team read only (403). A
  // benefit's owner outside the team reads and measures that benefit, and
  // nothing else of its project: not the project, its plan or its other
  // benefits. Nobody outside the project's organisation sees anything (404),
  // nor the operator — except the leaders and coaches of a network the
  // project is shared with, who read its benefits like its case file and
  // measure nothing (403). A benefit's indicator is found only through its benefit,
  // and a measurement only through its indicator.
  // Benefits: benefitP (of P, owned by benefitOwner), benefitP2 (of P, no
  // owner), benefitT / benefitT2 (of team-only T; owned / not), benefitU (of U),
  // benefitB (of org B's project), benefitD (of the deleted project D, owned).
  'GET /benefits/:id': {
    gate: 'user', path: () => `/benefits/${benefitP}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /benefits/:id#other-benefit': {
    // Owning one benefit of P opens no other: benefitOwner reads P2 only as
    // an org member reads P.
    gate: 'user', path: () => `/benefits/${benefitP2}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /benefits/:id#team-only': {
    gate: 'user', path: () => `/benefits/${benefitT}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /benefits/:id#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /benefits/:id#uninvited': {
    gate: 'user', path: () => `/benefits/${benefitU}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'GET /benefits/:id#other-org': {
    // Org B's benefit: its members read it; nobody of org A does.
    gate: 'user', path: () => `/benefits/${benefitB}`,
    expect: cells(303, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /benefits/:id#deleted-project': {
    // Owning a benefit of a deleted project opens nothing.
    gate: 'user', path: () => `/benefits/${benefitD}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /benefits/:id/indicators/new': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/new`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 200, 403, 403, 404),
  },
  'GET /benefits/:id/indicators/new#team-only': {
    gate: 'user', path: () => `/benefits/${benefitT}/indicators/new`,
    expect: cells(303, 404, 404, 403, 404, 403, 200, 200, 200, 200, 403, 403, 404),
  },
  'POST /benefits/:id/indicators': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators`, to: '/benefits/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Indikator ${ctx.tag}`, unit: 'saker', direction: 'higher', frequency: 'quarterly', mid_rows: '0' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`Indikator ${ctx.tag}`), allowed, 'the indicator exists afterwards');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators`, to: '/benefits/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Indikator ${ctx.tag}`, unit: 'saker', direction: 'higher', frequency: 'quarterly', mid_rows: '0' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitT2)).includes(`Indikator ${ctx.tag}`), allowed, 'the indicator exists afterwards');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404, 403, 403, 404),
  },
  'GET /benefits/:id/indicators/:id/edit': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${indEditP}/edit`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 200, 403, 403, 404),
  },
  'GET /benefits/:id/indicators/:id/edit#other-indicator': {
    // P2's indicator asked for through benefitP: not found by those who may
    // measure benefitP; the others are refused on benefitP first.
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}/edit`,
    expect: cells(303, 404, 403, 403, 404, 403, 404, 404, 404, 404, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${indEditP}`, to: '/benefits/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Endret ${ctx.tag}`, unit: 'timer', direction: 'lower', frequency: 'monthly', mid_rows: '0' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`Endret ${ctx.tag}`), allowed, 'the indicator\'s new name');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id#other-indicator': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}`, prepare: prepTag,
    form: (who, ctx) => ({ name: `Kapret ${ctx.tag}`, unit: 'timer', direction: 'lower', frequency: 'monthly', mid_rows: '0' }),
    check: async ctx => {
      assert.ok(!(await benefitPage(benefitP2)).includes(`Kapret ${ctx.tag}`), 'P2\'s indicator is unchanged');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 404, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitP),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#other-benefit': {
    gate: 'user', path: () => `/benefits/${benefitP2}/indicators/${ind[benefitP2]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitP2),
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#team-only': {
    gate: 'user', path: () => `/benefits/${benefitT}/indicators/${ind[benefitT]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitT),
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators/${ind[benefitT2]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitT2),
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#uninvited': {
    gate: 'user', path: () => `/benefits/${benefitU}/indicators/${ind[benefitU]}/measurements`, to: '/benefits/',
    prepare: prepTag, form: measureForm, check: measuredCheck(() => benefitU),
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403, 404, 404, 403),
  },
  'POST /benefits/:id/indicators/:id/measurements#other-org': {
    gate: 'user', path: () => `/benefits/${benefitB}/indicators/${ind[benefitB]}/measurements`,
    prepare: prepTag, form: measureForm,
    check: async ctx => {
      await keeperB.get('/dashboard');
      assert.ok(!(await keeperB.get(`/benefits/${benefitB}`)).text.includes(`Måling ${ctx.tag}`), 'nothing stored');
    },
    expect: cells(403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements#other-indicator': {
    // P2's indicator through benefitP.
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}/measurements`,
    prepare: prepTag, form: measureForm,
    check: async ctx => {
      assert.ok(!(await benefitPage(benefitP2)).includes(`Måling ${ctx.tag}`), 'nothing stored on P2');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 404, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements/:id/delete': {
    gate: 'user', to: '/benefits/',
    prepare: async () => ({ id: await keeperMeasurement(benefitP, ind[benefitP]) }),
    path: ctx => `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements/${ctx.id}/delete`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`/measurements/${ctx.id}/delete"`), !allowed, 'the measurement is still there');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/measurements/:id/delete#other-indicator': {
    // A measurement of P2's indicator through benefitP's indicator: not found
    // (like an item of another project, it is not this indicator's).
    gate: 'user', prepare: async () => ({ id: await keeperMeasurement(benefitP2, ind[benefitP2]) }),
    path: ctx => `/benefits/${benefitP}/indicators/${ind[benefitP]}/measurements/${ctx.id}/delete`, form: () => ({}),
    check: async ctx => {
      assert.ok((await benefitPage(benefitP2)).includes(`/measurements/${ctx.id}/delete"`), 'P2\'s measurement is still there');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 404, 403, 403, 404),
  },
  'POST /benefits/:id/calculation': {
    gate: 'user', path: () => `/benefits/${benefitP}/calculation`, to: '/benefits/',
    prepare: async () => ({ n: 100 + (next() % 800) }),
    form: (who, ctx) => ({ kind: 'avoided-cost', cost_per_task: '10', tasks_avoided: String(ctx.n) }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`<dd>${ctx.n}</dd>`), allowed, 'the latest calculation');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/calculation#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/calculation`, to: '/benefits/',
    prepare: async () => ({ n: 100 + (next() % 800) }),
    form: (who, ctx) => ({ kind: 'avoided-cost', cost_per_task: '10', tasks_avoided: String(ctx.n) }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitT2)).includes(`<dd>${ctx.n}</dd>`), allowed, 'the latest calculation');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404, 403, 403, 404),
  },
  'GET /benefits/:id/indicators/:id/import': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/import`,
    expect: cells(303, 404, 403, 403, 404, 403, 200, 200, 200, 200, 403, 403, 404),
  },
  'GET /benefits/:id/indicators/:id/import#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators/${ind[benefitT2]}/import`,
    expect: cells(303, 404, 404, 403, 404, 403, 200, 200, 200, 404, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/import': {
    // Pasted text, saved at once (every row good).
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/import`, to: '/benefits/',
    prepare: prepTag, form: (who, ctx) => ({ data: `${ctx.day};7;Import ${ctx.tag}`, action: 'save' }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitP)).includes(`Import ${ctx.tag}`), allowed, 'the imported measurement');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/import#file': {
    // A CSV file (multipart), saved at once.
    gate: 'user', path: () => `/benefits/${benefitT}/indicators/${ind[benefitT]}/import`, to: '/benefits/', prepare: prepTag,
    multipart: (who, ctx) => ({ fields: { action: 'save' },
      file: { field: 'file', name: 'maalinger.csv', data: `\ufeffdato;verdi;kommentar\r\n${ctx.day};8;Fil ${ctx.tag}\r\n` } }),
    check: async (ctx, allowed) => {
      assert.equal((await benefitPage(benefitT)).includes(`Fil ${ctx.tag}`), allowed, 'the imported measurement');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 303, 403, 403, 404),
  },
  'POST /benefits/:id/indicators/:id/import#other-org': {
    gate: 'user', path: () => `/benefits/${benefitB}/indicators/${ind[benefitB]}/import`,
    prepare: prepTag, form: (who, ctx) => ({ data: `${ctx.day};7;Import ${ctx.tag}`, action: 'save' }),
    expect: cells(403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /benefits/:id/indicators/:id/export': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP]}/export`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /benefits/:id/indicators/:id/export#team-only-other': {
    gate: 'user', path: () => `/benefits/${benefitT2}/indicators/${ind[benefitT2]}/export`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /benefits/:id/indicators/:id/export#other-indicator': {
    gate: 'user', path: () => `/benefits/${benefitP}/indicators/${ind[benefitP2]}/export`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/benefits': {
    // The plan is the project's page: the benefit owner reads P's plan only
    // as an org member of org A.
    gate: 'user', path: () => `/projects/${projectP}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/benefits#team-only': {
    // ... and not T's, although it owns a benefit of T.
    gate: 'user', path: () => `/projects/${projectT}/benefits`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /projects/:id/benefits#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'GET /projects/:id/benefits#deleted': {
    gate: 'user', path: () => `/projects/${projectD}/benefits`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /projects/:id/registers/:token#benefit': {
    // A benefit with its owner (a member of org A): written by the team.
    gate: 'user', path: () => `/projects/${projectP}/registers/benefit`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ rev: '0', 'f-name': `Gevinst ${ctx.tag}`, 'f-type': 'quality', owner: String(benefitOwnerId) }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}/registers/benefit`)).text.includes(`>Gevinst ${ctx.tag}<`), allowed, 'the benefit');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /projects/:id/registers/:token#benefit-team-only': {
    gate: 'user', path: () => `/projects/${projectT}/registers/benefit`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ rev: '0', 'f-name': `Gevinst ${ctx.tag}`, owner: String(benefitOwnerId) }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectT}/registers/benefit`)).text.includes(`>Gevinst ${ctx.tag}<`), allowed, 'the benefit');
    },
    expect: cells(403, 404, 404, 403, 404, 403, 303, 303, 303, 404, 403, 403, 404),
  },
  'GET /orgs/:id/benefits': {
    // The organisation's overview is for its members (not the operator, not
    // a guest of one project).
    gate: 'user', path: () => `/orgs/${orgA}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 404),
  },
  'GET /orgs/:id/benefits#other-org': {
    gate: 'user', path: () => `/orgs/${orgB}/benefits`,
    expect: cells(303, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /orgs/:id/benefits/settings': {
    // Hourly cost and own benefit types: the organisation's own admins.
    gate: 'user', path: () => `/orgs/${orgA}/benefits/settings`, to: '/orgs/', prepare: prepTag,
    form: (who, ctx) => ({ type: `Type ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}/registers/benefit/new`)).text.includes(`>Type ${ctx.tag}</option>`), allowed,
        'the benefit form offers the type');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 404, 403, 404, 404, 404),
  },
  // ---- networks --------------------------------------------------------------------
  // Rules (authz.c): a network is seen by its leaders and coaches and by the
  // members of its owner organisation and of its member organisations; run
  // (members, people, themes, measures, rounds, summaries, gatherings) by its
  // leaders and the owner organisation's admins; coaches (and leaders)
  // coach. Seen but not allowed: 403; not seen: 404. The operator and the
  // guest belong to no organisation of either network: 404.
  'GET /networks': {
    // Everyone signed in has the list; it holds the networks they see, no other.
    gate: 'user', path: () => '/networks',
    check: async (ctx, allowed, res, who) => {
      if (res.status !== 200) return;
      assert.equal(res.text.includes(`href="/networks/${networkN}"`), SEES_N.includes(who), 'network N listed');
      assert.equal(res.text.includes(`href="/networks/${networkM}"`), SEES_M.includes(who), 'network M listed');
    },
    expect: cells(303, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /networks': {
    // Started by an administrator of the owner organisation (a choice in the
    // form): anyone else signed in is refused (403), with the same answer for
    // an organisation that does not exist, so nothing is revealed.
    gate: 'user', path: () => '/networks', to: '/networks/',
    prepare: async who => ({ name: `Nytt nettverk ${who}` }),
    form: (who, ctx) => ({ name: ctx.name, description: '', owner: String(orgA), start: '', end: '' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get('/networks')).text.includes(`>${ctx.name}<`), allowed, 'the network exists afterwards');
    },
    expect: cells(403, 403, 403, 303, 403, 403, 403, 403, 403, 403, 403, 403, 403),
  },
  'GET /networks/:id': {
    // The overview lists the projects shared with N, and no other; members of
    // a member organisation see only their own organisation's (org B's member
    // does not see org A's P: sharing is with N's leaders and coaches).
    gate: 'user', path: () => `/networks/${networkN}`,
    check: async (ctx, allowed, res, who) => {
      if (res.status !== 200) return;
      assert.equal(res.text.includes('Raskere byggesak'), who !== 'otherOrgMember', 'P (shared) is listed');
      assert.ok(!res.text.includes('Prosjekt uten dem'), 'U (not shared with N) is not listed');
      assert.ok(!res.text.includes('Slettet for lengst'), 'D (shared, then deleted) is not listed');
    },
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 404),
  },
  'GET /networks/:id#other-network': {
    // M: owned by org B, org A a member; N's people have no relation to it.
    gate: 'user', path: () => `/networks/${networkM}`,
    check: async (ctx, allowed, res, who) => {
      if (res.status !== 200) return;
      assert.equal(res.text.includes('Prosjekt uten dem'), who !== 'otherOrgMember', 'U (shared with M) is listed (not to org B\'s member)');
      assert.ok(!res.text.includes('Raskere byggesak'), 'P (not shared with M) is not listed');
    },
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'POST /networks/:id/orgs': {
    gate: 'user', path: () => `/networks/${networkN}/orgs`, to: '/networks/',
    prepare: async who => { const name = `Medlem ${who}`; return { name, org: await makeOrg(setup, { name, kind: 'other' }) }; },
    form: (who, ctx) => ({ org: String(ctx.org), role: 'partner' }),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkN)).includes(`<li>${ctx.name} – `), allowed, 'a member of N afterwards');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /networks/:id/orgs/:id/remove': {
    gate: 'user', to: '/networks/',
    prepare: async who => {
      const name = `Utmeldt ${who}`, org = await makeOrg(setup, { name, kind: 'other' });
      await keeperPost(`/networks/${networkN}/orgs`, { org: String(org), role: 'partner' });
      return { name, org };
    },
    path: ctx => `/networks/${networkN}/orgs/${ctx.org}/remove`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkN)).includes(`<li>${ctx.name} – `), !allowed, 'still a member of N');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /networks/:id/people': {
    gate: 'user', path: () => `/networks/${networkN}/people`, to: '/networks/',
    prepare: async who => {
      const email = `coach.${slug(who)}@test.no`, name = `Veileder ${who}`;
      await newUser(email, name);
      return { email, name };
    },
    form: (who, ctx) => ({ email: ctx.email, role: 'coach' }),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkN)).includes(`<li>${ctx.name} – `), allowed, 'a coach of N afterwards');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /networks/:id/people/:id/remove': {
    gate: 'user', to: '/networks/',
    prepare: async who => {
      const email = `gone.${slug(who)}@test.no`, name = `Tidligere veileder ${who}`;
      await newUser(email, name);
      await keeperPost(`/networks/${networkN}/people`, { email, role: 'coach' });
      return { name, uid: await userId(email) };
    },
    path: ctx => `/networks/${networkN}/people/${ctx.uid}/remove`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkN)).includes(`<li>${ctx.name} – `), !allowed, 'still a coach of N');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /networks/:id/themes': {
    gate: 'user', path: () => `/networks/${networkN}/themes`, to: '/networks/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Tema ${ctx.tag}`, description: '' }),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkN)).includes(`<strong>Tema ${ctx.tag}</strong>`), allowed, 'the theme');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /networks/:id/themes#other-network': {
    // M is run by its leader and org B's admins; org A's admin is an admin of
    // a member, not of the owner (403); N's people have no relation to M (404).
    gate: 'user', path: () => `/networks/${networkM}/themes`, to: '/networks/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Tema ${ctx.tag}`, description: '' }),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkM, keeperB)).includes(`<strong>Tema ${ctx.tag}</strong>`), allowed, 'the theme');
    },
    expect: cells(403, 403, 403, 403, 404, 403, 403, 403, 404, 403, 404, 404, 303),
  },
  'POST /networks/:id/measures': {
    gate: 'user', path: () => `/networks/${networkN}/measures`, to: '/networks/', prepare: prepTag,
    form: (who, ctx) => ({ name: `Tiltak ${ctx.tag}`, description: '', kind: 'toolbox' }),
    check: async (ctx, allowed) => {
      assert.equal((await networkPage(networkN)).includes(`<strong>Tiltak ${ctx.tag}</strong>`), allowed, 'the measure');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'GET /networks/:id/measures': {
    gate: 'user', path: () => `/networks/${networkN}/measures`,
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 404),
  },
  'GET /networks/:id/measures#other-network': {
    gate: 'user', path: () => `/networks/${networkM}/measures`,
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },

  // ---- sharing a project with a network, and its network measures ---------------
  // Rules (authz.c): only an org admin shares a project or stops sharing it
  // (AZ_PROJECT_SHARE); everyone else who sees the project is refused (403).
  // Stopping takes effect at once. Progress on a network measure is an edit
  // of the project (AZ_PROJECT_EDIT), for a measure of a network the project
  // is shared with; any other measure is not found through the project.
  'POST /projects/:id/shares': {
    // A fresh project not yet shared: N's people do not see it (404).
    gate: 'user', to: '/projects/', prepare: who => freshProject(who, 'Deles', false),
    path: ctx => `/projects/${ctx.id}/shares`,
    form: () => ({ network: String(networkN), theme: '', challenge: 'Vi vil lære av de andre.' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${ctx.id}`)).text.includes(`/projects/${ctx.id}/shares/${networkN}/remove"`), allowed,
        'shared with N afterwards');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 403, 403, 404, 404, 404),
  },
  'POST /projects/:id/shares/:id/remove': {
    // A fresh project shared with N: its people read it, and may not stop
    // the sharing (403). Once stopped, N's leader no longer finds it.
    gate: 'user', to: '/projects/', prepare: who => freshProject(who, 'Deles ikke lenger'),
    path: ctx => `/projects/${ctx.id}/shares/${networkN}/remove`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${ctx.id}`)).text.includes(`/projects/${ctx.id}/shares/${networkN}/remove"`), !allowed,
        'still shared with N');
      const leader = await clientFor('networkLeader');
      assert.equal((await leader.get(`/projects/${ctx.id}`)).status, allowed ? 404 : 200, 'N\'s leader reads the project');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 403, 403, 403, 403, 403, 404),
  },
  'GET /projects/:id#unshared': {
    // Project Q was shared with N, read by N's leader, and unshared in prepare:
    // N's people get 404 at once; the organisation and team as before.
    gate: 'user', prepare: () => sharedThenUnshared(), path: ctx => `/projects/${ctx.id}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 404, 404, 404),
  },
  'GET /projects/:id/items/:id#unshared': {
    gate: 'user', prepare: () => sharedThenUnshared(), path: ctx => `/projects/${ctx.id}/items/${ctx.item}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 404, 404, 404),
  },
  'GET /projects/:id/benefits#unshared': {
    gate: 'user', prepare: () => sharedThenUnshared(), path: ctx => `/projects/${ctx.id}/benefits`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 404, 404, 404),
  },
  'POST /projects/:id/comments#unshared': {
    gate: 'user', to: '/projects/', prepare: () => sharedThenUnshared(), path: ctx => `/projects/${ctx.id}/comments`,
    form: who => ({ body: `Kommentar etter delingen fra ${who}` }),
    check: async (ctx, allowed, res, who) => {
      assert.equal((await keeperSees(`/projects/${ctx.id}`)).text.includes(`Kommentar etter delingen fra ${who}`), allowed, 'the comment');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 303, 303, 303, 403, 404, 404, 404),
  },
  'POST /projects/:id/measures/:id': {
    gate: 'user', path: () => `/projects/${projectP}/measures/${measureN}`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ progress: '40', note: `Notat ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await keeperSees(`/projects/${projectP}`)).text.includes(`value="Notat ${ctx.tag}"`), allowed, 'the progress note');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 403, 403, 404),
  },
  'POST /projects/:id/measures/:id#other-network': {
    // M's measure through P, which is not shared with M: not found by P's
    // editors; the others are refused on P first.
    gate: 'user', path: () => `/projects/${projectP}/measures/${measureM}`, prepare: prepTag,
    form: (who, ctx) => ({ progress: '40', note: `Notat ${ctx.tag}` }),
    check: async ctx => {
      assert.ok(!(await keeperSees(`/projects/${projectP}`)).text.includes(`Notat ${ctx.tag}`), 'no progress on M\'s measure');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 404, 404, 404, 403, 403, 403, 404),
  },

  // ---- gatherings --------------------------------------------------------------------
  // Rules (authz.c and page_gathering.c): read by everyone who sees the
  // network; planned, edited and given actions by those who run it;
  // experiences added by those who run it and its coaches; an action marked
  // done by those who run it and the person responsible for it.
  'GET /networks/:id/gatherings': {
    gate: 'user', path: () => `/networks/${networkN}/gatherings`,
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 404),
  },
  'POST /networks/:id/gatherings': {
    gate: 'user', path: () => `/networks/${networkN}/gatherings`, to: '/gatherings/', prepare: prepTag,
    form: (who, ctx) => ({ kind: 'status', title: `Statusmøte ${ctx.tag}`, day: '2026-09-10', place: 'Fauske', agenda: 'Runden rundt bordet' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get(`/networks/${networkN}/gatherings`)).text.includes(`>Statusmøte ${ctx.tag}<`), allowed, 'the gathering');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'GET /gatherings/:id': {
    gate: 'user', path: () => `/gatherings/${gatheringG}`,
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 404),
  },
  'GET /gatherings/:id#other-network': {
    gate: 'user', path: () => `/gatherings/${gatheringM}`,
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'POST /gatherings/:id': {
    gate: 'user', path: () => `/gatherings/${gatheringG}`, to: '/gatherings/', prepare: prepTag,
    form: (who, ctx) => ({ kind: 'gathering', title: 'Nettverkssamling 1', day: '2026-04-20', place: 'Bodø',
      agenda: 'Innsikt og idéer', notes: `Referat ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await gatheringPage(gatheringG)).includes(`Referat ${ctx.tag}`), allowed, 'the notes');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /gatherings/:id/experiences': {
    gate: 'user', path: () => `/gatherings/${gatheringG}/experiences`, to: '/gatherings/', prepare: prepTag,
    form: (who, ctx) => ({ 'exp-body': `Erfaring ${ctx.tag}`, 'exp-project': String(projectP) }),
    check: async (ctx, allowed) => {
      assert.equal((await gatheringPage(gatheringG)).includes(`Erfaring ${ctx.tag}`), allowed, 'the experience');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 303, 404),
  },
  'POST /gatherings/:id/actions': {
    gate: 'user', path: () => `/gatherings/${gatheringG}/actions`, to: '/gatherings/', prepare: prepTag,
    form: (who, ctx) => ({ 'act-body': `Oppfølging ${ctx.tag}`, 'act-owner': String(networkCoachId), 'act-deadline': '2026-10-01' }),
    check: async (ctx, allowed) => {
      assert.equal((await gatheringPage(gatheringG)).includes(`Oppfølging ${ctx.tag}`), allowed, 'the action');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /gatherings/:id/actions/:id/done': {
    // A fresh action for which the project leader (a member of org A) is responsible.
    gate: 'user', to: '/gatherings/',
    prepare: async who => ({ id: await gatheringAction(projectLeaderId, `Ansvar for prosjektleder ${who}`) }),
    path: ctx => `/gatherings/${gatheringG}/actions/${ctx.id}/done`, form: () => ({ done: '1' }),
    check: async (ctx, allowed) => { assert.equal(await gatheringActionOpen(ctx.id), !allowed, 'the action is still open'); },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 303, 404, 403, 303, 403, 404),
  },
  'POST /gatherings/:id/actions/:id/done#coach-owner': {
    // ... and one for which the coach is responsible.
    gate: 'user', to: '/gatherings/',
    prepare: async who => ({ id: await gatheringAction(networkCoachId, `Ansvar for veileder ${who}`) }),
    path: ctx => `/gatherings/${gatheringG}/actions/${ctx.id}/done`, form: () => ({ done: '1' }),
    check: async (ctx, allowed) => { assert.equal(await gatheringActionOpen(ctx.id), !allowed, 'the action is still open'); },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 303, 404),
  },

  // ---- coaching ------------------------------------------------------------------------
  // Rules (authz.c, page_coaching.c): the coaching page is the project's
  // (AZ_PROJECT_VIEW); plans and sessions are recorded by the coaches and
  // leaders of a network the project is shared with (not by the owner
  // organisation's admins, who run the network but do not coach); the team
  // and those coaches tick agreed actions off. A network the project is not
  // shared with is not found.
  'GET /projects/:id/coaching': {
    gate: 'user', path: () => `/projects/${projectP}/coaching`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /projects/:id/coaching#team-only': {
    gate: 'user', path: () => `/projects/${projectT}/coaching`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /projects/:id/coaching#uninvited': {
    gate: 'user', path: () => `/projects/${projectU}/coaching`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'POST /projects/:id/coaching/plan': {
    gate: 'user', path: () => `/projects/${projectP}/coaching/plan`, to: '/projects/',
    prepare: async () => ({ day: futureDay(next()) }),
    form: (who, ctx) => ({ network: String(networkN), start: ctx.day }),
    check: async (ctx, allowed) => {
      assert.equal((await coachingPage(projectP)).includes(`${ctx.day}</p>`), allowed, 'the plan starts that day');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 403, 403, 303, 303, 404),
  },
  'POST /projects/:id/coaching/plan#not-shared': {
    // P's coaching through network M, which P is not shared with.
    gate: 'user', path: () => `/projects/${projectP}/coaching/plan`,
    prepare: async () => ({ day: futureDay(next()) }),
    form: (who, ctx) => ({ network: String(networkM), start: ctx.day }),
    check: async ctx => { assert.ok(!(await coachingPage(projectP)).includes(`${ctx.day}</p>`), 'no plan'); },
    expect: cells(403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'POST /projects/:id/coaching/sessions': {
    gate: 'user', path: () => `/projects/${projectP}/coaching/sessions`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ network: String(networkN), day: ctx.day, mode: 'video', notes: `Økt ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await coachingPage(projectP)).includes(`Økt ${ctx.tag}`), allowed, 'the session');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 403, 403, 303, 303, 404),
  },
  'POST /projects/:id/coaching/sessions#other-network': {
    // U's coaching in M: M's leader coaches it; N's people do not see U.
    gate: 'user', path: () => `/projects/${projectU}/coaching/sessions`, to: '/projects/', prepare: prepTag,
    form: (who, ctx) => ({ network: String(networkM), day: ctx.day, mode: 'visit', notes: `Økt ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await coachingPage(projectU)).includes(`Økt ${ctx.tag}`), allowed, 'the session');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 403, 403, 404, 403, 404, 404, 303),
  },
  'POST /projects/:id/coaching/actions/:id/done': {
    gate: 'user', to: '/projects/',
    prepare: async who => ({ label: `Avtalt tiltak ${who}`, id: await coachingAction(`Avtalt tiltak ${who}`) }),
    path: ctx => `/projects/${projectP}/coaching/actions/${ctx.id}/done`, form: () => ({ done: '1' }),
    check: async (ctx, allowed) => {
      assert.equal((await openCoachingActions()).includes(ctx.label), !allowed, 'the action is still open');
    },
    expect: cells(403, 404, 403, 403, 404, 403, 303, 303, 303, 403, 303, 303, 404),
  },

  // ---- status-report rounds and reports --------------------------------------------
  // Rules: the list of rounds is the network's (AZ_NETWORK_VIEW); rounds
  // are opened, reminded and summed up by those who run the network; a
  // round's own pages (who has reported, the compiled report) are for those
  // who run the network and its coaches (page_round.c). A project's report
  // is the project's: read by whoever reads the project (the network's
  // people through the share), written by those who manage the project;
  // a project not shared with the round's network has no report there.
  'GET /networks/:id/rounds': {
    gate: 'user', path: () => `/networks/${networkN}/rounds`,
    expect: cells(303, 200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 404),
  },
  'POST /networks/:id/rounds': {
    gate: 'user', path: () => `/networks/${networkN}/rounds`, to: '/rounds/', prepare: prepTag,
    form: (who, ctx) => ({ title: `Runde ${ctx.tag}`, due: '2026-11-15', questions: 'Hvor står dere?\nHva trenger dere?' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get(`/networks/${networkN}/rounds`)).text.includes(`>Runde ${ctx.tag}<`), allowed, 'the round');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'GET /rounds/:id': {
    // orgAdmin runs N (an admin of its owner organisation): it reads the round.
    // The round lists the projects shared with N, not the deleted D.
    gate: 'user', path: () => `/rounds/${roundR}`,
    check: async (ctx, allowed, res) => {
      if (res.status !== 200) return;
      assert.ok(res.text.includes('Raskere byggesak') && !res.text.includes('Slettet for lengst'), 'the shared projects');
    },
    expect: cells(303, 403, 403, 200, 404, 403, 403, 403, 404, 403, 200, 200, 404),
  },
  'GET /rounds/:id#other-network': {
    gate: 'user', path: () => `/rounds/${roundM}`,
    expect: cells(303, 403, 403, 403, 404, 403, 403, 403, 404, 403, 404, 404, 200),
  },
  'POST /rounds/:id/remind/:id': {
    // A reminder to P's leaders and owners (the keeper among them).
    gate: 'user', path: () => `/rounds/${roundR}/remind/${projectP}`, to: '/rounds/', form: () => ({}),
    prepare: async () => ({ before: (await messagesOf(keeper)).length }),
    check: async (ctx, allowed) => {
      assert.equal((await messagesOf(keeper)).length, ctx.before + (allowed ? 1 : 0), 'the keeper\'s messages');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'POST /rounds/:id/remind/:id#not-shared': {
    // U is not shared with N: N's runners cannot message U's leaders (404).
    gate: 'user', path: () => `/rounds/${roundR}/remind/${projectU}`, form: () => ({}),
    prepare: async () => ({ before: (await messagesOf(keeper)).length }),
    check: async ctx => { assert.equal((await messagesOf(keeper)).length, ctx.before, 'no message'); },
    expect: cells(403, 403, 403, 404, 404, 403, 403, 403, 404, 403, 404, 403, 404),
  },
  'POST /rounds/:id/summary': {
    gate: 'user', path: () => `/rounds/${roundR}/summary`, to: '/rounds/', prepare: prepTag,
    form: (who, ctx) => ({ summary: `Oppsummering ${ctx.tag}` }),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get(`/rounds/${roundR}`)).text.includes(`Oppsummering ${ctx.tag}`), allowed, 'the summary');
    },
    expect: cells(403, 403, 403, 303, 404, 403, 403, 403, 404, 403, 303, 403, 404),
  },
  'GET /rounds/:id/compiled': {
    gate: 'user', path: () => `/rounds/${roundR}/compiled`,
    expect: cells(303, 403, 403, 200, 404, 403, 403, 403, 404, 403, 200, 200, 404),
  },
  'GET /rounds/:id/projects/:id': {
    gate: 'user', path: () => `/rounds/${roundR}/projects/${projectP}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'GET /rounds/:id/projects/:id#team-only': {
    gate: 'user', path: () => `/rounds/${roundR}/projects/${projectT}`,
    expect: cells(303, 404, 404, 200, 404, 200, 200, 200, 200, 404, 200, 200, 404),
  },
  'GET /rounds/:id/projects/:id#deleted': {
    // D was shared with N before it was deleted: gone for everybody.
    gate: 'user', path: () => `/rounds/${roundR}/projects/${projectD}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /rounds/:id/projects/:id#not-shared': {
    // U through N's round: U is not shared with N, so it has no report there.
    gate: 'user', path: () => `/rounds/${roundR}/projects/${projectU}`,
    expect: cells(303, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /rounds/:id/projects/:id#other-network': {
    // U's report in M's round: read by U's readers, M's leader among them.
    gate: 'user', path: () => `/rounds/${roundM}/projects/${projectU}`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 404, 200, 404, 404, 200),
  },
  'POST /rounds/:id/projects/:id': {
    // The draft of P's report (saved, not submitted).
    gate: 'user', path: () => `/rounds/${roundR}/projects/${projectP}`, to: '/rounds/', prepare: prepTag,
    form: (who, ctx) => ({ rag: 'amber', action: 'save', 'a-q1': `Svar ${ctx.tag}`, 'a-q2': '' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get(`/rounds/${roundR}/projects/${projectP}`)).text.includes(`Svar ${ctx.tag}`), allowed, 'the answer');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'GET /projects/:id/reports': {
    gate: 'user', path: () => `/projects/${projectP}/reports`,
    expect: cells(303, 404, 200, 200, 404, 200, 200, 200, 200, 200, 200, 200, 404),
  },
  'POST /messages/:id/seen': {
    // A reminder to the project leader: it is the project leader's. Nobody
    // else has any relation to it (404).
    gate: 'user', to: '/dashboard', form: () => ({}),
    prepare: async () => {
      await keeperPost(`/rounds/${roundR}/remind/${projectP}`, {});
      return { id: Math.max(...await messagesOf(await clientFor('projectLeader'))) };
    },
    path: ctx => `/messages/${ctx.id}/seen`,
    check: async (ctx, allowed) => {
      assert.equal((await messagesOf(await clientFor('projectLeader'))).includes(ctx.id), !allowed, 'the message is still waiting');
    },
    expect: cells(403, 404, 404, 404, 404, 404, 404, 303, 404, 404, 404, 404, 404),
  },

  // ---- the case library ---------------------------------------------------------------
  // Rules (store_case.h): a case is read by everyone when it is public; by
  // the members of its project's organisation; and, for the networks, by
  // everyone who sees a network the project is shared with. Published and
  // withdrawn by those who manage the project (AZ_PROJECT_MANAGE).
  'GET /cases': {
    gate: 'public', path: () => '/cases',
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /cases/:id': {
    // P's case, for the networks: not P's guest (in no organisation, no
    // network), not M's leader (P is not shared with M).
    gate: 'public', path: () => `/cases/${caseP}`,
    expect: cells(404, 200, 200, 200, 404, 200, 200, 200, 404, 200, 200, 200, 404),
  },
  'GET /cases/:id#public': {
    gate: 'public', path: () => `/cases/${caseU}`,
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /cases/:id#deleted-project': {
    // A public case of D, which has since been deleted: nobody reads it.
    gate: 'public', path: () => `/cases/${caseD}`,
    expect: cells(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  },
  'GET /projects/:id/case': {
    gate: 'user', path: () => `/projects/${projectP}/case`,
    expect: cells(303, 404, 403, 200, 404, 403, 403, 200, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/case': {
    gate: 'user', path: () => `/projects/${projectP}/case`, to: '/cases/', prepare: prepTag,
    form: (who, ctx) => ({ title: `Raskere byggesak ${ctx.tag}`, challenge: 'Søknadene ble liggende.', what: 'Vi kartla flyten.',
      results: '', benefits: '', lessons: '', contact: 'Innovasjonsenheten', audience: 'networks' }),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get(`/cases/${caseP}`)).text.includes(`Raskere byggesak ${ctx.tag}`), allowed, 'the case\'s title');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },
  'POST /projects/:id/case/withdraw': {
    // A fresh project (shared with N) with a case for the networks.
    gate: 'user', to: '/projects/',
    prepare: async who => {
      const { id } = await freshProject(who, 'Trekkes tilbake');
      return { id, caseId: await publishCase(id, `Sak som trekkes ${who}`, 'networks') };
    },
    path: ctx => `/projects/${ctx.id}/case/withdraw`, form: () => ({}),
    check: async (ctx, allowed) => {
      assert.equal((await keeper.get(`/cases/${ctx.caseId}`)).status, allowed ? 404 : 200, 'the case is withdrawn');
    },
    expect: cells(403, 404, 403, 303, 404, 403, 403, 303, 403, 403, 403, 403, 404),
  },

  // ---- search -----------------------------------------------------------------------
  'GET /search': {
    // Everyone searches; each finds only the projects and cases they may read.
    gate: 'public', path: () => '/search?q=byggesak',
    check: async (ctx, allowed, res, who) => {
      assert.equal(res.text.includes(`href="/projects/${projectP}"`), READS_P.includes(who), 'P among the hits');
      assert.equal(res.text.includes(`href="/cases/${caseP}"`), READS_CASE_P.includes(who), 'P\'s case among the hits');
    },
    expect: cells(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
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
  // The network visitors, and the two networks (see VISITORS).
  await mk('leader.n@test.no', 'Nils Nettverksleder', '', 'member');
  await mk('coach.n@test.no', 'Vera Veileder', '', 'member');
  await mk('leader.m@test.no', 'Mona Helgelandsleder', '', 'member');
  keeperId = await userId('keeper.a@test.no');
  projectLeaderId = await userId('leader.p@test.no');
  networkCoachId = await userId('coach.n@test.no');
  networkN = await newNetwork(keeper, 'Salten innovasjonsnettverk', orgA);
  await keeperPost(`/networks/${networkN}/orgs`, { org: String(orgA), role: 'pilot' });
  await keeperPost(`/networks/${networkN}/orgs`, { org: String(orgB), role: 'experience' });
  await keeperPost(`/networks/${networkN}/people`, { email: 'leader.n@test.no', role: 'leader' });
  await keeperPost(`/networks/${networkN}/people`, { email: 'coach.n@test.no', role: 'coach' });
  await keeperPost(`/networks/${networkN}/measures`, { name: 'Felles tiltak: digital søknad', description: '', kind: 'joint' });
  measureN = await measureId(keeper, networkN, 'Felles tiltak: digital søknad');
  networkM = await newNetwork(keeperB, 'Helgeland helsenettverk', orgB);
  await postAs(keeperB, `/networks/${networkM}/orgs`, { org: String(orgA), role: 'pilot' });
  await postAs(keeperB, `/networks/${networkM}/people`, { email: 'leader.m@test.no', role: 'leader' });
  await postAs(keeperB, `/networks/${networkM}/measures`, { name: 'Tiltak i Helgeland', description: '', kind: 'joint' });
  measureM = await measureId(keeperB, networkM, 'Tiltak i Helgeland');

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
  await shareWith(projectP, networkN);
  await shareWith(projectT, networkN);
  await shareWith(projectU, networkM);
  projectD = (await freshProject('alle', 'Slettet for lengst')).id; // shared with N before it was deleted
  benefitD = await benefitOf(keeper, projectD, 'Gevinst i et slettet prosjekt', benefitOwnerId);
  ind[benefitD] = await indicatorOf(keeper, benefitD, 'Indikator i et slettet prosjekt');
  caseD = await publishCase(projectD, 'Et prosjekt som ble slettet', 'public');
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

  // A status-report round and a gathering in each network; the cases.
  const questions = 'Hvor står prosjektet nå, med egne ord?\nHva vil dere ta opp på samlingen?';
  const round = async (c, net, title) =>
    Number((await postAs(c, `/networks/${net}/rounds`, { title, due: '2026-06-15', questions })).location.match(/^\/rounds\/(\d+)$/)[1]);
  roundR = await round(keeper, networkN, 'Statusmøte juni');
  roundM = await round(keeperB, networkM, 'Statusmøte på Helgeland');
  const gathering = async (c, net, title) => Number((await postAs(c, `/networks/${net}/gatherings`,
    { kind: 'gathering', title, day: '2026-04-20', place: 'Bodø', agenda: 'Innsikt og idéer' })).location.match(/^\/gatherings\/(\d+)/)[1]);
  gatheringG = await gathering(keeper, networkN, 'Nettverkssamling 1');
  gatheringM = await gathering(keeperB, networkM, 'Samling på Helgeland');
  caseP = await publishCase(projectP, 'Raskere byggesak: hva vi lærte', 'networks');
  caseU = await publishCase(projectU, 'Et prosjekt alle kan lese om', 'public');

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
    ['networkLeader', 'GET', '/networks/999999'],
    ['networkLeader', 'POST', '/networks/999999/themes', { name: 'Ingen', description: '' }],
    ['networkLeader', 'GET', '/rounds/999999'],
    ['networkLeader', 'POST', `/rounds/${roundR}/remind/999999`],
    ['networkLeader', 'GET', `/rounds/${roundR}/projects/999999`],
    ['projectLeader', 'POST', `/rounds/${roundR}/projects/999999`, { rag: 'green', action: 'save' }],
    ['networkLeader', 'GET', '/gatherings/999999'],
    ['networkLeader', 'POST', `/gatherings/${gatheringG}/actions/999999/done`, { done: '1' }],
    ['networkCoach', 'POST', `/projects/${projectP}/coaching/actions/999999/done`, { done: '1' }],
    ['networkCoach', 'POST', `/projects/${projectP}/coaching/sessions`, { network: '999999', day: '2026-01-05', mode: 'video', notes: 'Ingen' }],
    ['projectMember', 'POST', `/projects/${projectP}/measures/999999`, { progress: '10', note: '' }],
    ['orgAdmin', 'POST', `/projects/${projectP}/shares/999999/remove`],
    ['projectLeader', 'POST', '/messages/999999/seen'],
    ['orgMember', 'GET', '/cases/999999'],
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

// Personal data in a project shared with a network (SECURITY.md, authz.c):
// the network's leaders and coaches read the project, but a register item
// holding confirmed personal data only with that data hidden — in the
// register list, on the item's page, in its history, in the chain, in the
// benefit views and in the search. M's leader does not reach it at all.
function fnr(ddmmyy, individual) {
  const d = (ddmmyy + individual).split('').map(Number);
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2], w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (let i = 0; i < 100; i++) {
    let k1 = 11 - (w1.reduce((s, w, j) => s + w * d[j], 0) % 11); if (k1 === 11) k1 = 0;
    const e = [...d, k1];
    let k2 = 11 - (w2.reduce((s, w, j) => s + w * e[j], 0) % 11); if (k2 === 11) k2 = 0;
    if (k1 < 10 && k2 < 10) return ddmmyy + individual + k1 + k2;
    individual = String((Number(individual) + 1) % 1000).padStart(3, '0'); d.splice(6, 3, ...individual.split('').map(Number));
  }
  throw new Error('no number');
}
test('the leaders and coaches of a network see a shared project\'s personal data hidden', async () => {
  const id = fnr('150387', '123');
  const SECRET = 'Intervju med Kari Nordmann';
  const secrets = [SECRET, 'Kari Nordmann', id, 'kari@eksempel.no', 'datteren Lise', 'Gevinst for Kari'];
  const form = { rev: '0', 'f-title': SECRET, 'f-method': 'interview', 'f-participants': 'Kari Nordmann, enke',
    'f-notes': `Fødselsnummer ${id}, e-post kari@eksempel.no`, pii_ok: '1' };
  const r = await keeperPost(`/projects/${projectP}/registers/research`, form);
  const item = Number(r.location.match(/\/items\/(\d+)/)[1]);
  // A second revision, so the history has a before and an after.
  await keeperPost(`/projects/${projectP}/items/${item}`,
    { ...form, rev: await itemRev(projectP, item), 'f-participants': 'Kari Nordmann, enke, og datteren Lise' });
  const b = await keeperPost(`/projects/${projectP}/registers/benefit`,
    { rev: '0', 'f-name': 'Gevinst for Kari Nordmann (kari@eksempel.no)', 'f-type': 'quality', owner: '', pii_ok: '1' });
  const benefit = Number(b.location.match(/\/items\/(\d+)/)[1]);
  await keeperPost(`/projects/${projectP}/registers/idea`,
    { rev: '0', 'f-title': 'Idé fra Kari Nordmann', 'f-description': 'Ring kari@eksempel.no', pii_ok: '1' });
  const pages = {
    'register list': `/projects/${projectP}/registers/research`,
    'item': `/projects/${projectP}/items/${item}`,
    'history': `/projects/${projectP}/items/${item}/history`,
    'chain': `/projects/${projectP}/chain`,
    'chain focused': `/projects/${projectP}/chain?item=${item}`,
    'benefit register': `/projects/${projectP}/registers/benefit`,
    'benefit plan': `/projects/${projectP}/benefits`,
    'benefit': `/benefits/${benefit}`,
    'idea list': `/projects/${projectP}/registers/idea`,
    'tool with a link to ideas': `/projects/${projectP}/tools/testplan`,
    'search': '/search?q=Nordmann',
  };
  const HIDDEN = /\(personal data hidden\)|\(personopplysninger skjult\)/;
  // The team reads it all, so the pages below really hold the data.
  const team = await clientFor('projectMember');
  for (const p of [pages.item, pages.history, pages['benefit plan']]) {
    const t = (await team.get(p)).text;
    assert.ok(t.includes('Kari Nordmann'), `the team reads ${p}`);
  }
  assert.ok((await team.get(pages.item)).text.includes(id), 'the team reads the fødselsnummer');
  for (const who of ['networkLeader', 'networkCoach']) {
    const c = await clientFor(who);
    for (const [name, p] of Object.entries(pages)) {
      const res = await c.get(p);
      assert.equal(res.status, 200, `${who} ${name}`);
      for (const x of secrets) assert.ok(!res.text.includes(x), `${who} ${name}: "${x}" is shown`);
      if (name !== 'search' && !name.startsWith('tool')) assert.match(res.text, HIDDEN, `${who} ${name}: marked as hidden`);
    }
  }
  const other = await clientFor('otherNetworkLeader');
  for (const [name, p] of Object.entries(pages)) {
    const res = await other.get(p);
    assert.equal(res.status, name === 'search' ? 200 : 404, `otherNetworkLeader ${name}`);
    for (const x of secrets) assert.ok(!res.text.includes(x), `otherNetworkLeader ${name}: "${x}" is shown`);
  }
});

// Access through a network ends at once when the organisation leaves the
// network (which ends the sharing of its projects, page_network.c) and when a
// coach is removed from it — not only when a project is unshared.
test('leaving a network ends its people\'s access to the projects at once', async () => {
  const x = await newNetwork(keeper, 'Kortvarig nettverk', orgA);
  await keeperPost(`/networks/${x}/orgs`, { org: String(orgA), role: 'pilot' });
  await keeperPost(`/networks/${x}/people`, { email: 'leader.m@test.no', role: 'leader' });
  await keeperPost(`/networks/${x}/people`, { email: 'coach.n@test.no', role: 'coach' });
  const { id } = await freshProject('nettverket', 'Delt med et kortvarig nettverk', false);
  await shareWith(id, x);
  const leader = await clientFor('otherNetworkLeader'), coach = await clientFor('networkCoach');
  for (const c of [leader, coach]) assert.equal((await c.get(`/projects/${id}`)).status, 200, 'read while shared');
  // The coach leaves the network: gone for the coach, not for the leader.
  await keeperPost(`/networks/${x}/people/${networkCoachId}/remove`, {});
  assert.equal((await coach.get(`/projects/${id}`)).status, 404, 'a removed coach no longer reads the project');
  assert.equal((await coach.get(`/networks/${x}`)).status, 404, 'nor the network');
  assert.equal((await leader.get(`/projects/${id}`)).status, 200, 'the leader still does');
  // Org A leaves the network: its projects are no longer shared there.
  await keeperPost(`/networks/${x}/orgs/${orgA}/remove`, {});
  assert.equal((await leader.get(`/projects/${id}`)).status, 404, 'the leader no longer reads a project of a former member');
  assert.equal((await leader.get(`/projects/${id}/coaching`)).status, 404);
  assert.ok(!(await networkPage(x, leader)).includes(`Delt med et kortvarig nettverk`), 'the overview no longer lists it');
});

// Coaching notes that hold confirmed personal data are shown only to the
// project team and the coaches of the network the session was held in
// (page_coaching.c): not to the organisation's members and admins outside
// the team, who otherwise read the coaching page.
test('coaching notes with personal data are hidden outside the team and the network\'s coaches', async () => {
  const id = fnr('020290', '231');
  const notes = `Snakket om bruker med fødselsnummer ${id}`;
  const coach = await clientFor('networkCoach');
  assert.equal((await postAs(coach, `/projects/${projectP}/coaching/sessions`,
    { network: String(networkN), day: '2025-05-05', mode: 'phone', notes, pii_ok: '1' })).status, 303);
  for (const who of ['projectMember', 'networkCoach', 'networkLeader']) {
    const r = await (await clientFor(who)).get(`/projects/${projectP}/coaching`);
    assert.ok(r.text.includes(notes), `${who} reads the notes`);
  }
  for (const who of ['orgMember', 'orgAdmin', 'benefitOwner']) {
    const r = await (await clientFor(who)).get(`/projects/${projectP}/coaching`);
    assert.equal(r.status, 200, who);
    assert.ok(!r.text.includes(id), `${who}: the fødselsnummer is shown`);
    assert.match(r.text, /\(personal data hidden\)|\(personopplysninger skjult\)/, `${who}: marked as hidden`);
  }
  assert.equal((await (await clientFor('otherNetworkLeader')).get(`/projects/${projectP}/coaching`)).status, 404);
});
