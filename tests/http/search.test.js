// search.test.js — one search over the published cases, the guide and the
// projects the user may read (issue 7): Nordic letters stay apart from their
// look-alikes ("skål" is not "skal", "bør" is not "bor") and a word matches
// as a prefix ("innovasj" finds "innovasjon"), on SQLite (FTS5, unicode61
// with remove_diacritics 0) and on PostgreSQL ('simple' tsvector) alike;
// filters by phase, service area and type of benefit; snippets mark the
// matches and escape everything else; and what each visitor finds: an
// anonymous visitor the public cases and the guide, a signed-in user also the
// cases of their organisations and networks and the projects they may read,
// and register items holding personal data only the project team.
//
// Runs on both databases:
//   VARDE_BIN=build/varde node --test tests/http/search.test.js
//   scripts/pg-test.sh env VARDE_BIN=build/varde node --test tests/http/search.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');

const PW = 'et langt og godt passord';
let v, adm, orgA, orgB, orgC, orgD;
let lead, orgAdmin, team, member, netB, coach, outsider, anon;
let P, T, X, Y, Z, U;                 // projects (see before())
let caseP, caseY, caseZ;              // cases
const items = {};

const english = c => { c.cookies.set('varde_lang', 'en'); return c; };
const strip = s => (s || '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

async function post(c, p, obj = {}) {
  if (!c.csrf) await c.get('/dashboard');
  const body = new URLSearchParams();
  for (const [k, val] of Object.entries(obj)) if (val !== undefined) body.append(k, String(val));
  if (c.csrf && !body.has('csrf')) body.append('csrf', c.csrf);
  return c.request('POST', p, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
async function newProject(c, org, title, challenge, { area = 'health', visibility = 'org', goals = '' } = {}) {
  const r = await post(c, '/projects', { org: String(org), title, challenge, goals, area, methodology: 'veikart',
    start: '2026-01-05', end: '', visibility });
  assert.equal(r.status, 303, `create project ${title}`);
  return Number(r.location.match(/^\/projects\/(\d+)$/)[1]);
}
async function item(c, pid, reg, fields, extra = {}) {
  const f = { rev: '0', ...extra };
  for (const [k, val] of Object.entries(fields)) f[`f-${k}`] = val;
  const r = await post(c, `/projects/${pid}/registers/${reg}`, f);
  assert.equal(r.status, 303, `create ${reg}: ${r.status} ${strip(r.text).slice(0, 300)}`);
  return Number(r.location.match(/\/items\/(\d+)/)[1]);
}
async function publish(c, pid, texts) {
  const r = await post(c, `/projects/${pid}/case`, { results: '', benefits: '', lessons: '', contact: '', ...texts });
  assert.equal(r.status, 303, `publish case of ${pid}: ${r.status} ${strip(r.text).slice(0, 300)}`);
  return Number(r.location.match(/^\/cases\/(\d+)/)[1]);
}

// The search page for q (and filters) as this client sees it.
async function search(c, q, filters = '') {
  const r = await c.get('/search?q=' + encodeURIComponent(q) + filters);
  assert.equal(r.status, 200, `search "${q}"${filters}`);
  return r.text;
}
// The <section> of the page with this heading id (hits-cases, hits-projects, hits-guide), or null.
function section(html, id) {
  const i = html.indexOf(`<section aria-labelledby="${id}">`);
  return i < 0 ? null : html.slice(i, html.indexOf('</section>', i));
}
// The links of a section's results: ["case:3", "project:2", "item:2/7", …], sorted.
function hits(html, id) {
  const s = section(html, id);
  if (s === null) return null;
  const out = [];
  for (const m of s.matchAll(/<a class="ds-link varde-result-title" href="([^"]+)"/g)) {
    const h = m[1];
    let x;
    if ((x = h.match(/^\/cases\/(\d+)$/))) out.push(`case:${x[1]}`);
    else if ((x = h.match(/^\/projects\/(\d+)\/items\/(\d+)$/))) out.push(`item:${x[1]}/${x[2]}`);
    else if ((x = h.match(/^\/projects\/(\d+)$/))) out.push(`project:${x[1]}`);
    else out.push(h);
  }
  return out.sort();
}
const headCount = (html, id) => { const s = section(html, id); const m = s && s.match(/\((\d+)\)<\/h2>/); return m ? Number(m[1]) : null; };
const C = id => `case:${id}`, PR = id => `project:${id}`, IT = (pid, id) => `item:${pid}/${id}`;
const sorted = a => [...a].sort();

before(async () => {
  v = await startVarde();
  adm = await v.admin();
  orgA = await makeOrg(adm, { name: 'Aheim kommune', kommunenr: '1804' });
  orgB = await makeOrg(adm, { name: 'Bby kommune', kommunenr: '1836' });
  orgC = await makeOrg(adm, { name: 'Cdal kommune', kommunenr: '1840' });
  orgD = await makeOrg(adm, { name: 'Dvik kommune', kommunenr: '5501' });
  const mk = async (email, name, org, role = 'member') => {
    const c = english(await makeUser(v, adm, { email, name, org, role, password: PW }));
    await c.get('/dashboard');
    return c;
  };
  lead = await mk('lead@a.no', 'Lea Leder', orgA);
  orgAdmin = await mk('admin@a.no', 'Anne Admin', orgA, 'admin');
  team = await mk('team@a.no', 'Tore Team', orgA);
  member = await mk('m@a.no', 'Mona Medlem', orgA);
  netB = await makeUser(v, adm, { email: 'n@b.no', name: 'Nina Nett', org: orgB, password: PW }).then(english);
  const cAdmin = await mk('admin@c.no', 'Cato Admin', orgC, 'admin');
  coach = await mk('coach@c.no', 'Coco Coach', orgC);
  outsider = await mk('o@d.no', 'Otto Utenfor', orgD);
  anon = english(v.client());

  // Projects of A. P: health, with Nordic words and the team's items. T:
  // team-only. X: schools, moved on to the insight phase. Y: shared with the
  // network, its case for the networks. Z: words that look like P's without
  // the Nordic letters. U: "skål" too, but never shared.
  P = await newProject(lead, orgA, 'Hjemmetjenesten', 'Brukerne bør få svar raskere. En skål for innovasjonen!',
    { goals: 'Kortere ventetid' });
  assert.equal((await post(lead, `/projects/${P}/team`, { email: 'team@a.no', role: 'member' })).status, 303);
  T = await newProject(lead, orgA, 'Hemmelig skål', 'Bare for teamet', { visibility: 'team' });
  X = await newProject(lead, orgA, 'Skolefrokost', 'En skål med havregryn til alle elever', { area: 'schools' });
  assert.equal((await post(lead, `/projects/${X}/phases/forankring/gate`, { decision: 'continue', reason: 'Klart' })).status, 303);
  Y = await newProject(lead, orgA, 'Nettverkssak', 'Vi deler en skål med nettverket');
  Z = await newProject(lead, orgA, 'Vi skal bo hjemme', 'Hvor bor brukerne? Vi skal finne ut av det.', { area: 'schools' });
  U = await newProject(lead, orgA, 'Udelt skål', 'Ikke delt med noen <script>alert("skål")</script>');
  items.benefit = await item(lead, P, 'benefit', { name: 'Spart tid i hjemmetjenesten', type: 'saved-time' });
  items.benefitPii = await item(lead, P, 'benefit', { name: 'Ring 41234567 om skålgevinsten', type: 'quality' }, { pii_ok: '1' });
  items.insight = await item(lead, P, 'insight', { headline: 'Skålende innsikt fra brukerne' });
  items.researchPii = await item(lead, P, 'research', { title: 'Intervju skål 91234567', method: 'interview' }, { pii_ok: '1' });
  items.script = await item(lead, P, 'idea', { title: 'Skål <img src=x onerror=alert(1)>' });
  // The network, owned by C, with A and B as members; P and Y shared; Coco coaches.
  let r = await post(cAdmin, '/networks', { name: 'Skålnettverket', description: '', owner: String(orgC), start: '', end: '' });
  assert.equal(r.status, 303);
  const N = Number(r.location.match(/\d+$/)[0]);
  for (const org of [orgA, orgB]) assert.equal((await post(cAdmin, `/networks/${N}/orgs`, { org: String(org), role: 'pilot' })).status, 303);
  assert.equal((await post(cAdmin, `/networks/${N}/people`, { email: 'coach@c.no', role: 'coach' })).status, 303);
  for (const pid of [P, Y]) assert.equal((await post(orgAdmin, `/projects/${pid}/shares`, { network: String(N) })).status, 303);
  // The cases: P's and Z's for everyone, Y's for the networks.
  caseP = await publish(lead, P, { title: 'Raskere svar med innovasjon', challenge: 'Vi løftet en skål da ventetiden falt.',
    what: 'Tjenesten bør bli enklere. Vi testet innovasjonen med brukerne.', results: 'Halvert ventetid',
    lessons: 'Pass på <script>alert("skål")</script> i skjemaene', audience: 'public' });
  caseZ = await publish(lead, Z, { title: 'Hvor bor brukerne', challenge: 'Vi skal kartlegge hvor brukerne bor.', what: 'Kart', audience: 'public' });
  caseY = await publish(lead, Y, { title: 'Nettverkssaken', challenge: 'En skål for samarbeidet i nettverket', what: 'Deling', audience: 'networks' });
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('Nordic letters stay apart: "skål" is not "skal", "bør" is not "bor"; case is folded', async () => {
  for (const [q, cases] of [['skål', [caseP]], ['SKÅL', [caseP]], ['Skål', [caseP]], ['skal', [caseZ]], ['bør', [caseP]], ['BØR', [caseP]],
    ['bor', [caseZ]], ['ø', []], ['skaal', []]])
    assert.deepEqual(hits(await search(anon, q), 'hits-cases'), cases.map(C).sort(), `anonymous "${q}"`);
  // The projects a member reads, and their items.
  const mine = async q => hits(await search(member, q), 'hits-projects');
  assert.deepEqual(await mine('skål'), sorted([PR(P), PR(X), PR(Y), PR(U), IT(P, items.insight), IT(P, items.script)]), 'skål');
  assert.deepEqual(await mine('skal'), [PR(Z)], 'skal');
  assert.deepEqual(await mine('bør'), [PR(P)], 'bør');
  assert.deepEqual(await mine('bor'), [PR(Z)], 'bor');
  assert.deepEqual(await mine('Skålende'), [IT(P, items.insight)], 'an item title');
  // Words are whole-word or prefix matches, never infix.
  assert.deepEqual(await mine('kål'), [], 'not inside a word');
});

test('a word matches as a prefix: "innovasj" finds "innovasjon" and "innovasjonen"', async () => {
  const page = await search(anon, 'innovasj');
  assert.deepEqual(hits(page, 'hits-cases'), [C(caseP)]);
  assert.match(section(page, 'hits-cases'), /<mark>innovasjonen<\/mark>/i, 'the match is marked');
  // The guide is searched in the reader's language: Norwegian here.
  const nb = await search(v.client(), 'innovasj');
  assert.ok(headCount(nb, 'hits-guide') > 0, 'the guide has hits for "innovasj"');
  assert.match(section(nb, 'hits-guide'), /<mark>innovasjon/i);
  assert.deepEqual(hits(nb, 'hits-cases'), [C(caseP)]);
  assert.deepEqual(hits(await search(member, 'innovasj'), 'hits-projects'), [PR(P)]);
  assert.deepEqual(hits(await search(member, 'hjemmetj'), 'hits-projects'), sorted([PR(P), IT(P, items.benefit)]), 'a title and an item');
  // Every word must occur.
  assert.deepEqual(hits(await search(anon, 'innovasj ventetiden'), 'hits-cases'), [C(caseP)]);
  assert.deepEqual(hits(await search(anon, 'innovasj kart'), 'hits-cases'), []);
  // The guide matches the same way: "skal" does not mark "skål".
  const guide = section(await search(anon, 'skal'), 'hits-guide');
  assert.doesNotMatch(guide, /<mark>skål/i);
});

test('filters: phase, service area and type of benefit, for cases and projects', async () => {
  // Cases carry the project's phase, area and benefit types as published.
  assert.deepEqual(hits(await search(anon, 'skål', '&phase=forankring'), 'hits-cases'), [C(caseP)]);
  assert.deepEqual(hits(await search(anon, 'skål', '&phase=innsikt'), 'hits-cases'), []);
  assert.deepEqual(hits(await search(anon, 'skål', '&area=health'), 'hits-cases'), [C(caseP)]);
  assert.deepEqual(hits(await search(anon, 'skål', '&area=schools'), 'hits-cases'), []);
  assert.deepEqual(hits(await search(anon, 'skal', '&area=schools'), 'hits-cases'), [C(caseZ)]);
  assert.deepEqual(hits(await search(anon, 'skål', '&type=saved-time'), 'hits-cases'), [C(caseP)]);
  assert.deepEqual(hits(await search(anon, 'skål', '&type=quality'), 'hits-cases'), [], 'the type of a benefit with personal data is not copied');
  // Projects: their phase and area now, and their benefits' types.
  assert.deepEqual(hits(await search(member, 'skål', '&phase=innsikt'), 'hits-projects'), [PR(X)]);
  assert.deepEqual(hits(await search(member, 'skål', '&area=schools'), 'hits-projects'), [PR(X)]);
  assert.deepEqual(hits(await search(member, 'skål', '&area=health&phase=forankring'), 'hits-projects'),
    sorted([PR(P), PR(Y), PR(U), IT(P, items.insight), IT(P, items.script)]));
  assert.deepEqual(hits(await search(member, 'skål', '&type=saved-time'), 'hits-projects'), sorted([PR(P), IT(P, items.insight), IT(P, items.script)]));
  assert.deepEqual(hits(await search(member, 'skål', '&type=avoided-costs'), 'hits-projects'), []);
  // The guide is not searched with an area or type filter, and is with a phase.
  assert.match(section(await search(anon, 'skål', '&area=health'), 'hits-guide'), /not searched when you filter by service area or type of benefit/);
  assert.match(section(await search(anon, 'innovasj', '&phase=innsikt'), 'hits-guide'), /\(\d+\)<\/h2>/);
  // Unknown filter values are ignored, not errors.
  assert.deepEqual(hits(await search(anon, 'skål', '&phase=nope&area=%27&type=%25'), 'hits-cases'), [C(caseP)]);
  // The chosen filters stay selected.
  const page = await search(anon, 'skål', '&area=schools&type=saved-time');
  assert.match(page, /<option value="schools" selected>/);
  assert.match(page, /<option value="saved-time" selected>/);
});

test('snippets mark the matches, and user text is escaped: no markup from a case, a project or an item gets through', async () => {
  const cases = section(await search(anon, 'skjemaene'), 'hits-cases');
  assert.match(cases, /<mark>skjemaene<\/mark>/);
  assert.match(cases, /alert\(&quot;skål&quot;\)/, 'the quotes of the case text are escaped');
  const page = await search(member, 'skål');
  const projects = section(page, 'hits-projects');
  assert.match(projects, /title" href="\/projects\/\d+\/items\/\d+">Skål &lt;img src=x onerror=alert\(1\)&gt;<\/a>/, 'the item title is escaped');
  // SQLite's snippet() keeps the text as written, escaped; PostgreSQL's
  // ts_headline leaves out what its parser takes for HTML tags (reported:
  // the snippet then differs between the databases). Either way no markup.
  if (v.db.kind === 'sqlite') {
    assert.match(cases, /&lt;script&gt;alert\(&quot;skål&quot;\)&lt;\/script&gt;/, 'the case text is escaped');
    assert.match(projects, /&lt;script&gt;alert/, 'the project text is escaped');
  }
  for (const html of [cases, projects, section(page, 'hits-cases')]) {
    assert.doesNotMatch(html, /<script|<img|onerror=alert\(1\)>/i);
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map(m => m[1].toLowerCase());
    assert.deepEqual([...new Set(tags)].filter(t => !['section', 'h2', 'ul', 'li', 'a', 'p', 'mark'].includes(t)), [], 'only our own tags');
  }
  // The query is echoed escaped, and a query of markup finds nothing and breaks nothing.
  const q = await search(anon, '<script>alert(1)</script>');
  assert.match(q, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.doesNotMatch(q.slice(q.indexOf('<main')), /<script/);
  // Query syntax of either database is just words.
  for (const hostile of ['"skål" OR bor*', 'title:skål', 'skål NOT)(', "'skål':* | bor", 'NEAR(skål bor)', '*', '"', "'", '\\', 'skål & !bør',
    'a'.repeat(500), 'ø'.repeat(300), '\u0000skål', '%', '_'])
    assert.equal((await anon.get('/search?q=' + encodeURIComponent(hostile))).status, 200, `q=${hostile.slice(0, 20)}`);
  assert.deepEqual(hits(await search(anon, '"skål" OR bor*'), 'hits-cases'), [], 'OR is a word too: all three must occur');
  assert.deepEqual(hits(await search(anon, 'title:skål'), 'hits-cases'), [], '"title" is a word, not a column');
  assert.match(await search(anon, '!!! ***'), /Type one or more words of letters or digits\./);
});

test('who finds what: anonymous the public cases and the guide; projects for those who may read them; personal data only for the team', async () => {
  // Anonymous: the public cases, the guide; no project section.
  let page = await search(anon, 'skål');
  assert.deepEqual(hits(page, 'hits-cases'), [C(caseP)], 'not the networks case');
  assert.equal(section(page, 'hits-projects'), null, 'no project section');
  assert.notEqual(section(page, 'hits-guide'), null, 'the guide is searched');
  // The networks case: the organisation and the network's members and people.
  for (const [who, c, sees] of [['member', member, true], ['netB', netB, true], ['coach', coach, true], ['outsider', outsider, false]])
    assert.equal(hits(await search(c, 'samarbeidet'), 'hits-cases').includes(C(caseY)), sees, `${who}: the networks case`);
  // Projects: the organisation reads its projects, the team-only one only the
  // team and the admins; items with personal data only the team.
  const skaal = async c => hits(await search(c, 'skål'), 'hits-projects');
  const open = [PR(P), PR(X), PR(Y), PR(U), IT(P, items.insight), IT(P, items.script)];
  assert.deepEqual(await skaal(member), sorted(open), 'an org member');
  assert.deepEqual(await skaal(orgAdmin), sorted([...open, PR(T)]), 'the org admin (not on the team): the team-only project, no personal data');
  assert.deepEqual(await skaal(team), sorted([...open, IT(P, items.researchPii), IT(P, items.benefitPii)]), 'the team: the items with personal data');
  assert.deepEqual(await skaal(lead), sorted([...open, PR(T), IT(P, items.researchPii), IT(P, items.benefitPii)]), 'the project\'s owner');
  // The network's coach: the shared projects and their items without personal data; nothing else.
  assert.deepEqual(await skaal(coach), sorted([PR(P), PR(Y), IT(P, items.insight), IT(P, items.script)]), 'the coach');
  // Members of another organisation, even one in the network: none of A's projects.
  assert.deepEqual(await skaal(netB), [], 'a member of a member organisation');
  assert.deepEqual(await skaal(outsider), [], 'an outsider');
  // The personal data itself never appears outside the team.
  for (const [who, c] of Object.entries({ member, orgAdmin, coach, netB, outsider, anon })) {
    page = await search(c, 'skål');
    const results = ['hits-cases', 'hits-projects', 'hits-guide'].map(id => section(page, id) || '').join('');
    assert.doesNotMatch(results, /91234567|41234567|Intervju skål/, `${who}: no personal data`);
    for (const q of ['91234567', '41234567', 'intervju', 'ring'])
      assert.doesNotMatch(await search(c, q), /varde-result-title" href="\/projects\/\d+\/items\//, `${who} "${q}": no item`);
  }
  assert.ok(hits(await search(team, '91234567'), 'hits-projects').includes(IT(P, items.researchPii)), 'the team finds it by the number');
});

test('the index follows changes: a new title is found, a withdrawn case and a deleted item are not', async () => {
  const fresh = await item(lead, P, 'insight', { headline: 'Fjordkraft som metafor' });
  assert.deepEqual(hits(await search(member, 'fjordkraft'), 'hits-projects'), [IT(P, fresh)]);
  const rev = (await lead.get(`/projects/${P}/items/${fresh}/edit`)).text.match(/name="rev" value="(\d+)"/)[1];
  assert.equal((await post(lead, `/projects/${P}/items/${fresh}`, { rev, 'f-headline': 'Havkraft som metafor' })).status, 303);
  assert.deepEqual(hits(await search(member, 'fjordkraft'), 'hits-projects'), []);
  assert.deepEqual(hits(await search(member, 'havkraft'), 'hits-projects'), [IT(P, fresh)]);
  assert.equal((await post(lead, `/projects/${P}/items/${fresh}/delete`)).status, 303);
  assert.deepEqual(hits(await search(member, 'havkraft'), 'hits-projects'), [], 'a deleted item');
  assert.equal((await post(lead, `/projects/${Z}/case/withdraw`)).status, 303);
  assert.deepEqual(hits(await search(anon, 'skal'), 'hits-cases'), [], 'a withdrawn case');
  assert.deepEqual(hits(await search(member, 'skal'), 'hits-cases'), [], 'not even for its organisation');
  assert.doesNotMatch(v.stderr(), /db:|error/i, 'no database errors');
});
