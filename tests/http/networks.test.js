// networks.test.js — innovation networks (issue 7), the authorization side:
// who sees a network and who runs it (its leaders and the owner
// organisation's administrators), sharing a project (only an org admin, and
// unsharing ends access at once), what the leader of this network, the leader
// of another network, a coach and a member of a member municipality may
// reach, personal data that stays hidden in every view a network has of a
// project, the overview (only shared projects, filters by member, phase,
// service area and measure), the joint measures table, gatherings and
// coaching at a distance.
//
// Every client uses the English UI (the varde_lang cookie), so the words
// matched are the msgids of the source. The expectations come from the issue
// and the rules in src/app/authz.c; set-up goes through the pages like a
// user would, and sql() only reads.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');

const PW = 'et langt og godt passord';
let v, adm;
let ks, oslo, bergen, tromso, bodo;                      // organisations
let ksAdmin, lea, ksMember, coach, otherLead, osloAdmin, eva, osloMember, bergenAdmin, bergenMember, outsider;
let N1, N2;                                              // N1: the network under test; N2: another network
let P, U, T, Q, B;                                       // projects (see before())
let themeN1, themeN2, joint, toolbox, measureN2;

// ---- helpers -----------------------------------------------------------------------
const english = c => { c.cookies.set('varde_lang', 'en'); return c; };
const count = q => Number(v.sql(q));
const uid = email => Number(v.sql(`SELECT id FROM users WHERE email = '${email}'`));
const strip = s => (s || '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const plus = (days, from = new Date()) => new Date(from.getTime() + days * 86400000).toISOString().slice(0, 10);

// A form body; array values become repeated names.
function formBody(c, obj) {
  const body = new URLSearchParams();
  for (const [k, val] of Object.entries(obj)) {
    if (Array.isArray(val)) for (const x of val) body.append(k, String(x));
    else if (val !== undefined) body.append(k, String(val));
  }
  if (c.csrf && !body.has('csrf')) body.append('csrf', c.csrf);
  return body.toString();
}
// POST as the page's form would (the session's CSRF token is on every page).
async function post(c, p, obj = {}) {
  if (!c.csrf) await c.get('/dashboard');
  return c.request('POST', p, { body: formBody(c, obj), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
const status = async (c, p) => (await c.get(p)).status;

async function newProject(c, org, title, { area = 'health', visibility = 'org' } = {}) {
  const r = await post(c, '/projects', { org: String(org), title, challenge: `Utfordringen i ${title}.`, goals: '',
    area, methodology: 'veikart', start: '2026-01-05', end: '', visibility });
  assert.equal(r.status, 303, `create project ${title}: ${r.status}`);
  return Number(r.location.match(/^\/projects\/(\d+)$/)[1]);
}
async function newNetwork(c, owner, name, start = '2026-01-01', end = '2027-06-30') {
  const r = await post(c, '/networks', { name, description: `Om ${name}`, owner: String(owner), start, end });
  assert.equal(r.status, 303, `start network ${name}: ${r.status} ${strip(r.text).slice(0, 200)}`);
  return Number(r.location.match(/^\/networks\/(\d+)$/)[1]);
}
async function share(c, pid, nid, extra = {}) {
  const r = await post(c, `/projects/${pid}/shares`, { network: String(nid), theme: '', challenge: '', ...extra });
  assert.equal(r.status, 303, `share ${pid} with ${nid}: ${r.status} ${strip(r.text).slice(0, 200)}`);
}
// Create a register item; returns its id.
async function item(c, pid, reg, fields, extra = {}) {
  const f = { rev: '0', ...extra };
  for (const [k, val] of Object.entries(fields)) f[`f-${k}`] = val;
  const r = await post(c, `/projects/${pid}/registers/${reg}`, f);
  assert.equal(r.status, 303, `create ${reg}: ${r.status} ${strip(r.text).slice(0, 300)}`);
  return Number(r.location.match(/\/items\/(\d+)/)[1]);
}
// The rows of the table with this caption, each as its cells' HTML.
function tableRows(html, caption) {
  const i = html.indexOf(`<caption>${caption}</caption>`);
  if (i < 0) return null;
  const body = html.slice(i, html.indexOf('</table>', i));
  const tbody = body.slice(body.indexOf('<tbody>'));
  return [...tbody.matchAll(/<tr>([^]*?)<\/tr>/g)].map(m => [...m[1].matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/g)].map(x => x[1]));
}
// The projects (ids) listed in the network overview's table.
async function overview(c, nid, query = '') {
  const r = await c.get(`/networks/${nid}${query}`);
  assert.equal(r.status, 200);
  const rows = tableRows(r.text, 'Shared projects') || [];
  return rows.map(cells => Number((cells[0].match(/href="\/projects\/(\d+)"/) || [])[1])).sort((a, b) => a - b);
}
const sorted = a => [...a].sort((x, y) => x - y);

// A made-up Norwegian national identity number with both check digits right.
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

// Everything a network's set-up stores, to show a refused request changed nothing.
const setupOf = nid => [
  v.sql(`SELECT name || '|' || description FROM networks WHERE id = ${nid}`),
  v.sql(`SELECT org_id || ':' || role FROM network_orgs WHERE network_id = ${nid} ORDER BY org_id`),
  v.sql(`SELECT user_id || ':' || role FROM network_people WHERE network_id = ${nid} ORDER BY user_id`),
  v.sql(`SELECT id || ':' || name FROM network_themes WHERE network_id = ${nid} ORDER BY id`),
  v.sql(`SELECT id || ':' || kind || ':' || name FROM network_measures WHERE network_id = ${nid} ORDER BY id`),
  v.sql(`SELECT project_id FROM project_shares WHERE network_id = ${nid} ORDER BY project_id`),
].join(' / ');

before(async () => {
  v = await startVarde();
  adm = await v.admin();
  ks = await makeOrg(adm, { name: 'KS', kind: 'ks' });
  oslo = await makeOrg(adm, { name: 'Oslo kommune', kommunenr: '0301' });
  bergen = await makeOrg(adm, { name: 'Bergen kommune', kommunenr: '4601' });
  tromso = await makeOrg(adm, { name: 'Tromsø kommune', kommunenr: '5501' });
  bodo = await makeOrg(adm, { name: 'Bodø kommune', kommunenr: '1804' });
  const mk = async (email, name, org, role = 'member') => {
    const c = english(await makeUser(v, adm, { email, name, org, role, password: PW }));
    await c.get('/dashboard');
    return c;
  };
  ksAdmin = await mk('admin@ks.no', 'Kari Ks', ks, 'admin');
  lea = await mk('lea@ks.no', 'Lea Leder', ks);
  ksMember = await mk('medlem@ks.no', 'Knut Ks', ks);
  coach = await mk('coach@tromso.no', 'Coco Coach', tromso);
  otherLead = await mk('admin@bodo.no', 'Odd Annen', bodo, 'admin');
  osloAdmin = await mk('admin@oslo.no', 'Ole Admin', oslo, 'admin');
  eva = await mk('eva@oslo.no', 'Eva Eier', oslo);
  osloMember = await mk('mia@oslo.no', 'Mia Medlem', oslo);
  bergenAdmin = await mk('admin@bergen.no', 'Berit Admin', bergen, 'admin');
  bergenMember = await mk('bjorn@bergen.no', 'Bjørn Bergen', bergen);
  outsider = await mk('ute@tromso.no', 'Ute Utenfor', tromso);

  // N1, owned by KS: started by its admin, who hands the lead to Lea and steps
  // out, so that "owner organisation's admin" and "network leader" are two people.
  N1 = await newNetwork(ksAdmin, ks, 'Helsenettverket');
  for (const [email, role] of [['lea@ks.no', 'leader'], ['coach@tromso.no', 'coach']])
    assert.equal((await post(ksAdmin, `/networks/${N1}/people`, { email, role })).status, 303);
  assert.equal((await post(lea, `/networks/${N1}/people/${uid('admin@ks.no')}/remove`)).status, 303);
  for (const [org, role] of [[oslo, 'pilot'], [bergen, 'experience']])
    assert.equal((await post(lea, `/networks/${N1}/orgs`, { org: String(org), role })).status, 303);
  assert.equal((await post(lea, `/networks/${N1}/themes`, { name: 'Trygghet hjemme', description: 'Eldre bor lenger hjemme' })).status, 303);
  assert.equal((await post(lea, `/networks/${N1}/measures`, { name: 'Felles kartlegging', description: '', kind: 'joint' })).status, 303);
  assert.equal((await post(lea, `/networks/${N1}/measures`, { name: 'Sensorpakke', description: '', kind: 'toolbox' })).status, 303);
  themeN1 = Number(v.sql(`SELECT id FROM network_themes WHERE network_id = ${N1}`));
  joint = Number(v.sql(`SELECT id FROM network_measures WHERE name = 'Felles kartlegging'`));
  toolbox = Number(v.sql(`SELECT id FROM network_measures WHERE name = 'Sensorpakke'`));
  // N2, owned by Bodø and led by its admin; Oslo is a member of both.
  N2 = await newNetwork(otherLead, bodo, 'Skolenettverket', '2026-01-01', '');
  assert.equal((await post(otherLead, `/networks/${N2}/orgs`, { org: String(oslo), role: 'partner' })).status, 303);
  assert.equal((await post(otherLead, `/networks/${N2}/themes`, { name: 'Skolevei', description: '' })).status, 303);
  assert.equal((await post(otherLead, `/networks/${N2}/measures`, { name: 'Felles skolemåling', description: '', kind: 'joint' })).status, 303);
  themeN2 = Number(v.sql(`SELECT id FROM network_themes WHERE network_id = ${N2}`));
  measureN2 = Number(v.sql(`SELECT id FROM network_measures WHERE network_id = ${N2}`));

  // Projects. P: Oslo's, shared with N1. U: Oslo's, not shared. T: Oslo's
  // team-only project, shared with N1. Q: Oslo's, shared with N2 only.
  // B: Bergen's, schools, in the insight phase, shared with N1.
  P = await newProject(eva, oslo, 'Trygg heim');
  U = await newProject(eva, oslo, 'Ikke delt prosjekt');
  T = await newProject(eva, oslo, 'Lukket prosjekt', { visibility: 'team' });
  Q = await newProject(eva, oslo, 'Skoleskyss');
  B = await newProject(bergenAdmin, bergen, 'Digital skolestart', { area: 'schools' });
  assert.equal((await post(bergenAdmin, `/projects/${B}/phases/forankring/gate`, { decision: 'continue', reason: 'Forankret' })).status, 303);
  await share(osloAdmin, P, N1, { theme: String(themeN1), challenge: 'Fall om natta' });
  await share(osloAdmin, T, N1);
  await share(osloAdmin, Q, N2, { theme: String(themeN2) });
  await share(bergenAdmin, B, N1);
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

// ---- starting and seeing a network -------------------------------------------------
test('starting a network: only an administrator of the owner organisation; the one who starts it leads it', async () => {
  const before = count('SELECT count(*) FROM networks');
  // The form is offered to administrators only, with their organisations as owners.
  assert.match((await osloAdmin.get('/networks')).text, /action="\/networks"/);
  assert.doesNotMatch((await ksMember.get('/networks')).text, /action="\/networks"/);
  assert.doesNotMatch((await lea.get('/networks')).text, /action="\/networks"/);
  const form = { name: 'Nytt nettverk', description: '', owner: String(ks), start: '', end: '' };
  for (const [who, c] of Object.entries({ ksMember, lea, osloAdmin, bergenAdmin }))
    assert.equal((await post(c, '/networks', form)).status, 403, `${who} cannot start a network owned by KS`);
  assert.equal((await post(ksAdmin, '/networks', { ...form, name: '  ' })).status, 400, 'a name is required');
  assert.equal((await post(ksAdmin, '/networks', { ...form, start: '2027-01-01', end: '2026-01-01' })).status, 400, 'the end after the start');
  assert.equal((await post(ksAdmin, '/networks', { ...form, start: '31.02.2026' })).status, 400, 'a real date');
  assert.equal((await post(ksAdmin, '/networks', { ...form, name: 'x'.repeat(201) })).status, 400, 'at most 200 characters');
  assert.equal(count('SELECT count(*) FROM networks'), before, 'nothing was created');
  // Oslo's admin starts one owned by Oslo, and leads it.
  const id = await newNetwork(osloAdmin, oslo, 'Oslos eget nettverk', '01.02.2026', '2026-12-31');
  assert.equal(v.sql(`SELECT period_start || ' ' || period_end FROM networks WHERE id = ${id}`), '2026-02-01 2026-12-31');
  assert.equal(v.sql(`SELECT role FROM network_people WHERE network_id = ${id} AND user_id = ${uid('admin@oslo.no')}`), 'leader');
  const page = (await osloAdmin.get(`/networks/${id}`)).text;
  assert.match(page, /Ole Admin – Network leader/);
  assert.match(page, /action="\/networks\/\d+\/themes"/, 'the leader gets the forms');
});

test('a network is seen by its leaders and coaches and the members of its owner and member organisations; others get 404', async () => {
  const pages = [`/networks/${N1}`, `/networks/${N1}/measures`, `/networks/${N1}/rounds`, `/networks/${N1}/gatherings`];
  const sees = { lea, ksAdmin, ksMember, coach, osloAdmin, osloMember, eva, bergenAdmin, bergenMember };
  for (const [who, c] of Object.entries(sees)) {
    for (const p of pages) assert.equal(await status(c, p), 200, `${who} ${p}`);
    assert.match((await c.get('/networks')).text, new RegExp(`href="/networks/${N1}">Helsenettverket</a>`), `${who}: listed`);
  }
  for (const [who, c] of Object.entries({ outsider, otherLead })) {
    for (const p of pages) assert.equal(await status(c, p), 404, `${who} ${p}`);
    assert.doesNotMatch((await c.get('/networks')).text, /Helsenettverket/, `${who}: not listed`);
  }
  assert.equal(await status(lea, '/networks/999999'), 404);
  assert.equal(await status(v.client(), `/networks/${N1}`), 303, 'anonymous: to the login');
  // The operator manages organisations, not networks.
  assert.equal(await status(adm, `/networks/${N1}`), 404);
});

test('only the network\'s leaders and the owner organisation\'s admins run it; others are refused and nothing changes', async () => {
  const refused = { ksMember: [ksMember, 403], coach: [coach, 403], osloAdmin: [osloAdmin, 403], eva: [eva, 403],
    bergenMember: [bergenMember, 403], outsider: [outsider, 404], otherLead: [otherLead, 404] };
  const attempts = [
    [`/networks/${N1}/orgs`, { org: String(tromso), role: 'pilot' }],
    [`/networks/${N1}/orgs/${bergen}/remove`, {}],
    [`/networks/${N1}/people`, { email: 'ute@tromso.no', role: 'leader' }],
    [`/networks/${N1}/people/${uid('lea@ks.no')}/remove`, {}],
    [`/networks/${N1}/themes`, { name: 'Kapret tema', description: '' }],
    [`/networks/${N1}/measures`, { name: 'Kapret tiltak', description: '', kind: 'joint' }],
  ];
  const state = setupOf(N1);
  for (const [who, [c, code]] of Object.entries(refused)) {
    for (const [p, form] of attempts) assert.equal((await post(c, p, form)).status, code, `${who} POST ${p}`);
    const page = await c.get(`/networks/${N1}`);
    if (code === 403) assert.doesNotMatch(page.text, /<form method="post" action="\/networks\//, `${who}: no forms to run it`);
  }
  assert.equal(setupOf(N1), state, 'nothing changed');
  // The leader and the owner organisation's admin (not a leader) both may.
  for (const [who, c] of Object.entries({ lea, ksAdmin })) {
    assert.match((await c.get(`/networks/${N1}`)).text, new RegExp(`action="/networks/${N1}/themes"`), `${who}: the forms`);
    assert.equal((await post(c, `/networks/${N1}/themes`, { name: `Tema fra ${who}`, description: '' })).status, 303, who);
  }
  assert.equal(count(`SELECT count(*) FROM network_themes WHERE network_id = ${N1}`), 3);
  // Their input is checked.
  assert.equal((await post(lea, `/networks/${N1}/orgs`, { org: '999999', role: 'pilot' })).status, 400, 'unknown organisation');
  assert.equal((await post(lea, `/networks/${N1}/orgs`, { org: String(tromso), role: 'boss' })).status, 400, 'unknown role');
  assert.equal((await post(lea, `/networks/${N1}/people`, { email: 'ingen@example.no', role: 'coach' })).status, 400, 'no such user');
  assert.equal((await post(lea, `/networks/${N1}/people`, { email: 'ute@tromso.no', role: 'owner' })).status, 400, 'unknown role');
  assert.equal((await post(lea, `/networks/${N1}/people/${uid('lea@ks.no')}/remove`)).status, 400, 'a leader cannot remove herself');
  assert.equal((await post(lea, `/networks/${N1}/themes`, { name: '', description: '' })).status, 400, 'a theme needs a name');
  assert.equal((await post(lea, `/networks/${N1}/measures`, { name: 'Tiltak', description: '', kind: 'solo' })).status, 400, 'unknown kind');
  assert.equal(v.sql(`SELECT role FROM network_people WHERE network_id = ${N1} AND user_id = ${uid('lea@ks.no')}`), 'leader');
});

// ---- sharing --------------------------------------------------------------------------
test('sharing: only an organisation admin shares or stops sharing, and only with a network the organisation is in', async () => {
  const shares = () => v.sql(`SELECT count(*) FROM project_shares`);
  const before = shares();
  // The project page offers sharing to the org admin only.
  assert.match((await osloAdmin.get(`/projects/${U}`)).text, new RegExp(`action="/projects/${U}/shares"`));
  for (const [who, c] of Object.entries({ eva, osloMember }))
    assert.doesNotMatch((await c.get(`/projects/${U}`)).text, /\/shares"/, `${who}: no share form`);
  assert.doesNotMatch((await lea.get(`/projects/${P}`)).text, /\/shares/, 'the network leader: no share or stop form');
  // The project's owner, an org member, the network's leader and coach: refused.
  // [who, client, answer for sharing U (not shared), answer for stopping P's share]
  for (const [who, c, onU, onP] of [['eva (project owner)', eva, 403, 403], ['osloMember', osloMember, 403, 403],
    ['lea (network leader)', lea, 404, 403], ['coach', coach, 404, 403], ['bergenAdmin', bergenAdmin, 404, 404], ['ksAdmin', ksAdmin, 404, 404]]) {
    assert.equal((await post(c, `/projects/${U}/shares`, { network: String(N1) })).status, onU, `${who} shares the unshared project`);
    assert.equal((await post(c, `/projects/${P}/shares/${N1}/remove`)).status, onP, `${who} stops sharing P`);
  }
  assert.equal(shares(), before, 'nothing changed');
  // A network the organisation is not a member of, or a theme of another network: 400.
  const solo = await newNetwork(bergenAdmin, bergen, 'Bergens nettverk');
  assert.equal((await post(osloAdmin, `/projects/${U}/shares`, { network: String(solo) })).status, 400, 'not a member');
  assert.equal((await post(osloAdmin, `/projects/${U}/shares`, { network: '999999' })).status, 400, 'no such network');
  assert.equal((await post(osloAdmin, `/projects/${U}/shares`, { network: String(N1), theme: String(themeN2) })).status, 400, 'theme of another network');
  assert.equal((await post(osloAdmin, `/projects/${U}/shares`, { network: String(N1), challenge: 'x'.repeat(2001) })).status, 400, 'challenge too long');
  assert.equal((await post(osloAdmin, `/projects/${U}/shares/${solo}/remove`)).status, 404, 'stopping a share that is not there');
  assert.equal(shares(), before, 'nothing changed');
  // The theme and challenge show on the project page.
  const page = (await osloAdmin.get(`/projects/${P}`)).text;
  assert.match(page, new RegExp(`href="/networks/${N1}">Helsenettverket</a>: shared with the network&#39;s leaders and coaches – theme: Trygghet hjemme`));
  assert.match(page, new RegExp(`action="/projects/${P}/shares/${N1}/remove"`), 'the admin can stop sharing');
  assert.match(page, new RegExp(`href="/networks/${N2}">Skolenettverket</a>: not shared`));
});

test('network leaders and coaches read a shared project and comment on it, but never change it', async () => {
  const research = await item(eva, P, 'research', { title: 'Intervju på dagsenteret', method: 'interview' });
  const readable = [`/projects/${P}`, `/projects/${P}/registers`, `/projects/${P}/registers/research`, `/projects/${P}/items/${research}`,
    `/projects/${P}/items/${research}/history`, `/projects/${P}/chain`, `/projects/${P}/benefits`, `/projects/${P}/reports`,
    `/projects/${P}/coaching`, `/projects/${P}/tools/intervju-og-observasjon`];
  for (const [who, c] of Object.entries({ lea, coach }))
    for (const p of readable) assert.equal(await status(c, p), 200, `${who} reads ${p}`);
  // The team-only project is shared too: its network's leader reads it; the
  // organisation's members outside the team still do not.
  assert.equal(await status(lea, `/projects/${T}`), 200, 'the network leader reads the shared team-only project');
  assert.equal(await status(osloMember, `/projects/${T}`), 404, 'an org member outside its team does not');
  const before = [count(`SELECT count(*) FROM register_items WHERE project_id = ${P}`), count(`SELECT count(*) FROM tool_entries WHERE project_id = ${P}`),
    count(`SELECT count(*) FROM project_members WHERE project_id = ${P}`), v.sql(`SELECT current_phase || status || rag FROM projects WHERE id = ${P}`),
    count(`SELECT count(*) FROM cases`), count(`SELECT count(*) FROM step_status WHERE project_id = ${P}`)].join(' ');
  for (const [who, c] of Object.entries({ lea, coach })) {
    const writes = [
      [`/projects/${P}/registers/research`, { rev: '0', 'f-title': 'Fra nettverket' }],
      [`/projects/${P}/items/${research}`, { rev: '1', 'f-title': 'Endret av nettverket' }],
      [`/projects/${P}/items/${research}/delete`, {}],
      [`/projects/${P}/tools/intervju-og-observasjon`, { rev: '0' }],
      [`/projects/${P}/team`, { email: 'ute@tromso.no', role: 'member' }],
      [`/projects/${P}/steps/forankre-behovet`, { status: 'done' }],
      [`/projects/${P}/phases/forankring/gate`, { decision: 'continue', reason: 'x' }],
      [`/projects/${P}/lifecycle`, { action: 'close' }],
      [`/projects/${P}/status`, { rag: 'red', note: 'x' }],
      [`/projects/${P}/case`, { title: 'Kapret', challenge: 'x', what: 'y', audience: 'public' }],
      [`/projects/${P}/measures/${joint}`, { progress: '90', note: '' }],
    ];
    for (const [p, form] of writes) assert.equal((await post(c, p, form)).status, 403, `${who} POST ${p}`);
    const r = await post(c, `/projects/${P}/comments`, { body: `Godt jobbet, hilsen ${who}` });
    assert.equal(r.status, 303, `${who} comments`);
  }
  const after = [count(`SELECT count(*) FROM register_items WHERE project_id = ${P}`), count(`SELECT count(*) FROM tool_entries WHERE project_id = ${P}`),
    count(`SELECT count(*) FROM project_members WHERE project_id = ${P}`), v.sql(`SELECT current_phase || status || rag FROM projects WHERE id = ${P}`),
    count(`SELECT count(*) FROM cases`), count(`SELECT count(*) FROM step_status WHERE project_id = ${P}`)].join(' ');
  assert.equal(after, before, 'nothing in the project changed');
  assert.equal(v.sql(`SELECT title FROM register_items WHERE id = ${research}`), 'Intervju på dagsenteret');
  const page = (await eva.get(`/projects/${P}`)).text;
  assert.ok(page.includes('Godt jobbet, hilsen lea') && page.includes('Godt jobbet, hilsen coach'), 'the team reads the comments');
});

test('members of the network\'s organisations see the network, never the projects shared with it', async () => {
  const projectPages = p => [`/projects/${p}`, `/projects/${p}/registers`, `/projects/${p}/chain`, `/projects/${p}/benefits`,
    `/projects/${p}/reports`, `/projects/${p}/coaching`];
  // Bergen's people do not see Oslo's projects; KS's people (the owner
  // organisation, admin included) do not see any member's projects.
  for (const [who, c, pid] of [['bergenMember', bergenMember, P], ['bergenAdmin', bergenAdmin, P], ['ksMember', ksMember, P],
    ['ksAdmin', ksAdmin, P], ['ksAdmin', ksAdmin, B], ['osloMember', osloMember, B], ['osloAdmin', osloAdmin, B]]) {
    assert.equal(await status(c, `/networks/${N1}`), 200, `${who} sees the network`);
    for (const p of projectPages(pid)) assert.equal(await status(c, p), 404, `${who} ${p}`);
    assert.equal((await post(c, `/projects/${pid}/comments`, { body: 'Hei' })).status, 404, `${who} comments on ${pid}`);
  }
  // Nor do they get the coaching links the coaches get.
  assert.doesNotMatch((await bergenMember.get(`/networks/${N1}`)).text, /\/coaching"/);
  assert.match((await coach.get(`/networks/${N1}`)).text, new RegExp(`href="/projects/${P}/coaching"`));
});

test('a project that is not shared stays hidden from the network\'s leader and coach', async () => {
  for (const [who, c] of Object.entries({ lea, coach })) {
    for (const p of [`/projects/${U}`, `/projects/${U}/registers`, `/projects/${U}/coaching`, `/projects/${U}/reports`,
      `/projects/${Q}`, `/projects/${Q}/coaching`])
      assert.equal(await status(c, p), 404, `${who} ${p}`);
    assert.equal((await post(c, `/projects/${U}/coaching/plan`, { network: String(N1), start: plus(7) })).status, 404, `${who} plans coaching of U`);
    assert.equal((await post(c, `/projects/${U}/comments`, { body: 'Hei' })).status, 404, `${who} comments on U`);
  }
  const listed = await overview(lea, N1);
  assert.ok(!listed.includes(U) && !listed.includes(Q), 'the overview does not list them');
  // A round's report page and a reminder for the unshared project: 404.
  const r = await post(lea, `/networks/${N1}/rounds`, { title: 'Runde for deling', due: plus(30), questions: 'Current phase' });
  assert.equal(r.status, 303);
  const rid = Number(r.location.match(/\/rounds\/(\d+)/)[1]);
  assert.equal(await status(lea, `/rounds/${rid}/projects/${U}`), 404);
  assert.equal(await status(eva, `/rounds/${rid}/projects/${U}`), 404, 'not even for its team: it owes this network nothing');
  assert.equal((await post(lea, `/rounds/${rid}/remind/${U}`)).status, 404);
  assert.equal(count(`SELECT count(*) FROM messages`), 0, 'no reminder was sent');
});

test('the leader of another network sees nothing of this one, and this network\'s leader nothing of the other\'s', async () => {
  const r = await post(lea, `/networks/${N1}/rounds`, { title: 'Høstrunden', due: plus(30), questions: 'Current phase' });
  const rid = Number(r.location.match(/\/rounds\/(\d+)/)[1]);
  const g = await post(lea, `/networks/${N1}/gatherings`, { kind: 'kickoff', title: 'Oppstart', day: plus(10), place: 'Oslo' });
  assert.equal(g.status, 303);
  const gid = Number(g.location.match(/\/gatherings\/(\d+)/)[1]);
  for (const p of [`/networks/${N1}`, `/networks/${N1}/rounds`, `/rounds/${rid}`, `/rounds/${rid}/compiled`, `/rounds/${rid}/projects/${P}`,
    `/networks/${N1}/gatherings`, `/gatherings/${gid}`, `/projects/${P}`, `/projects/${P}/coaching`, `/projects/${B}`])
    assert.equal(await status(otherLead, p), 404, `the other leader: ${p}`);
  assert.equal((await post(otherLead, `/rounds/${rid}/summary`, { summary: 'Kapret' })).status, 404);
  assert.equal((await post(otherLead, `/gatherings/${gid}/experiences`, { 'exp-body': 'Kapret' })).status, 404);
  // Each sees the project shared with their own network.
  assert.equal(await status(otherLead, `/projects/${Q}`), 200, 'the other leader reads Q (shared with N2)');
  assert.equal(await status(lea, `/projects/${Q}`), 404, 'Lea does not read Q');
  // The coach of N1 is not a coach of N2.
  assert.equal(await status(coach, `/networks/${N2}`), 404);
});

// ---- personal data ----------------------------------------------------------------------
test('personal data: the network\'s leader and coach see the marker, never the text, on every page of a shared project', async () => {
  const id = fnr('010190', '456');
  const SECRET = 'Intervju med Kari Nordmann';
  const research = await item(eva, P, 'research', { title: SECRET, method: 'interview', date: '2026-03-01',
    participants: 'Kari Nordmann, enke', notes: `Fødselsnummer ${id}, e-post kari@eksempel.no` }, { pii_ok: '1' });
  const insight = await item(eva, P, 'insight', { headline: 'Natta er utrygg', research: String(research) });
  const benefit = await item(eva, P, 'benefit', { name: 'Ring Kari på 41234567', type: 'quality' }, { pii_ok: '1' });
  // A second revision, so the history has a before and an after.
  const rev = (await eva.get(`/projects/${P}/items/${research}/edit`)).text.match(/name="rev" value="(\d+)"/)[1];
  assert.equal((await post(eva, `/projects/${P}/items/${research}`, { rev, 'f-title': SECRET, 'f-method': 'interview',
    'f-date': '2026-03-01', 'f-participants': 'Kari Nordmann, enke, og datteren Lise', 'f-notes': `Fødselsnummer ${id}`, pii_ok: '1' })).status, 303);
  const secrets = [SECRET, 'Kari Nordmann', id, 'kari@eksempel.no', '41234567', 'datteren Lise'];
  const pages = {
    'research list': `/projects/${P}/registers/research`,
    'research item': `/projects/${P}/items/${research}`,
    'research history': `/projects/${P}/items/${research}/history`,
    'insight item': `/projects/${P}/items/${insight}`,
    chain: `/projects/${P}/chain`,
    'chain focused': `/projects/${P}/chain?item=${research}`,
    'benefit plan': `/projects/${P}/benefits`,
    'benefit page': `/benefits/${benefit}`,
    'benefit list': `/projects/${P}/registers/benefit`,
    project: `/projects/${P}`,
    search: `/search?q=${encodeURIComponent('Kari')}`,
  };
  // The team sees it all.
  const team = (await eva.get(pages['research item'])).text;
  assert.ok(team.includes(SECRET) && team.includes(id), 'the team reads the item');
  assert.match(team, /Holds personal data/);
  assert.ok((await eva.get(pages['research history'])).text.includes('datteren Lise'), 'the team reads the history');
  // The network's leader and coach: every page answers, no secret shows.
  for (const [who, c] of Object.entries({ lea, coach })) {
    for (const [name, p] of Object.entries(pages)) {
      const r = await c.get(p);
      assert.equal(r.status, 200, `${who} ${name}`);
      for (const s of secrets) assert.ok(!r.text.includes(s), `${who} ${name}: "${s}" is shown`);
    }
    assert.ok((await c.get(pages['research list'])).text.includes('(personal data hidden)'), `${who}: the list marks it`);
    const it = (await c.get(pages['research item'])).text;
    assert.match(it, /data-color="warning">Personal data hidden</, `${who}: the item says its texts are hidden`);
    assert.ok(it.includes('[hidden: personal data]'), `${who}: hidden texts are marked`);
    assert.ok((await c.get(pages['research history'])).text.includes('(personal data hidden)'), `${who}: the history marks it`);
    assert.ok((await c.get(pages.chain)).text.includes('(personal data hidden)'), `${who}: the chain marks it`);
    assert.ok((await c.get(pages['insight item'])).text.includes('(personal data hidden)'), `${who}: "came from" marks it`);
    assert.ok((await c.get(pages['benefit page'])).text.includes('(personal data hidden)'), `${who}: the benefit marks it`);
    assert.ok((await c.get(pages['insight item'])).text.includes('Natta er utrygg'), `${who}: items without personal data show`);
  }
  // Status reports go outside the project: they refuse personal data, and so
  // does the round's summary.
  const r = await post(lea, `/networks/${N1}/rounds`, { title: 'Personvernrunden', due: plus(30), questions: 'Current phase\nObstacles and risks' });
  const rid = Number(r.location.match(/\/rounds\/(\d+)/)[1]);
  const draft = (await eva.get(`/rounds/${rid}/projects/${P}`)).text;
  for (const s of secrets) assert.ok(!draft.includes(s), `the draft filled from the case file holds "${s}"`);
  for (const answer of [`Brukeren ${id} falt`, 'Skriv til kari@eksempel.no', 'Ring 912 34 567']) {
    for (const extra of [{}, { pii_ok: '1' }]) {
      const x = await post(eva, `/rounds/${rid}/projects/${P}`, { rag: 'amber', 'a-phase': 'Innsikt', 'a-obstacles': answer, action: 'submit', ...extra });
      assert.equal(x.status, 400, `a report with "${answer}" ${extra.pii_ok ? '(confirmed) ' : ''}is refused`);
      assert.match(x.text, /looks like it holds personal data/);
    }
  }
  assert.equal(count(`SELECT count(*) FROM status_reports WHERE round_id = ${rid}`), 0, 'nothing was stored');
  assert.equal((await post(lea, `/rounds/${rid}/summary`, { summary: `Oppsummert: ring 41234567` })).status, 400, 'the summary refuses it');
  assert.equal(v.sql(`SELECT coalesce(summary, '-') FROM status_rounds WHERE id = ${rid}`), '-');
});

// ---- the overview --------------------------------------------------------------------------
test('the overview lists only the shared projects, and filters by member, phase, service area and measure', async () => {
  assert.equal((await post(eva, `/projects/${P}/measures/${toolbox}`, { progress: '30', note: 'Prøver sensorer' })).status, 303);
  assert.deepEqual(await overview(lea, N1), sorted([P, T, B]), 'P, T and B; not U (not shared) or Q (shared with N2)');
  assert.deepEqual(await overview(lea, N1, `?member=${oslo}`), sorted([P, T]), 'member: Oslo');
  assert.deepEqual(await overview(lea, N1, `?member=${bergen}`), [B], 'member: Bergen');
  assert.deepEqual(await overview(lea, N1, '?phase=innsikt'), [B], 'phase: insight');
  assert.deepEqual(await overview(lea, N1, '?phase=forankring'), sorted([P, T]), 'phase: anchoring');
  assert.deepEqual(await overview(lea, N1, '?area=schools'), [B], 'service area: schools');
  assert.deepEqual(await overview(lea, N1, '?area=health'), sorted([P, T]), 'service area: health');
  assert.deepEqual(await overview(lea, N1, '?area=culture'), [], 'service area: culture');
  assert.deepEqual(await overview(lea, N1, `?measure=${toolbox}`), [P], 'measure: the toolbox measure P adopted');
  assert.deepEqual(await overview(lea, N1, `?member=${oslo}&phase=forankring&area=health&measure=${toolbox}`), [P], 'all four');
  assert.deepEqual(await overview(lea, N1, `?member=${bergen}&area=health`), [], 'Bergen has nothing in health');
  assert.deepEqual(await overview(lea, N1, '?member=&phase=&area=&measure='), sorted([P, T, B]), 'empty filters: all');
  // The filter form offers the member organisations, the phases in use and the measures.
  const page = (await lea.get(`/networks/${N1}?phase=innsikt`)).text;
  assert.match(page, new RegExp(`<option value="${oslo}">Oslo kommune</option>`));
  assert.match(page, /<option value="innsikt" selected>Insight<\/option>/);
  assert.match(page, new RegExp(`<option value="${toolbox}">Sensorpakke</option>`));
  // A row: title, theme, member, phase, status.
  const row = tableRows((await lea.get(`/networks/${N1}`)).text, 'Shared projects').find(r => r[0].includes(`/projects/${P}"`));
  assert.match(row[0], /Trygg heim<\/a><br><span class="varde-meta">Trygghet hjemme<\/span>/);
  assert.equal(row[1], 'Oslo kommune');
  assert.equal(row[2], 'Anchoring');
  // Those who run or coach the network see every shared project; the members
  // of its organisations only their own organisation's, and of those only
  // the ones they may read (not a team-only project outside its team).
  for (const [who, c] of Object.entries({ ksAdmin, coach })) assert.deepEqual(await overview(c, N1), sorted([P, T, B]), who);
  assert.deepEqual(await overview(bergenMember, N1), [B], 'a member of Bergen');
  assert.deepEqual(await overview(ksMember, N1), [], 'a member of the owner organisation');
  assert.deepEqual(await overview(osloAdmin, N1), sorted([P, T]), 'Oslo\'s admin reads both of Oslo\'s');
  assert.deepEqual(await overview(osloMember, N1), [P], 'a member of Oslo outside T\'s team: not the team-only project');
  // Unknown filter values show nothing odd.
  assert.deepEqual(await overview(lea, N1, '?member=abc&measure=%27'), sorted([P, T, B]));
});

test('the joint measures table: each shared project\'s progress per measure; only the team reports progress', async () => {
  // The project page: the network's measures with a form for the team only.
  const team = (await eva.get(`/projects/${P}`)).text;
  assert.match(team, new RegExp(`action="/projects/${P}/measures/${joint}"`));
  assert.doesNotMatch((await osloMember.get(`/projects/${P}`)).text, /\/measures\/\d+"/, 'org members read, no form');
  assert.doesNotMatch((await lea.get(`/projects/${P}`)).text, /\/measures\/\d+"/, 'the network leader reads, no form');
  const pm = () => v.sql(`SELECT count(*) || ':' || coalesce(sum(progress), 0) FROM project_measures`);
  const before = pm();
  for (const [who, c, code] of [['lea', lea, 403], ['coach', coach, 403], ['osloMember', osloMember, 403], ['bergenAdmin', bergenAdmin, 404]])
    assert.equal((await post(c, `/projects/${P}/measures/${joint}`, { progress: '99', note: '' })).status, code, who);
  assert.equal((await post(eva, `/projects/${P}/measures/${joint}`, { progress: '101', note: '' })).status, 400, 'over 100');
  assert.equal((await post(eva, `/projects/${P}/measures/${joint}`, { progress: '-1', note: '' })).status, 400, 'below 0');
  assert.equal((await post(eva, `/projects/${P}/measures/${joint}`, { progress: 'mye', note: '' })).status, 400, 'not a number');
  assert.equal((await post(eva, `/projects/${P}/measures/${measureN2}`, { progress: '10', note: '' })).status, 404, 'a measure of a network P is not shared with');
  assert.equal((await post(eva, `/projects/${U}/measures/${joint}`, { progress: '10', note: '' })).status, 404, 'an unshared project');
  assert.equal(pm(), before, 'nothing changed');
  assert.equal((await post(eva, `/projects/${P}/measures/${joint}`, { progress: '40', note: 'Halvveis' })).status, 303);
  assert.equal((await post(bergenAdmin, `/projects/${B}/measures/${joint}`, { progress: '100', note: '' })).status, 303);
  const r = await lea.get(`/networks/${N1}/measures`);
  assert.equal(r.status, 200);
  const head = r.text.match(/<thead><tr>([^]*?)<\/tr><\/thead>/)[1];
  assert.match(head, /Felles kartlegging<\/th>/);
  assert.match(head, /Sensorpakke \*<\/th>/, 'a toolbox measure is starred');
  const rows = tableRows(r.text, 'Progress per member project, in per cent');
  const byTitle = Object.fromEntries(rows.map(cells => [strip(cells[0]).split(' ').slice(0, 2).join(' '), cells.slice(1)]));
  assert.deepEqual(Object.keys(byTitle).sort(), ['Digital skolestart', 'Lukket prosjekt', 'Trygg heim'], 'the shared projects only');
  assert.deepEqual(byTitle['Trygg heim'], ['40 %', '30 %']);
  assert.deepEqual(byTitle['Digital skolestart'], ['100 %', '–']);
  assert.deepEqual(byTitle['Lukket prosjekt'], ['not started', '–']);
  // Members of the network's organisations read their own organisation's rows
  // (the ones they may read); outsiders nothing.
  const titlesFor = async c => {
    const x = await c.get(`/networks/${N1}/measures`);
    assert.equal(x.status, 200);
    return (tableRows(x.text, 'Progress per member project, in per cent') || []).map(cells => strip(cells[0]).split(' ').slice(0, 2).join(' ')).sort();
  };
  assert.deepEqual(await titlesFor(bergenMember), ['Digital skolestart'], 'a member of Bergen');
  assert.deepEqual(await titlesFor(coach), ['Digital skolestart', 'Lukket prosjekt', 'Trygg heim'], 'the coach');
  assert.equal(await status(outsider, `/networks/${N1}/measures`), 404);
  assert.deepEqual(await titlesFor(osloMember), ['Trygg heim'], 'a member of Oslo outside the team-only project\'s team');
});

// ---- gatherings ------------------------------------------------------------------------------
test('gatherings: leaders plan them, experiences point only to shared projects, actions have an owner who marks them done', async () => {
  const gatherings = () => count('SELECT count(*) FROM gatherings');
  const before = gatherings();
  const form = { kind: 'gathering', title: 'Nettverkssamling 1', day: plus(14), place: 'Bergen', agenda: 'Erfaringer\nNeste steg' };
  for (const [who, c, code] of [['coach', coach, 403], ['ksMember', ksMember, 403], ['bergenMember', bergenMember, 403],
    ['osloAdmin', osloAdmin, 403], ['outsider', outsider, 404]])
    assert.equal((await post(c, `/networks/${N1}/gatherings`, form)).status, code, `${who} plans`);
  assert.equal(gatherings(), before);
  assert.equal((await post(lea, `/networks/${N1}/gatherings`, { ...form, kind: 'party' })).status, 400, 'unknown kind');
  assert.equal((await post(lea, `/networks/${N1}/gatherings`, { ...form, place: '' })).status, 400, 'a place, or digital');
  assert.equal((await post(lea, `/networks/${N1}/gatherings`, { ...form, day: '2026-02-30' })).status, 400, 'a real date');
  const pii = await post(lea, `/networks/${N1}/gatherings`, { ...form, agenda: 'Spør kari@eksempel.no' });
  assert.equal(pii.status, 400, 'personal data must be confirmed');
  assert.match(pii.text, /id="pii-warning"/);
  assert.equal(gatherings(), before, 'nothing was stored');
  let r = await post(lea, `/networks/${N1}/gatherings`, form);
  assert.equal(r.status, 303);
  const gid = Number(r.location.match(/\/gatherings\/(\d+)/)[1]);
  r = await post(ksAdmin, `/networks/${N1}/gatherings`, { kind: 'status', title: 'Statusmøte', day: plus(-30), place: '', digital: '1' });
  assert.equal(r.status, 303, 'the owner organisation\'s admin plans too');
  // The list, newest first, for everyone who sees the network.
  const list = (await bergenMember.get(`/networks/${N1}/gatherings`)).text;
  assert.ok(list.indexOf('>Nettverkssamling 1<') < list.indexOf('>Statusmøte<'), 'newest first');
  assert.match(list, /Upcoming/);
  assert.doesNotMatch(list, /action="\/networks\/\d+\/gatherings"/, 'members get no form');
  // Experiences: coaches and leaders; a project shared with this network, or none.
  const exps = () => count(`SELECT count(*) FROM gathering_experiences WHERE gathering_id = ${gid}`);
  for (const [pid, why] of [[U, 'not shared'], [Q, 'shared with another network'], [999999, 'no such project'], ['abc', 'not a number']]) {
    const x = await post(coach, `/gatherings/${gid}/experiences`, { 'exp-body': 'Vi prøvde sensorer', 'exp-project': String(pid) });
    assert.equal(x.status, 400, `a project ${why}`);
  }
  const options = (await coach.get(`/gatherings/${gid}`)).text.match(/<select[^>]*name="exp-project"[^>]*>([^]*?)<\/select>/)[1];
  assert.deepEqual(sorted([...options.matchAll(/value="(\d+)"/g)].map(m => Number(m[1]))), sorted([P, T, B]), 'the choices are the shared projects');
  assert.equal((await post(bergenMember, `/gatherings/${gid}/experiences`, { 'exp-body': 'Fra Bergen' })).status, 403, 'members do not add');
  assert.equal((await post(osloAdmin, `/gatherings/${gid}/experiences`, { 'exp-body': 'Fra Oslo' })).status, 403);
  assert.equal(exps(), 0);
  assert.equal((await post(coach, `/gatherings/${gid}/experiences`, { 'exp-body': 'Sensorer <virker>', 'exp-project': String(P) })).status, 303);
  assert.equal((await post(lea, `/gatherings/${gid}/experiences`, { 'exp-body': 'Felles erfaring', 'exp-project': '' })).status, 303);
  assert.equal(exps(), 2);
  const page = (await bergenMember.get(`/gatherings/${gid}`)).text;
  assert.match(page, /Sensorer &lt;virker&gt;/);
  assert.match(page, new RegExp(`Project: <a class="ds-link" href="/projects/${P}">Trygg heim</a>`));
  // Actions: leaders add them with someone in the network responsible and a deadline.
  const acts = () => count(`SELECT count(*) FROM gathering_actions WHERE gathering_id = ${gid}`);
  const action = { 'act-body': 'Send kartleggingen', 'act-owner': String(uid('bjorn@bergen.no')), 'act-deadline': plus(20) };
  assert.equal((await post(coach, `/gatherings/${gid}/actions`, action)).status, 403, 'coaches do not add actions');
  assert.equal((await post(lea, `/gatherings/${gid}/actions`, { ...action, 'act-owner': String(uid('ute@tromso.no')) })).status, 400, 'owner outside the network');
  assert.equal((await post(lea, `/gatherings/${gid}/actions`, { ...action, 'act-owner': '' })).status, 400, 'an owner is required');
  assert.equal((await post(lea, `/gatherings/${gid}/actions`, { ...action, 'act-deadline': '' })).status, 400, 'a deadline is required');
  assert.equal(acts(), 0);
  assert.equal((await post(lea, `/gatherings/${gid}/actions`, action)).status, 303);
  assert.equal((await post(lea, `/gatherings/${gid}/actions`, { 'act-body': 'Gammel sak', 'act-owner': String(uid('coach@tromso.no')), 'act-deadline': '2026-01-10' })).status, 303);
  const aid = Number(v.sql(`SELECT id FROM gathering_actions WHERE body = 'Send kartleggingen'`));
  const rows = tableRows((await bergenMember.get(`/gatherings/${gid}`)).text, 'What was agreed, open actions first');
  assert.deepEqual(rows.map(r => [strip(r[0]), strip(r[1]), r[2], strip(r[3])]).sort(), [
    ['Gammel sak', 'Coco Coach', '2026-01-10', 'Overdue'], ['Send kartleggingen', 'Bjørn Bergen', plus(20), 'Open']]);
  // Done: the owner and the leaders; not others.
  for (const [who, c, code] of [['osloMember', osloMember, 403], ['coach (not the owner)', coach, 403], ['outsider', outsider, 404]])
    assert.equal((await post(c, `/gatherings/${gid}/actions/${aid}/done`, { done: '1' })).status, code, who);
  assert.equal(v.sql(`SELECT done FROM gathering_actions WHERE id = ${aid}`), '0');
  assert.equal((await post(bergenMember, `/gatherings/${gid}/actions/${aid}/done`, { done: '1' })).status, 303, 'the owner marks it done');
  assert.equal(v.sql(`SELECT done FROM gathering_actions WHERE id = ${aid}`), '1');
  assert.equal((await post(lea, `/gatherings/${gid}/actions/${aid}/done`, { done: '0' })).status, 303, 'a leader opens it again');
  assert.equal(v.sql(`SELECT done FROM gathering_actions WHERE id = ${aid}`), '0');
  assert.equal((await post(bergenMember, `/gatherings/${gid + 1}/actions/${aid}/done`, { done: '1' })).status, 404, 'through another gathering');
  // Notes: leaders edit; members and coaches do not.
  for (const [who, c] of Object.entries({ coach, bergenMember }))
    assert.equal((await post(c, `/gatherings/${gid}`, { ...form, notes: 'Kapret' })).status, 403, who);
  assert.equal((await post(lea, `/gatherings/${gid}`, { ...form, notes: 'Godt oppmøte' })).status, 303);
  assert.match((await bergenMember.get(`/gatherings/${gid}`)).text, /Godt oppmøte/);
});

// ---- coaching ----------------------------------------------------------------------------------
test('coaching: a fading schedule (4 weekly, 4 fortnightly, then every third week), sessions by coaches only, the log and open actions for the project', async () => {
  // The schedule: from the first follow-up to the network's period end (2027-06-30).
  for (const [who, c, code] of [['eva (the team)', eva, 403], ['osloAdmin', osloAdmin, 403], ['ksAdmin', ksAdmin, 404], ['otherLead', otherLead, 404]])
    assert.equal((await post(c, `/projects/${P}/coaching/plan`, { network: String(N1), start: '2026-12-01' })).status, code, `${who} plans`);
  assert.equal((await post(coach, `/projects/${P}/coaching/plan`, { network: String(N2), start: '2026-12-01' })).status, 404, 'a network P is not shared with');
  assert.equal((await post(coach, `/projects/${P}/coaching/plan`, { network: String(N1), start: '2026-13-01' })).status, 400);
  assert.equal((await post(coach, `/projects/${P}/coaching/plan`, { network: String(N1), start: '2027-07-01' })).status, 400, 'after the period');
  assert.equal(count('SELECT count(*) FROM coaching_plans'), 0);
  assert.equal((await post(coach, `/projects/${P}/coaching/plan`, { network: String(N1), start: '01.12.2026' })).status, 303);
  let sched = JSON.parse(v.sql(`SELECT schedule FROM coaching_plans WHERE project_id = ${P}`));
  assert.deepEqual(sched.follow_ups.map(f => f.day), ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2027-01-05', '2027-01-19',
    '2027-02-02', '2027-02-16', '2027-03-09', '2027-03-30', '2027-04-20', '2027-05-11', '2027-06-01', '2027-06-22']);
  assert.deepEqual(sched.follow_ups.map(f => f.weeks), [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]);
  assert.equal(sched.end, '2027-06-30');
  // A leader may plan too; a new plan replaces the old. Without a period end: a year.
  assert.equal((await post(lea, `/projects/${P}/coaching/plan`, { network: String(N1), start: '2026-01-05' })).status, 303);
  assert.equal(count(`SELECT count(*) FROM coaching_plans WHERE project_id = ${P}`), 1);
  sched = JSON.parse(v.sql(`SELECT schedule FROM coaching_plans WHERE project_id = ${P}`));
  assert.equal(sched.end, '2027-01-05', 'at most a year');
  const days = sched.follow_ups.map(f => f.day);
  const gaps = days.slice(1).map((d, i) => (Date.parse(d) - Date.parse(days[i])) / 86400000);
  assert.deepEqual(gaps.slice(0, 7), [7, 7, 7, 14, 14, 14, 14]);
  assert.ok(gaps.slice(7).every(g => g === 21), 'then every third week: ' + gaps.join(','));
  assert.ok(days[days.length - 1] <= '2027-01-05' && plus(21, new Date(days[days.length - 1])) > '2027-01-05');
  // Sessions: coaches and leaders of a network the project is shared with; not the team, not others.
  const sessions = () => count(`SELECT count(*) FROM coaching_sessions WHERE project_id = ${P}`);
  const base = { network: String(N1), day: plus(-3), mode: 'video', notes: 'Gikk gjennom innsiktsarbeidet' };
  for (const [who, c, code] of [['eva', eva, 403], ['osloAdmin', osloAdmin, 403], ['bergenMember', bergenMember, 404], ['otherLead', otherLead, 404]])
    assert.equal((await post(c, `/projects/${P}/coaching/sessions`, base)).status, code, `${who} records`);
  assert.equal((await post(coach, `/projects/${P}/coaching/sessions`, { ...base, day: plus(2) })).status, 400, 'not in the future');
  assert.equal((await post(coach, `/projects/${P}/coaching/sessions`, { ...base, mode: 'telepathy' })).status, 400);
  assert.equal((await post(coach, `/projects/${P}/coaching/sessions`, { ...base, notes: '' })).status, 400);
  assert.equal((await post(coach, `/projects/${P}/coaching/sessions`, { ...base, 'a1-body': 'Intervju', 'a1-owner': String(uid('mia@oslo.no')), 'a1-deadline': plus(10) })).status,
    400, 'an action owner outside the team and the network\'s people');
  assert.equal((await post(coach, `/projects/${P}/coaching/sessions`, { ...base, notes: 'Ring 912 34 567' })).status, 400, 'personal data must be confirmed');
  assert.equal(sessions(), 0);
  let r = await post(coach, `/projects/${P}/coaching/sessions`, { ...base,
    'a1-body': 'Gjør fem intervjuer', 'a1-owner': String(uid('eva@oslo.no')), 'a1-deadline': plus(10),
    'a2-body': 'Send mal', 'a2-owner': String(uid('coach@tromso.no')), 'a2-deadline': plus(-1) });
  assert.equal(r.status, 303);
  r = await post(lea, `/projects/${P}/coaching/sessions`, { ...base, day: plus(-10), mode: 'phone', notes: 'Første samtale' });
  assert.equal(r.status, 303, 'a leader records too');
  assert.equal(sessions(), 2);
  // The project's people read the log and the open actions; the team ticks off.
  for (const [who, c] of Object.entries({ eva, osloMember, lea, coach })) {
    const page = await c.get(`/projects/${P}/coaching`);
    assert.equal(page.status, 200, who);
    assert.match(page.text, /Gikk gjennom innsiktsarbeidet/, `${who}: the log`);
    assert.match(page.text, /Første samtale/);
    const open = tableRows(page.text, 'Actions agreed in coaching that are not done, by deadline');
    assert.deepEqual(open.map(x => strip(x[0])), ['Send mal', 'Gjør fem intervjuer'], `${who}: open actions by deadline`);
    assert.match(open[0][2], /Overdue/);
    assert.equal(/action="\/projects\/\d+\/coaching\/sessions"/.test(page.text), c === lea || c === coach, `${who}: the session form`);
  }
  const a = Number(v.sql(`SELECT id FROM coaching_actions WHERE body = 'Gjør fem intervjuer'`));
  assert.equal((await post(osloMember, `/projects/${P}/coaching/actions/${a}/done`, { done: '1' })).status, 403, 'an org member outside the team');
  assert.equal((await post(bergenMember, `/projects/${P}/coaching/actions/${a}/done`, { done: '1' })).status, 404);
  assert.equal((await post(eva, `/projects/${U}/coaching/actions/${a}/done`, { done: '1' })).status, 404, 'through another project');
  assert.equal((await post(eva, `/projects/${P}/coaching/actions/${a}/done`, { done: '1' })).status, 303, 'the team');
  assert.equal(v.sql(`SELECT done FROM coaching_actions WHERE id = ${a}`), '1');
  const open = tableRows((await eva.get(`/projects/${P}/coaching`)).text, 'Actions agreed in coaching that are not done, by deadline');
  assert.deepEqual(open.map(x => strip(x[0])), ['Send mal']);
  assert.equal((await post(coach, `/projects/${P}/coaching/actions/${a}/done`, { done: '0' })).status, 303, 'the coach reopens');
  assert.equal(v.sql(`SELECT done FROM coaching_actions WHERE id = ${a}`), '0');
  // A session held near a follow-up marks it held.
  const sch = (await eva.get(`/projects/${P}/coaching`)).text;
  assert.match(sch, /Planned follow-ups: Helsenettverket/);
  assert.match(sch, /Next follow-up/);
});

// ---- unsharing ---------------------------------------------------------------------------------
test('unsharing ends the network\'s access at once: project pages, reports, coaching, the overview and search', async () => {
  const S = await newProject(eva, oslo, 'Velferdsteknologi i Oslo');
  const it = await item(eva, S, 'insight', { headline: 'Velferdsteknologi gir trygghet' });
  await share(osloAdmin, S, N1);
  const r = await post(lea, `/networks/${N1}/rounds`, { title: 'Delingsrunden', due: plus(30), questions: 'Current phase' });
  const rid = Number(r.location.match(/\/rounds\/(\d+)/)[1]);
  assert.equal((await post(eva, `/rounds/${rid}/projects/${S}`, { rag: 'green', 'a-phase': 'Forankring', action: 'submit' })).status, 303);
  assert.equal((await post(coach, `/projects/${S}/coaching/sessions`, { network: String(N1), day: plus(-1), mode: 'meeting', notes: 'Bra start' })).status, 303);
  const pages = [`/projects/${S}`, `/projects/${S}/items/${it}`, `/projects/${S}/coaching`, `/projects/${S}/reports`, `/rounds/${rid}/projects/${S}`];
  for (const c of [lea, coach]) for (const p of pages) assert.equal(await status(c, p), 200, p);
  const search = async c => (await c.get('/search?q=velferdsteknologi')).text.includes(`href="/projects/${S}"`);
  assert.ok(await search(coach), 'the coach finds it by search');
  assert.ok((await overview(lea, N1)).includes(S));
  // Stop sharing.
  assert.equal((await post(osloAdmin, `/projects/${S}/shares/${N1}/remove`)).status, 303);
  for (const [who, c] of Object.entries({ lea, coach }))
    for (const p of pages) assert.equal(await status(c, p), 404, `${who} ${p} after unsharing`);
  assert.ok(!(await search(coach)), 'no longer found by search');
  assert.ok(!(await overview(lea, N1)).includes(S), 'no longer in the overview');
  assert.doesNotMatch((await lea.get(`/rounds/${rid}`)).text, /Velferdsteknologi i Oslo/, 'no longer in the round');
  assert.equal((await post(coach, `/projects/${S}/coaching/sessions`, { network: String(N1), day: plus(-1), mode: 'meeting', notes: 'Igjen' })).status, 404);
  assert.equal((await post(lea, `/projects/${S}/comments`, { body: 'Hei' })).status, 404);
  // The team keeps its own history.
  assert.equal(await status(eva, `/projects/${S}/reports`), 200);
  assert.match((await eva.get(`/projects/${S}/coaching`)).text, /Bra start/);
  // Bug hunt: the compiled report lists every submitted report of the round,
  // shared or not any more, while the report's own page answers 404.
  assert.doesNotMatch((await lea.get(`/rounds/${rid}/compiled`)).text, /Velferdsteknologi i Oslo/, 'no longer in the compiled report');
  const list = (await lea.get(`/networks/${N1}/rounds`)).text;
  assert.match(list, new RegExp(`href="/rounds/${rid}">Delingsrunden</a></th><td><time[^>]*>[^<]*</time></td><td>0</td>`),
    'the rounds list no longer counts its report as submitted');
});

test('removing a member organisation ends the sharing of its projects with that network only', async () => {
  const N3 = await newNetwork(ksAdmin, ks, 'Kortvarig nettverk');
  assert.equal((await post(ksAdmin, `/networks/${N3}/orgs`, { org: String(oslo), role: 'partner' })).status, 303);
  await share(osloAdmin, P, N3);
  assert.equal(await status(ksAdmin, `/projects/${P}`), 200, 'the leader of N3 reads P');
  assert.equal((await post(ksAdmin, `/networks/${N3}/orgs/${oslo}/remove`)).status, 303);
  assert.equal(count(`SELECT count(*) FROM project_shares WHERE network_id = ${N3}`), 0);
  assert.equal(count(`SELECT count(*) FROM project_shares WHERE network_id = ${N1} AND project_id = ${P}`), 1, 'still shared with N1');
  assert.equal(await status(ksAdmin, `/projects/${P}`), 404, 'access through N3 ended');
  assert.equal(await status(osloMember, `/networks/${N3}`), 404, 'Oslo\'s members no longer see N3');
});

test('names and texts are escaped on every network page', async () => {
  const X = '<script>alert(1)</script>';
  const nid = await newNetwork(ksAdmin, ks, `Nett ${X}`);
  for (const [p, form] of [[`/networks/${nid}/orgs`, { org: String(oslo), role: 'pilot' }], [`/networks/${nid}/themes`, { name: `Tema ${X}`, description: X }],
    [`/networks/${nid}/measures`, { name: `Tiltak ${X}`, description: X, kind: 'joint' }]])
    assert.equal((await post(ksAdmin, p, form)).status, 303, p);
  const theme = Number(v.sql(`SELECT id FROM network_themes WHERE network_id = ${nid}`));
  const measure = Number(v.sql(`SELECT id FROM network_measures WHERE network_id = ${nid}`));
  const S = await newProject(eva, oslo, `Prosjekt ${X}`);
  await share(osloAdmin, S, nid, { theme: String(theme), challenge: X });
  assert.equal((await post(eva, `/projects/${S}/measures/${measure}`, { progress: '5', note: X })).status, 303);
  let r = await post(ksAdmin, `/networks/${nid}/rounds`, { title: `Runde ${X}`, due: plus(9), questions: `Spørsmål ${X}` });
  const rid = Number(r.location.match(/\/rounds\/(\d+)/)[1]);
  assert.equal((await post(ksAdmin, `/rounds/${rid}/remind/${S}`)).status, 303);
  assert.equal((await post(eva, `/rounds/${rid}/projects/${S}`, { rag: 'green', 'a-q1': `Svar ${X}`, action: 'submit' })).status, 303);
  r = await post(ksAdmin, `/networks/${nid}/gatherings`, { kind: 'visit', title: `Besøk ${X}`, day: plus(3), place: X, agenda: X });
  const gid = Number(r.location.match(/\/gatherings\/(\d+)/)[1]);
  assert.equal((await post(ksAdmin, `/gatherings/${gid}/experiences`, { 'exp-body': `Erfaring ${X}`, 'exp-project': String(S) })).status, 303);
  assert.equal((await post(ksAdmin, `/gatherings/${gid}/actions`, { 'act-body': `Gjøre ${X}`, 'act-owner': String(uid('eva@oslo.no')), 'act-deadline': plus(5) })).status, 303);
  for (const [c, p] of [[ksAdmin, '/networks'], [ksAdmin, `/networks/${nid}`], [ksAdmin, `/networks/${nid}/measures`], [ksAdmin, `/networks/${nid}/rounds`],
    [ksAdmin, `/networks/${nid}/gatherings`], [ksAdmin, `/gatherings/${gid}`], [eva, `/rounds/${rid}/projects/${S}`], [eva, `/projects/${S}`],
    [eva, `/projects/${S}/reports`], [eva, '/dashboard'], [osloAdmin, `/projects/${S}`]]) {
    const page = await c.get(p);
    assert.equal(page.status, 200, p);
    assert.doesNotMatch(page.text, /<script/i, `${p}: raw markup`);
    assert.match(page.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, `${p}: the text, escaped`);
  }
});

test('the draft of a round\'s report lists that network\'s measures, not another network\'s', async () => {
  // Bug hunt: the draft takes the measures of every network the project is
  // shared with, so a report to one network tells it about another.
  await share(osloAdmin, P, N2);
  assert.equal((await post(eva, `/projects/${P}/measures/${measureN2}`, { progress: '70', note: 'Skolemålingen' })).status, 303);
  const r = await post(lea, `/networks/${N1}/rounds`, { title: 'Tiltaksrunden', due: plus(30), questions: 'Progress on the joint measures' });
  const rid = Number(r.location.match(/\/rounds\/(\d+)/)[1]);
  const draft = (await eva.get(`/rounds/${rid}/projects/${P}`)).text;
  const measures = (draft.match(/<textarea[^>]*name="a-measures"[^>]*>([^]*?)<\/textarea>/) || [])[1] || '';
  assert.match(measures, /Felles kartlegging: 40 %/, 'N1\'s joint measure');
  assert.doesNotMatch(measures, /Felles skolemåling|Skolemålingen/, `the measure of N2 is in the draft for N1: ${JSON.stringify(measures)}`);
});
