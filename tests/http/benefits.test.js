// benefits.test.js — benefit realisation (issue 6) over HTTP: who sees and
// measures a benefit (the owner outside the team sees that benefit and
// nothing else of the project; other organisations see nothing; observers
// read only), numbers and dates as Norwegian and international users type
// them, the paste import with its preview, the CSV export and its round trip
// through the import, KS's calculators and the organisation's hourly cost,
// progress (on track, behind, next due, overdue) and its edge cases, closed
// projects, the project's benefit realisation plan, the organisation's
// overview, the dashboard's measurements due, and own benefit types.
//
// Every client uses the English UI (the varde_lang cookie), so the words
// matched are the msgids of the source, not translations that may change.
// Dates are chosen relative to today (the server's local date, which is this
// process's local date too), so the expectations do not rot. The expected
// values come from the issue, the rules in src/app/authz.c and the contract
// in src/benefit/benefit.h; what is stored is checked with sql().
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser, setPassword, linkFrom } = require('../lib/varde');

const PW = 'et langt og godt passord';
const NBSP = '\u00a0';

let v, adm, orgA, orgB, orgS;
let leader, member, observer, orgMember, orgAdmin, owner, owner2, otherMember, otherAdmin;
let uid = {}; // user ids by e-mail
let P, Q, B1, B2, BQ; // P: team-only project of org A (B1 owned by `owner`, B2 by `owner2`); Q: org-visible (BQ owned by `owner`)

// ---- helpers ---------------------------------------------------------------------
const english = c => { c.cookies.set('varde_lang', 'en'); return c; };
// A form body; array values become repeated names (drop=2&drop=3).
function formBody(c, obj) {
  const body = new URLSearchParams();
  for (const [k, val] of Object.entries(obj)) {
    if (Array.isArray(val)) for (const x of val) body.append(k, String(x));
    else if (val !== undefined) body.append(k, String(val));
  }
  if (c.csrf && !body.has('csrf')) body.append('csrf', c.csrf);
  return body.toString();
}
// POST as the page's form would, after fetching a page for its CSRF token.
async function post(c, p, obj = {}, from = '/account') {
  await c.get(from);
  return c.request('POST', p, { body: formBody(c, obj), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
async function postFile(c, p, fields, data, name = 'maalinger.csv') {
  await c.get('/account');
  return c.postMultipart(p, fields, { field: 'file', name, data });
}
// The raw bytes of a response (fetch's text() drops a byte-order mark).
async function bytes(c, p) {
  const r = await fetch(v.base + p, { headers: { cookie: c.cookieHeader() }, redirect: 'manual' });
  return { status: r.status, headers: r.headers, buf: Buffer.from(await r.arrayBuffer()) };
}
const count = q => Number(v.sql(q));
const sp = s => s.replace(/\u00a0/g, ' ');
const strip = s => sp(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
const mainOf = t => t.slice(t.indexOf('<main'), t.indexOf('</main>'));

// Local calendar days, as the server's reg_today() sees them.
const isoOf = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
function day(offset) { const d = new Date(); d.setHours(12, 0, 0, 0); d.setDate(d.getDate() + offset); return isoOf(d); }
// The contract's month arithmetic: kept in the last day of a shorter month.
function addMonths(iso, k) {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(y, m - 1 + k, 1, 12);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0, 12).getDate();
  first.setDate(Math.min(d, last));
  return isoOf(first);
}
const nbDate = iso => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const timeTag = iso => `<time datetime="${iso}">${nbDate(iso)}</time>`;

// Store reads (to show what was or was not stored).
const VALUE = () => (v.db.kind === 'pg' ? 'value::text' : "printf('%.17g', value)");
const measurementsOf = iid => v.sql(`SELECT day || '|' || ${VALUE()} || '|' || comment || '|' || unit FROM measurements WHERE indicator_id = ${iid} ORDER BY day`);
const nMeasurements = iid => count(`SELECT count(*) FROM measurements WHERE indicator_id = ${iid}`);
const valueOn = (iid, iso) => Number(v.sql(`SELECT value FROM measurements WHERE indicator_id = ${iid} AND day = '${iso}'`));
const benefitState = () => [
  'SELECT count(*) FROM benefits', 'SELECT count(*) FROM register_items', 'SELECT count(*) FROM indicators',
  'SELECT count(*) FROM indicator_targets', 'SELECT count(*) FROM measurements', 'SELECT count(*) FROM benefit_calculations',
  'SELECT count(*) FROM org_benefit_types', 'SELECT count(hourly_cost) FROM orgs', 'SELECT coalesce(sum(hourly_cost), 0) FROM orgs',
  "SELECT coalesce(max(name || '|' || unit || '|' || coalesce(baseline_date, '') || '|' || coalesce(target_date, '')), '') FROM indicators",
  'SELECT count(*) FROM indicators WHERE deleted_at IS NOT NULL',
].map(q => v.sql(q)).join(' / ');

// The rows of the table with this caption, each as its cells' HTML.
function tableRows(html, caption) {
  const i = html.indexOf(`<caption>${caption}</caption>`);
  if (i < 0) return null;
  const body = html.slice(i, html.indexOf('</table>', i));
  const tbody = body.slice(body.indexOf('<tbody>'), body.indexOf('</tbody>'));
  return [...tbody.matchAll(/<tr>([^]*?)<\/tr>/g)].map(m => [...m[1].matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/g)].map(x => x[1]));
}
const textRows = (html, caption) => (tableRows(html, caption) || []).map(r => r.map(strip));
// One indicator's section of the benefit page, and its progress box.
function indicatorSection(html, iid) {
  const i = html.indexOf(`<section class="varde-indicator" id="indicator-${iid}"`);
  assert.ok(i >= 0, `indicator ${iid} is on the page`);
  return html.slice(i, html.indexOf('</section>', i));
}
function progressBox(html, iid) {
  const m = indicatorSection(html, iid).match(/<div class="varde-progress-box">([^]*?)<\/div>/);
  assert.ok(m, `indicator ${iid} has a progress box`);
  return m[1];
}
const statusTag = box => box.match(/<span class="ds-tag" data-color="[a-z]+">([^<]*)<\/span>/)[1];

async function newProject(c, org, title, visibility = 'org', team = []) {
  await c.get('/projects/new');
  const r = await c.post('/projects', { org: String(org), title, challenge: 'Innbyggerne venter for lenge.', goals: 'Raskere svar',
    area: 'health', methodology: 'veikart', start: '2026-01-05', end: '', visibility });
  assert.equal(r.status, 303, `create project ${title}`);
  const id = Number(r.location.match(/^\/projects\/(\d+)$/)[1]);
  for (const [email, role] of team)
    assert.equal((await post(c, `/projects/${id}/team`, { email, role })).status, 303, `add ${email} to ${title}`);
  return id;
}
// A benefit (register item) with an owner (a user id, or '' for none).
async function createBenefit(c, pid, fields, ownerId = '') {
  const form = { rev: '0', owner: String(ownerId) };
  for (const [k, val] of Object.entries(fields)) form[`f-${k}`] = val;
  return post(c, `/projects/${pid}/registers/benefit`, form);
}
async function newBenefit(c, pid, fields, ownerId = '') {
  const r = await createBenefit(c, pid, fields, ownerId);
  assert.equal(r.status, 303, `create benefit: ${r.status} ${strip(mainOf(r.text || '')).slice(0, 300)}`);
  return Number(r.location.match(/^\/projects\/\d+\/items\/(\d+)\?saved=1$/)[1]);
}
const indicatorForm = f => ({ name: 'Indikator', unit: 'calls', direction: 'higher', frequency: 'monthly', source: '', method: '',
  baseline: '', baseline_date: '', baseline_how: '', target: '', target_date: '', mid_rows: '0', ...f });
async function newIndicator(c, bid, f = {}) {
  const r = await post(c, `/benefits/${bid}/indicators`, indicatorForm(f));
  assert.equal(r.status, 303, `create indicator: ${r.status} ${strip(mainOf(r.text || '')).slice(0, 400)}`);
  const m = r.location.match(/^\/benefits\/(\d+)\?saved=1#indicator-(\d+)$/);
  assert.ok(m && Number(m[1]) === bid, r.location);
  return Number(m[2]);
}
const measure = (c, bid, iid, date, value, comment = '') =>
  post(c, `/benefits/${bid}/indicators/${iid}/measurements`, { date, value, comment });
async function measured(c, bid, iid, date, value, comment = '') {
  const r = await measure(c, bid, iid, date, value, comment);
  assert.equal(r.status, 303, `measurement ${date} ${value}: ${r.status} ${strip(mainOf(r.text || '')).slice(0, 200)}`);
  assert.equal(r.location, `/benefits/${bid}?measured=1#indicator-${iid}`);
}
const importText = (c, bid, iid, data, action = 'preview', drop = []) =>
  post(c, `/benefits/${bid}/indicators/${iid}/import`, { data, action, drop });
const calculate = (c, bid, form) => post(c, `/benefits/${bid}/calculation`, form);
const latestCalc = bid => v.sql(`SELECT kind || '|' || yearly_value FROM benefit_calculations WHERE benefit_id = ${bid} ORDER BY id DESC LIMIT 1`);
const nCalcs = bid => count(`SELECT count(*) FROM benefit_calculations WHERE benefit_id = ${bid}`);

before(async () => {
  v = await startVarde();
  adm = await v.admin();
  orgA = await makeOrg(adm, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  orgB = await makeOrg(adm, { name: 'Rødøy kommune', kommunenr: '1836' });
  orgS = await makeOrg(adm, { name: 'Saltdal kommune', kommunenr: '1840' });
  const mk = async (email, name, org, role = 'member') => {
    const c = english(await makeUser(v, adm, { email, name, org, role, password: PW }));
    uid[email] = Number(v.sql(`SELECT id FROM users WHERE email = '${email}'`));
    return c;
  };
  leader = await mk('leder@bodo.no', 'Lise Leder', orgA);
  member = await mk('medlem@bodo.no', 'Mette Medlem', orgA);
  observer = await mk('obs@bodo.no', 'Ola Observatør', orgA);
  orgMember = await mk('ansatt@bodo.no', 'Arne Ansatt', orgA);
  orgAdmin = await mk('admin@bodo.no', 'Anne Admin', orgA, 'admin');
  owner = await mk('eier@bodo.no', 'Olav Gevinsteier', orgA);
  owner2 = await mk('eier2@bodo.no', 'Oda Eiersen', orgA);
  otherMember = await mk('medlem@rodoy.no', 'Rolf Rødøy', orgB);
  otherAdmin = await mk('admin@rodoy.no', 'Randi Rødøy', orgB, 'admin');
  const team = [['medlem@bodo.no', 'member'], ['obs@bodo.no', 'observer']];
  P = await newProject(leader, orgA, 'Lukket barnevernsprosjekt', 'team', team);
  Q = await newProject(leader, orgA, 'Raskere byggesak', 'org', team);
  B1 = await newBenefit(leader, P, { name: 'Kortere ventetid', type: 'saved-time', goal: 'Raskere hjelp', status: 'planned' }, uid['eier@bodo.no']);
  B2 = await newBenefit(leader, P, { name: 'Færre klager', type: 'quality', goal: 'Bedre tjenester' }, uid['eier2@bodo.no']);
  BQ = await newBenefit(leader, Q, { name: 'Færre telefoner', type: 'avoided-costs', goal: 'Raskere svar' }, uid['eier@bodo.no']);
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

// ---- who sees and measures ------------------------------------------------------------
test('a benefit owner outside the team sees and measures that benefit, and nothing else of the project', async () => {
  // Yes: the benefit, its indicators, measurements, import, export, calculation.
  const page = await owner.get(`/benefits/${B1}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Kortere ventetid/);
  assert.match(page.text, /<dt>Benefit owner<\/dt><dd>Olav Gevinsteier<\/dd>/);
  assert.ok(!page.text.includes(`href="/projects/${P}`), 'no link into the project');
  assert.ok(!page.text.includes('Færre klager'), 'not the project\'s other benefit');
  assert.match(page.text, new RegExp(`href="/benefits/${B1}/indicators/new"`), 'offered to add an indicator');
  assert.equal((await owner.get(`/benefits/${B1}/indicators/new`)).status, 200);
  const iid = await newIndicator(owner, B1, { name: 'Ventetid', unit: 'days', direction: 'lower', baseline: '30', baseline_date: day(-60),
    target: '10', target_date: day(300) });
  assert.equal((await owner.get(`/benefits/${B1}/indicators/${iid}/edit`)).status, 200);
  const edit = await post(owner, `/benefits/${B1}/indicators/${iid}`, indicatorForm({ name: 'Ventetid i dager', unit: 'days', direction: 'lower',
    baseline: '30', baseline_date: day(-60), target: '10', target_date: day(300) }));
  assert.equal(edit.status, 303);
  assert.equal(v.sql(`SELECT name FROM indicators WHERE id = ${iid}`), 'Ventetid i dager');
  await measured(owner, B1, iid, day(-30), '25', 'Første måling');
  assert.equal((await owner.get(`/benefits/${B1}/indicators/${iid}/import`)).status, 200);
  assert.equal((await importText(owner, B1, iid, `${day(-20)}\t24\n`)).status, 200);
  assert.equal((await importText(owner, B1, iid, `${day(-20)}\t24\n`, 'save')).status, 303);
  const csv = await owner.get(`/benefits/${B1}/indicators/${iid}/export`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /Første måling/);
  const calc = await calculate(owner, B1, { kind: 'avoided-cost', cost_per_task: '500', tasks_avoided: '10' });
  assert.equal(calc.status, 303);
  assert.equal(latestCalc(B1).split('|')[0], 'avoided-cost');
  assert.equal(Number(latestCalc(B1).split('|')[1]), 5000);
  const mid = v.sql(`SELECT id FROM measurements WHERE indicator_id = ${iid} AND day = '${day(-20)}'`);
  assert.equal((await post(owner, `/benefits/${B1}/indicators/${iid}/measurements/${mid}/delete`)).status, 303);
  assert.equal(nMeasurements(iid), 1);

  // No: the project, its tools, registers, items, chain, plan; the other benefit.
  const other = await newIndicator(leader, B2, { name: 'Klager', unit: 'klager' });
  await measured(leader, B2, other, day(-5), '3');
  const hidden = [`/projects/${P}`, `/projects/${P}/tools/prosjektpresentasjon`, `/projects/${P}/registers`,
    `/projects/${P}/registers/benefit`, `/projects/${P}/registers/benefit/new`, `/projects/${P}/items/${B1}`,
    `/projects/${P}/items/${B1}/edit`, `/projects/${P}/items/${B1}/history`, `/projects/${P}/chain`, `/projects/${P}/benefits`,
    `/benefits/${B2}`, `/benefits/${B2}/indicators/new`, `/benefits/${B2}/indicators/${other}/edit`,
    `/benefits/${B2}/indicators/${other}/import`, `/benefits/${B2}/indicators/${other}/export`,
    // B2's indicator through B1 (the owner's own benefit)
    `/benefits/${B1}/indicators/${other}/edit`, `/benefits/${B1}/indicators/${other}/import`, `/benefits/${B1}/indicators/${other}/export`];
  for (const p of hidden) {
    const r = await owner.get(p);
    assert.equal(r.status, 404, `owner GET ${p}`);
    assert.ok(!r.text.includes('Færre klager'), `${p} does not name the other benefit`);
  }
  const before = benefitState();
  const refused = [
    [`/benefits/${B2}/indicators`, indicatorForm({ name: 'Kapret' })],
    [`/benefits/${B2}/indicators/${other}`, indicatorForm({ name: 'Kapret' })],
    [`/benefits/${B2}/indicators/${other}/measurements`, { date: day(-1), value: '1' }],
    [`/benefits/${B2}/indicators/${other}/import`, { data: `${day(-2)};1`, action: 'save' }],
    [`/benefits/${B2}/calculation`, { kind: 'avoided-cost', cost_per_task: '1', tasks_avoided: '1' }],
    [`/benefits/${B2}/indicators/${other}/measurements/${v.sql(`SELECT id FROM measurements WHERE indicator_id = ${other}`)}/delete`, {}],
    [`/benefits/${B1}/indicators/${other}/measurements`, { date: day(-1), value: '1' }],
    [`/benefits/${B1}/indicators/${other}`, indicatorForm({ name: 'Kapret' })],
    [`/benefits/${B1}/indicators/${other}/import`, { data: `${day(-2)};1`, action: 'save' }],
    [`/projects/${P}/registers/benefit`, { rev: '0', 'f-name': 'Ny gevinst fra eieren' }],
    [`/projects/${P}/items/${B1}`, { rev: '1', 'f-name': 'Omdøpt av eieren' }],
    [`/projects/${P}/comments`, { body: 'Hei fra eieren' }],
  ];
  for (const [p, form] of refused) assert.equal((await post(owner, p, form)).status, 404, `owner POST ${p}`);
  assert.equal(benefitState(), before, 'nothing stored');
  assert.equal(nMeasurements(other), 1);

  // The dashboard does not list the project.
  const dash = await owner.get('/dashboard');
  assert.ok(!dash.text.includes('Lukket barnevernsprosjekt'), 'the project is not listed');
});

test('other organisations see nothing of a benefit: 404 everywhere, nothing stored', async () => {
  const iid = await newIndicator(leader, BQ, { name: 'Telefoner', unit: 'calls' });
  const i1 = await newIndicator(leader, B1, { name: 'Telefoner i P', unit: 'calls' });
  await measured(leader, BQ, iid, day(-3), '100');
  const mid = v.sql(`SELECT id FROM measurements WHERE indicator_id = ${iid}`);
  const before = benefitState();
  for (const [who, c] of Object.entries({ otherMember, otherAdmin })) {
    for (const b of [B1, BQ]) {
      const ind = b === BQ ? iid : i1;
      for (const p of [`/benefits/${b}`, `/benefits/${b}/indicators/new`, `/benefits/${b}/indicators/${ind}/edit`,
        `/benefits/${b}/indicators/${ind}/import`, `/benefits/${b}/indicators/${ind}/export`]) {
        const r = await c.get(p);
        assert.equal(r.status, 404, `${who} GET ${p}`);
        assert.ok(!/Kortere ventetid|Færre telefoner/.test(r.text), `${who} ${p}: no title`);
      }
      for (const [p, form] of [[`/benefits/${b}/indicators`, indicatorForm({ name: 'Fremmed' })],
        [`/benefits/${b}/indicators/${ind}`, indicatorForm({ name: 'Fremmed' })],
        [`/benefits/${b}/indicators/${ind}/measurements`, { date: day(-1), value: '1' }],
        [`/benefits/${b}/indicators/${ind}/import`, { data: `${day(-2)};1`, action: 'save' }],
        [`/benefits/${b}/calculation`, { kind: 'avoided-cost', cost_per_task: '1', tasks_avoided: '1' }]])
        assert.equal((await post(c, p, form)).status, 404, `${who} POST ${p}`);
    }
    assert.equal((await post(c, `/benefits/${BQ}/indicators/${iid}/measurements/${mid}/delete`)).status, 404, `${who} deletes`);
    for (const p of [`/projects/${P}/benefits`, `/projects/${Q}/benefits`, `/orgs/${orgA}/benefits`])
      assert.equal((await c.get(p)).status, 404, `${who} GET ${p}`);
    assert.equal((await post(c, `/orgs/${orgA}/benefits/settings`, { hourly_cost: '1', type: 'Fremmed type' })).status, 404, `${who} settings`);
  }
  // Nor the operator, who does not read projects.
  assert.equal((await adm.get(`/benefits/${BQ}`)).status, 404);
  assert.equal((await adm.get(`/orgs/${orgA}/benefits`)).status, 404);
  assert.equal(benefitState(), before, 'nothing stored');
  // The other organisation's own overview does not list org A's benefits.
  const theirs = await otherAdmin.get(`/orgs/${orgB}/benefits`);
  assert.equal(theirs.status, 200);
  assert.ok(!/Kortere ventetid|Færre telefoner|Færre klager/.test(theirs.text));
});

test('observers, and org members outside the team, read a benefit but cannot measure (403)', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Saksbehandlingstid', unit: 'days' });
  await measured(member, BQ, iid, day(-4), '12');
  const mid = v.sql(`SELECT id FROM measurements WHERE indicator_id = ${iid}`);
  const before = benefitState();
  for (const [who, c] of Object.entries({ observer, orgMember, orgAdmin })) {
    const page = await c.get(`/benefits/${BQ}`);
    assert.equal(page.status, 200, `${who} reads the benefit`);
    assert.ok(!page.text.includes(`action="/benefits/${BQ}/indicators/${iid}/measurements"`), `${who} gets no measurement form`);
    assert.ok(!page.text.includes(`/benefits/${BQ}/indicators/new"`), `${who} is not offered a new indicator`);
    assert.ok(!page.text.includes(`action="/benefits/${BQ}/calculation"`), `${who} gets no calculator`);
    assert.ok(page.text.includes(`href="/benefits/${BQ}/indicators/${iid}/export"`), `${who} may download the CSV`);
    assert.equal((await c.get(`/benefits/${BQ}/indicators/${iid}/export`)).status, 200, `${who} exports`);
    assert.equal((await c.get(`/projects/${Q}/benefits`)).status, 200, `${who} reads the plan`);
    for (const p of [`/benefits/${BQ}/indicators/new`, `/benefits/${BQ}/indicators/${iid}/edit`, `/benefits/${BQ}/indicators/${iid}/import`])
      assert.equal((await c.get(p)).status, 403, `${who} GET ${p}`);
    for (const [p, form] of [[`/benefits/${BQ}/indicators`, indicatorForm({ name: `Fra ${who}` })],
      [`/benefits/${BQ}/indicators/${iid}`, indicatorForm({ name: `Fra ${who}` })],
      [`/benefits/${BQ}/indicators/${iid}/measurements`, { date: day(-1), value: '1' }],
      [`/benefits/${BQ}/indicators/${iid}/measurements/${mid}/delete`, {}],
      [`/benefits/${BQ}/indicators/${iid}/import`, { data: `${day(-2)};1`, action: 'save' }],
      [`/benefits/${BQ}/indicators/${iid}/import`, { data: `${day(-2)};1`, action: 'preview' }],
      [`/benefits/${BQ}/calculation`, { kind: 'avoided-cost', cost_per_task: '1', tasks_avoided: '1' }]])
      assert.equal((await post(c, p, form)).status, 403, `${who} POST ${p}`);
  }
  // In the team-only project the observer (on the team) reads and the org
  // member (outside it) finds nothing; the org admin reads.
  assert.equal((await observer.get(`/benefits/${B1}`)).status, 200);
  assert.equal((await orgAdmin.get(`/benefits/${B1}`)).status, 200);
  assert.equal((await orgMember.get(`/benefits/${B1}`)).status, 404);
  assert.equal((await post(orgMember, `/benefits/${B1}/indicators`, indicatorForm({ name: 'x' }))).status, 404);
  assert.equal((await post(observer, `/benefits/${B1}/indicators`, indicatorForm({ name: 'x' }))).status, 403);
  assert.equal(benefitState(), before, 'nothing stored');
});

test('the benefit owner is a member of the project\'s organisation', async () => {
  // Someone of another organisation, and an outside partner on the team, are refused.
  const inv = await post(leader, `/projects/${Q}/invite`, { 'invite-email': 'gjest@ntnu.no', 'invite-name': 'Gunn Gjest', 'invite-role': 'member' });
  assert.equal(inv.status, 200);
  await setPassword(v.base, linkFrom(inv.text), PW);
  const guestId = Number(v.sql("SELECT id FROM users WHERE email = 'gjest@ntnu.no'"));
  const stateNow = benefitState();
  for (const id of [uid['medlem@rodoy.no'], guestId, 999999, -1]) {
    const r = await createBenefit(leader, Q, { name: 'Gevinst med feil eier' }, id);
    assert.equal(r.status, 400, `owner ${id}`);
    assert.match(r.text, /Choose a person in the organisation\./);
  }
  assert.equal(benefitState(), stateNow, 'nothing stored');
  // The form offers the organisation's members only.
  const form = await member.get(`/projects/${Q}/registers/benefit/new`);
  const offered = [...form.text.match(/<select[^>]*name="owner"[^>]*>([^]*?)<\/select>/)[1].matchAll(/<option value="(\d+)"/g)].map(m => Number(m[1]));
  assert.ok(offered.includes(uid['eier@bodo.no']));
  assert.ok(!offered.includes(uid['medlem@rodoy.no']), 'not another organisation\'s member');
  assert.ok(!offered.includes(guestId), 'not a guest');
});

// ---- numbers and dates ---------------------------------------------------------------
test('the measurement form reads Norwegian and international numbers and dates, and refuses the rest (400, nothing stored)', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Tall og datoer', unit: 'kr' });
  const good = [
    ['1 234,5', '22.11.2026', 1234.5, '2026-11-22'],
    [`1${NBSP}234,5`, '2026-01-02', 1234.5, '2026-01-02'],
    ['1234.5', '03.01.2026', 1234.5, '2026-01-03'],
    ['1.234,5', '4.1.2026', 1234.5, '2026-01-04'],
    ['1,234.5', '2026-01-05', 1234.5, '2026-01-05'],
    ['12 %', '06.01.2026', 12, '2026-01-06'],
    ['-3,2', '2026-01-07', -3.2, '2026-01-07'],
    ['\u22123,2', '2026-01-08', -3.2, '2026-01-08'],
    ['0,5', '29.02.2028', 0.5, '2028-02-29'],
  ];
  for (const [value, date, want, iso] of good) {
    await measured(member, BQ, iid, date, value);
    assert.equal(valueOn(iid, iso), want, `"${value}" on ${date}`);
  }
  const n = nMeasurements(iid);
  const bad = [
    ['12abc', '2026-02-01'], ['1,500', '2026-02-02'], ['1.500', '2026-02-03'], ['1 2 3', '2026-02-04'], ['', '2026-02-05'],
    ['1,2,3', '2026-02-06'], ['1e5', '2026-02-07'], ['NaN', '2026-02-08'], ['12 %%', '2026-02-09'], ['1000000000000000', '2026-02-10'],
    ['5', '2026-02-30'], ['5', '31.04.2026'], ['5', '22.11.26'], ['5', '2026/11/22'], ['5', ''], ['5', '22.13.2026'],
    ['5', '1899-12-31'], ['5', 'i går'], ['5', ' 2026-02-11'], ['5', '29.02.2027'],
  ];
  for (const [value, date] of bad) {
    const r = await measure(member, BQ, iid, date, value);
    assert.equal(r.status, 400, `"${value}" on "${date}" is refused`);
    assert.match(r.text, /Write a number, like 1 234,5 or 12\.|Enter a date like 2026-11-22 or 22\.11\.2026\./);
  }
  assert.equal(nMeasurements(iid), n, 'nothing stored');
  // The page shows the values the Norwegian way.
  const page = await member.get(`/benefits/${BQ}`);
  assert.ok(indicatorSection(page.text, iid).includes(`<td>1${NBSP}234,5 kr</td>`));
  assert.ok(indicatorSection(page.text, iid).includes(`<td>${timeTag('2026-11-22')}</td>`));
});

test('the indicator form reads numbers and dates both ways and refuses bad ones (400, nothing stored)', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Besøk', unit: 'visits', baseline: '1 000', baseline_date: '01.01.2026',
    target: '1 500,5', target_date: '2027-01-01', mid_rows: '2', mid_date_0: '01.07.2026', mid_value_0: '1200.25', mid_date_1: '', mid_value_1: '' });
  assert.equal(v.sql(`SELECT baseline_value || '|' || baseline_date || '|' || target_value || '|' || target_date FROM indicators WHERE id = ${iid}`),
    v.db.kind === 'pg' ? '1000|2026-01-01|1500.5|2027-01-01' : '1000.0|2026-01-01|1500.5|2027-01-01');
  assert.equal(v.sql(`SELECT day || '|' || value FROM indicator_targets WHERE indicator_id = ${iid}`), '2026-07-01|1200.25');
  const pct = await newIndicator(member, BQ, { name: 'Andel digitale', unit: '%', baseline: '12 %', baseline_date: '2026-01-01',
    target: '80 %', target_date: '22.11.2027' });
  assert.equal(v.sql(`SELECT baseline_value || '|' || target_date FROM indicators WHERE id = ${pct}`),
    v.db.kind === 'pg' ? '12|2027-11-22' : '12.0|2027-11-22');
  const before = benefitState();
  const bad = [
    { baseline: 'mange', baseline_date: '2026-01-01' },
    { baseline: '1,500', baseline_date: '2026-01-01' },
    { baseline: '10', baseline_date: '2026-02-30' },
    { baseline: '10', baseline_date: '' },                                   // a value without its date
    { target: '10', target_date: '31.06.2026' },
    { baseline: '10', baseline_date: '2026-06-01', target: '20', target_date: '2026-06-01' }, // target not after baseline
    { baseline: '10', baseline_date: '2026-06-01', target: '20', target_date: '01.01.2026' },
    { mid_rows: '2', mid_date_0: '2026-03-01', mid_value_0: '5', mid_date_1: '01.03.2026', mid_value_1: '6' }, // two on one day
    { mid_rows: '1', mid_date_0: '2026-03-01', mid_value_0: 'fem' },
    { name: '' },
    { unit: '' },
    { frequency: 'daily' },
  ];
  for (const f of bad) {
    const r = await post(member, `/benefits/${BQ}/indicators`, indicatorForm({ name: 'Feil', ...f }));
    assert.equal(r.status, 400, `refused: ${JSON.stringify(f)}`);
    const e = await post(member, `/benefits/${BQ}/indicators/${iid}`, indicatorForm({ name: 'Feil', ...f }));
    assert.equal(e.status, 400, `refused on edit: ${JSON.stringify(f)}`);
  }
  assert.equal(benefitState(), before, 'nothing stored');
  assert.equal(v.sql(`SELECT name FROM indicators WHERE id = ${iid}`), 'Besøk');
});

test('the indicator form names every bad intermediate target', async () => {
  // Two rows with errors: two errors in the summary, each linking to its
  // own field, and each field marked.
  const r = await post(member, `/benefits/${BQ}/indicators`, indicatorForm({ name: 'To feil', mid_rows: '3',
    mid_date_0: '2026-03-01', mid_value_0: 'fem', mid_date_1: '2026-04-01', mid_value_1: 'seks', mid_date_2: '2026-13-01', mid_value_2: '7' }));
  assert.equal(r.status, 400);
  const summary = r.text.match(/<div class="ds-error-summary"[^]*?<\/div>/)[0];
  const links = [...summary.matchAll(/href="#([a-z_0-9]+)"/g)].map(m => m[1]).sort();
  assert.deepEqual(links, ['mid_date_2', 'mid_value_0', 'mid_value_1'], 'one error per bad field');
  for (const id of links) assert.match(r.text, new RegExp(`id="${id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${id}"`), `${id} is marked`);
});

// ---- paste import ----------------------------------------------------------------------
test('paste import: the preview marks a bad row, which blocks the save; dropping it or fixing the text allows it', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Importert', unit: 'calls' });
  const text = `${day(-30)}\t950\tfebruar\n${nbDate(day(-20))}\t9x0\tmars\n${day(-10)}\t1 234,5\n`;
  const pre = await importText(member, BQ, iid, text);
  assert.equal(pre.status, 200);
  const rows = textRows(pre.text, 'Preview');
  assert.equal(rows.length, 3);
  assert.match(rows[0][4], /^OK$/);
  assert.match(rows[1][4], /Error Not a number/);
  assert.match(rows[2][4], /^OK$/);
  assert.match(strip(pre.text), /2 rows can be saved, 1 rows need fixing or dropping/);
  assert.ok(!pre.text.includes('value="save"'), 'no save button while a row is bad');
  assert.ok(pre.text.includes('>' + text + '</textarea>'), 'the text is kept for fixing');
  assert.equal(nMeasurements(iid), 0, 'a preview stores nothing');
  // Saving anyway is refused, whole.
  const refused = await importText(member, BQ, iid, text, 'save');
  assert.equal(refused.status, 400);
  assert.equal(nMeasurements(iid), 0, 'nothing stored');
  // Dropping the bad row: the preview says so and offers the save.
  const dropped = await importText(member, BQ, iid, text, 'preview', [2]);
  assert.equal(dropped.status, 200);
  assert.equal(textRows(dropped.text, 'Preview')[1][4], 'Dropped');
  assert.match(dropped.text, /value="save">Save the measurements \(2\)</);
  const saved = await importText(member, BQ, iid, text, 'save', [2]);
  assert.equal(saved.status, 303);
  assert.equal(saved.location, `/benefits/${BQ}?measured=2#indicator-${iid}`);
  assert.deepEqual(measurementsOf(iid).split('\n').map(l => l.split('|').slice(0, 2).join('|')),
    [`${day(-30)}|950`, `${day(-10)}|1234.5`]);
  assert.equal(v.sql(`SELECT comment FROM measurements WHERE indicator_id = ${iid} AND day = '${day(-30)}'`), 'februar');
  // Fixing the text instead.
  const fixedInd = await newIndicator(member, BQ, { name: 'Importert, rettet', unit: 'calls' });
  const fixed = text.replace('9x0', '960');
  const ok = await importText(member, BQ, fixedInd, fixed);
  assert.match(strip(ok.text), /3 rows can be saved, 0 rows need fixing or dropping/);
  assert.equal((await importText(member, BQ, fixedInd, fixed, 'save')).status, 303);
  assert.equal(nMeasurements(fixedInd), 3);
  assert.equal(valueOn(fixedInd, day(-20)), 960);
  // A whole text that cannot be read: explained, nothing stored.
  for (const [data, why] of [['', /There are no rows to read/], ['dato;tall\n2026-01-01;1', /names a column that is not date, value, comment or unit/],
    ['kommentar;enhet\nx;y', /must name a date column and a value column/]]) {
    const r = await importText(member, BQ, fixedInd, data, 'save');
    assert.equal(r.status, 400, JSON.stringify(data));
    assert.match(r.text, why);
  }
  assert.equal(nMeasurements(fixedInd), 3);
});

test('paste import: a date twice in the paste, or one already stored, is an error until dropped', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Duplikater', unit: 'calls' });
  await measured(member, BQ, iid, day(-40), '10', 'lagret før');
  const text = `dato;verdi;kommentar\n${day(-40)};11;finnes\n${day(-30)};12;første\n${nbDate(day(-30))};13;samme dato\n${day(-20)};14;ny\n`;
  const pre = await importText(member, BQ, iid, text);
  assert.equal(pre.status, 200);
  const rows = textRows(pre.text, 'Preview');
  assert.deepEqual(rows.map(r => r[0]), ['2', '3', '4', '5'], 'lines of the input (the header is line 1)');
  assert.match(rows[0][4], /Error There is already a measurement for that date\./);
  assert.equal(rows[1][4], 'OK');
  assert.match(rows[2][4], /Error The same date as an earlier row\./);
  assert.equal(rows[3][4], 'OK');
  assert.equal((await importText(member, BQ, iid, text, 'save')).status, 400);
  assert.equal((await importText(member, BQ, iid, text, 'save', [2])).status, 400, 'one error left');
  assert.equal(nMeasurements(iid), 1, 'nothing stored');
  const ok = await importText(member, BQ, iid, text, 'save', [2, 4]);
  assert.equal(ok.status, 303);
  assert.equal(measurementsOf(iid).split('\n').map(l => l.split('|').slice(0, 3).join('|')).join(' / '),
    `${day(-40)}|10|lagret før / ${day(-30)}|12|første / ${day(-20)}|14|ny`);
  // The same dates again, now all stored: every row is an error.
  const again = await importText(member, BQ, iid, `${day(-30)};1\n${day(-20)};2\n`);
  assert.deepEqual(textRows(again.text, 'Preview').map(r => /already a measurement/.test(r[4])), [true, true]);
  // And one at a time: the form refuses a stored date too.
  const one = await measure(member, BQ, iid, nbDate(day(-20)), '99');
  assert.equal(one.status, 400);
  assert.match(one.text, /There is already a measurement for that date/);
  assert.equal(nMeasurements(iid), 3);
});

test('paste import: dropping the first of two rows with the same date keeps the second', async () => {
  // The user keeps the corrected second row and drops the first: the second
  // is no longer a duplicate of anything that will be saved.
  const iid = await newIndicator(member, BQ, { name: 'Rettet rad', unit: 'calls' });
  const text = `${day(-12)};40;feil tall\n${day(-12)};42;rettet\n`;
  const pre = await importText(member, BQ, iid, text, 'preview', [1]);
  assert.equal(pre.status, 200);
  const rows = textRows(pre.text, 'Preview');
  assert.equal(rows[0][4], 'Dropped');
  const r = await importText(member, BQ, iid, text, 'save', [1]);
  assert.deepEqual({ second: rows[1][4], save: r.status }, { second: 'OK', save: 303 }, 'the second row is fine once the first is dropped, and saves');
  assert.equal(valueOn(iid, day(-12)), 42);
});

// ---- CSV export and round trip ---------------------------------------------------------
test('CSV export: byte-order mark, semicolons, decimal comma, CRLF, a header in the user\'s language', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Eksport', unit: 'kr' });
  await measured(member, BQ, iid, '2026-01-15', '1 234,5', 'Første');
  await measured(member, BQ, iid, '2026-02-15', '-0,25', 'Semi;kolon');
  await measured(member, BQ, iid, '2026-03-15', '1000000');
  const en = await bytes(member, `/benefits/${BQ}/indicators/${iid}/export`);
  assert.equal(en.status, 200);
  assert.match(en.headers.get('content-type'), /^text\/csv; charset=utf-8$/);
  assert.match(en.headers.get('content-disposition'), new RegExp(`^attachment; filename="indicator-${iid}\\.csv"$`));
  assert.deepEqual([...en.buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  assert.equal(en.buf.subarray(3).toString('utf8'),
    'date;value;comment;unit\r\n2026-01-15;1234,5;Første;kr\r\n2026-02-15;-0,25;"Semi;kolon";kr\r\n2026-03-15;1000000;;kr\r\n');
  member.cookies.set('varde_lang', 'nb');
  try {
    const nb = await bytes(member, `/benefits/${BQ}/indicators/${iid}/export`);
    assert.deepEqual([...nb.buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(nb.buf.subarray(3).toString('utf8').split('\r\n')[0], 'dato;verdi;kommentar;enhet');
  } finally { english(member); }
  // An indicator without measurements: just the header.
  const empty = await newIndicator(member, BQ, { name: 'Tom', unit: 'kr' });
  assert.equal((await bytes(member, `/benefits/${BQ}/indicators/${empty}/export`)).buf.subarray(3).toString('utf8'), 'date;value;comment;unit\r\n');
});

test('CSV export then import of that file gives the same measurements', async () => {
  const from = await newIndicator(member, BQ, { name: 'Rundtur fra', unit: 'timer' });
  const data = [
    ['2025-12-31', '1 234,5', 'Vanlig'],
    ['2026-01-01', '-0,25', 'Semi;kolon, komma og "sitat"'],
    ['2026-01-02', '1,2340', '=SUM(A1:A3)'],
    ['2026-01-03', '1000000', '+47 999 99 999'],
    ['2026-01-04', '0,1', '@navn'],
    ['2026-01-05', '0,30000000000000004', "'apostrof"],
    ['2026-01-06', '0,0000001', 'æøå ÆØÅ'],
    ['2026-01-07', '12 %', `med${NBSP}hardt mellomrom`],
    ['2026-01-08', '-1 000 000,75', ''],
    ['2026-01-09', '999999999999999', '- minus først'],
  ];
  for (const [d, val, comment] of data) await measured(member, BQ, from, d, val, comment);
  const exported = await bytes(member, `/benefits/${BQ}/indicators/${from}/export`);
  assert.equal(exported.status, 200);
  // Texts Excel would run as formulas get an apostrophe in front; quotes are doubled.
  const csv = exported.buf.toString('utf8');
  for (const cell of [";'=SUM(A1:A3);", ";'+47 999 99 999;", ";'@navn;", ";''apostrof;", ";'- minus først;",
    ';"Semi;kolon, komma og ""sitat""";', ';0,30000000000000004;', ';1,2340;', ';-1000000,75;'])
    assert.ok(csv.includes(cell), `the export has ${cell}`);
  const to = await newIndicator(member, BQ, { name: 'Rundtur til', unit: 'timer' });
  const pre = await postFile(member, `/benefits/${BQ}/indicators/${to}/import`, { action: 'preview' }, exported.buf);
  assert.equal(pre.status, 200);
  assert.match(strip(pre.text), new RegExp(`${data.length} rows can be saved, 0 rows need fixing or dropping`));
  const saved = await postFile(member, `/benefits/${BQ}/indicators/${to}/import`, { action: 'save' }, exported.buf);
  assert.equal(saved.status, 303);
  assert.equal(measurementsOf(to), measurementsOf(from), 'the same days, values (to the bit), comments and units');
  assert.equal(nMeasurements(to), data.length);
  // And the second export is the same file.
  assert.ok((await bytes(member, `/benefits/${BQ}/indicators/${to}/export`)).buf.equals(exported.buf));
  // The Norwegian export reads back too.
  member.cookies.set('varde_lang', 'nb');
  let nbFile;
  try { nbFile = (await bytes(member, `/benefits/${BQ}/indicators/${from}/export`)).buf; } finally { english(member); }
  const to2 = await newIndicator(member, BQ, { name: 'Rundtur, norsk', unit: 'timer' });
  assert.equal((await postFile(member, `/benefits/${BQ}/indicators/${to2}/import`, { action: 'save' }, nbFile)).status, 303);
  assert.equal(measurementsOf(to2), measurementsOf(from));
});

test('CSV export works for every comment and unit the forms accept; longer ones are refused at entry', async () => {
  // The export (and the import) allow 1000 bytes of comment and 100 of unit;
  // the forms refuse more, so whatever is stored exports. Norwegian letters
  // are two bytes, € three.
  const long = await newIndicator(member, BQ, { name: 'Lang kommentar', unit: 'kr' });
  await measured(member, BQ, long, day(-3), '1', 'æ'.repeat(500));
  const a = await bytes(member, `/benefits/${BQ}/indicators/${long}/export`);
  await member.get(`/benefits/${BQ}`);
  const tooLong = await member.post(`/benefits/${BQ}/indicators/${long}/measurements`, { date: day(-2), value: '1', comment: 'æ'.repeat(501) });
  assert.equal(tooLong.status, 400, 'a comment over 1000 bytes is refused');
  const unit = '€'.repeat(33);
  const wide = await newIndicator(member, BQ, { name: 'Lang enhet', unit });
  await measured(member, BQ, wide, day(-3), '1');
  const b = await bytes(member, `/benefits/${BQ}/indicators/${wide}/export`);
  assert.deepEqual({ comment: a.status, unit: b.status }, { comment: 200, unit: 200 },
    'a 500-character comment of æ (1000 bytes) and a 33-character unit of € (99 bytes) export');
});

// ---- money --------------------------------------------------------------------------------
test('calculators: each kind computes and records its inputs; negative inputs are refused', async () => {
  const b = await newBenefit(leader, Q, { name: 'Kalkulert gevinst', type: 'avoided-costs' }, uid['eier@bodo.no']);
  const money = async () => {
    const t = (await member.get(`/benefits/${b}`)).text;
    return sp(t.slice(t.indexOf('<section id="money">'), t.indexOf('</section>', t.indexOf('<section id="money">'))));
  };
  assert.match(await money(), /No calculation yet\./);
  const kinds = [
    [{ kind: 'avoided-cost', cost_per_task: '1 200', tasks_avoided: '300' }, 360000, ['<dt>Cost per task today (NOK)</dt><dd>1 200</dd>', '<dt>Tasks avoided per year</dt><dd>300</dd>']],
    [{ kind: 'reduced-consumption', before: '10 000', after: '4000', unit_price: '12,5' }, 75000, ['<dt>Consumption per year before</dt><dd>10 000</dd>', '<dt>Price per unit (NOK)</dt><dd>12,5</dd>']],
    [{ kind: 'renegotiated-price', price_today: '100', price_future: '80.5', volume: '1 000' }, 19500, ['<dt>Future price per unit (NOK)</dt><dd>80,5</dd>']],
    // A dearer agreement: a real loss, shown, not refused.
    [{ kind: 'renegotiated-price', price_today: '80', price_future: '100', volume: '1000' }, -20000, []],
    [{ kind: 'reduced-consumption', before: '4000', after: '5000', unit_price: '2' }, -2000, []],
  ];
  for (const [form, yearly, shown] of kinds) {
    const r = await calculate(member, b, form);
    assert.equal(r.status, 303, JSON.stringify(form));
    assert.equal(r.location, `/benefits/${b}?saved=1#money`);
    const [kind, value] = latestCalc(b).split('|');
    assert.equal(kind, form.kind);
    assert.equal(Number(value), yearly);
    const m = await money();
    assert.ok(m.includes(`<dt>Yearly value</dt><dd>${yearly < 0 ? '-' : ''}${Math.abs(yearly).toLocaleString('en').replace(/,/g, ' ')} kr</dd>`), `${form.kind}: ${yearly} shown`);
    for (const s of shown) assert.ok(m.includes(s), s);
  }
  // The value realised to date: a whole calendar year (2024 has 366 days) is the yearly value.
  assert.equal((await calculate(member, b, { kind: 'avoided-cost', cost_per_task: '1 200', tasks_avoided: '305', start: '01.01.2024', end: '2024-12-31' })).status, 303);
  assert.ok((await money()).includes(`<dt>Realised to date</dt><dd>366 000 kr (from ${timeTag('2024-01-01')} to ${timeTag('2024-12-31')})</dd>`));
  const n = nCalcs(b);
  const refused = [
    [{ kind: 'avoided-cost', cost_per_task: '-1', tasks_avoided: '300' }, /cannot be negative/],
    [{ kind: 'avoided-cost', cost_per_task: '1200', tasks_avoided: '-300' }, /cannot be negative/],
    [{ kind: 'reduced-consumption', before: '-1', after: '0', unit_price: '1' }, /cannot be negative/],
    [{ kind: 'reduced-consumption', before: '1', after: '-1', unit_price: '1' }, /cannot be negative/],
    [{ kind: 'reduced-consumption', before: '1', after: '0', unit_price: '-1' }, /cannot be negative/],
    [{ kind: 'renegotiated-price', price_today: '-100', price_future: '80', volume: '1' }, /cannot be negative/],
    [{ kind: 'renegotiated-price', price_today: '100', price_future: '-80', volume: '1' }, /cannot be negative/],
    [{ kind: 'renegotiated-price', price_today: '100', price_future: '80', volume: '\u22121' }, /cannot be negative/],
    [{ kind: 'avoided-cost', cost_per_task: 'tusen', tasks_avoided: '300' }, /Write every input as a number/],
    [{ kind: 'avoided-cost', cost_per_task: '1200' }, /Write every input as a number/],
    [{ kind: 'reduced-consumption', before: '1,500', after: '1', unit_price: '1' }, /Write every input as a number/],
    [{ kind: 'magic', cost_per_task: '1', tasks_avoided: '1' }, /./],
    [{ cost_per_task: '1', tasks_avoided: '1' }, /./],
    [{ kind: 'avoided-cost', cost_per_task: '1', tasks_avoided: '1', start: '2024-02-30' }, /Enter dates like/],
    [{ kind: 'avoided-cost', cost_per_task: '1', tasks_avoided: '1', start: '01.06.2024', end: '31.05.2024' }, /the end after the start/],
  ];
  for (const [form, why] of refused) {
    const r = await calculate(member, b, form);
    assert.equal(r.status, 400, JSON.stringify(form));
    assert.match(r.text, why);
  }
  assert.equal(nCalcs(b), n, 'nothing stored');
});

test('saved time: the organisation\'s hourly cost is used and recorded; a missing hourly cost is explained', async () => {
  const b = await newBenefit(leader, Q, { name: 'Spart tid i saksbehandling', type: 'saved-time' }, uid['eier@bodo.no']);
  assert.equal(v.sql(`SELECT hourly_cost FROM orgs WHERE id = ${orgA}`), '', 'org A has no hourly cost yet');
  const page = await member.get(`/benefits/${b}`);
  assert.match(page.text, /The organisation has no hourly cost yet\. Its administrators set it on the organisation(&#39;|')s benefits page\./);
  assert.ok(!page.text.includes('name="kind" value="saved-time"'), 'no saved-time form without an hourly cost');
  const refused = await calculate(member, b, { kind: 'saved-time', hours_saved: '100' });
  assert.equal(refused.status, 400);
  assert.equal(nCalcs(b), 0);
  // Only the organisation's administrators set it; numbers as typed; never negative.
  assert.equal((await post(member, `/orgs/${orgA}/benefits/settings`, { hourly_cost: '650' })).status, 403);
  for (const bad of ['mye', '-5', '1,500', '650 kr'])
    assert.equal((await post(orgAdmin, `/orgs/${orgA}/benefits/settings`, { hourly_cost: bad })).status, 400, bad);
  assert.equal(v.sql(`SELECT hourly_cost FROM orgs WHERE id = ${orgA}`), '', 'still none');
  const set = await post(orgAdmin, `/orgs/${orgA}/benefits/settings`, { hourly_cost: '650' });
  assert.equal(set.status, 303);
  assert.equal(set.location, `/orgs/${orgA}/benefits?saved=1`);
  assert.equal(Number(v.sql(`SELECT hourly_cost FROM orgs WHERE id = ${orgA}`)), 650);
  const offered = await member.get(`/benefits/${b}`);
  assert.ok(offered.text.includes('name="kind" value="saved-time"'));
  assert.ok(sp(offered.text).includes('<p class="ds-paragraph">Hourly cost: 650 kr</p>'));
  assert.equal((await calculate(member, b, { kind: 'saved-time', hours_saved: '1 000', start: day(-10) })).status, 303);
  assert.equal(latestCalc(b).split('|')[0], 'saved-time');
  assert.equal(Number(latestCalc(b).split('|')[1]), 650000);
  assert.equal(JSON.parse(v.sql(`SELECT inputs FROM benefit_calculations WHERE benefit_id = ${b} ORDER BY id DESC LIMIT 1`)).hourly_cost, 650, 'the cost is recorded');
  const show = sp((await member.get(`/benefits/${b}`)).text);
  assert.ok(show.includes('<dt>Yearly value</dt><dd>650 000 kr</dd>'));
  assert.ok(show.includes('<dt>Hours saved per year</dt><dd>1 000</dd>'));
  assert.ok(show.includes('<dt>Hourly cost used</dt><dd>650 kr</dd>'));
  // A later hourly cost does not change the old figure; a new calculation uses it.
  assert.equal((await post(orgAdmin, `/orgs/${orgA}/benefits/settings`, { hourly_cost: '1 250,50' })).status, 303);
  assert.equal(Number(v.sql(`SELECT hourly_cost FROM orgs WHERE id = ${orgA}`)), 1250.5);
  const old = sp((await member.get(`/benefits/${b}`)).text);
  assert.ok(old.includes('<dt>Hourly cost used</dt><dd>650 kr</dd>'), 'the recorded cost is shown');
  assert.ok(old.includes('<dt>Yearly value</dt><dd>650 000 kr</dd>'), 'not recomputed');
  assert.ok(old.includes('Hourly cost: 1 250,5 kr'), 'the calculator offers the new cost');
  assert.ok(sp((await orgAdmin.get(`/orgs/${orgA}/benefits`)).text).includes('name="hourly_cost" type="text" value="1 250,5"'), 'the settings form shows it');
  assert.equal((await calculate(member, b, { kind: 'saved-time', hours_saved: '10' })).status, 303);
  assert.equal(Number(latestCalc(b).split('|')[1]), 12505);
  assert.equal(JSON.parse(v.sql(`SELECT inputs FROM benefit_calculations WHERE benefit_id = ${b} ORDER BY id DESC LIMIT 1`)).hourly_cost, 1250.5);
  assert.equal((await calculate(member, b, { kind: 'saved-time', hours_saved: '-10' })).status, 400, 'negative hours');
  assert.equal(nCalcs(b), 2);
});

// ---- progress ---------------------------------------------------------------------------------
test('progress: on track, behind, ahead, reached, the next due date and overdue, for known values', async () => {
  const b = await newBenefit(leader, Q, { name: 'Fremdrift', type: 'quality' }, uid['eier@bodo.no']);
  const line = { direction: 'higher', frequency: 'monthly', baseline: '100', baseline_date: day(-200), target: '300', target_date: day(200) };
  // On the plan line (100 → 300 over 400 days: 150 after 100 days), a long time ago: overdue.
  const onTrack = await newIndicator(member, b, { name: 'I rute', unit: 'calls', ...line });
  await measured(member, b, onTrack, day(-100), '150');
  // Well under the line ten days ago (plan 195, measured 120): behind, next due in about a month.
  const behind = await newIndicator(member, b, { name: 'Bak planen', unit: 'calls', ...line });
  await measured(member, b, behind, day(-10), '120');
  // Over the line (plan 195, measured 260): ahead.
  const ahead = await newIndicator(member, b, { name: 'Foran planen', unit: 'calls', ...line });
  await measured(member, b, ahead, day(-10), '260');
  // Lower is better, 40 → 20; measured 18: beyond the target.
  const reached = await newIndicator(member, b, { name: 'Nådd', unit: 'days', direction: 'lower', frequency: 'weekly',
    baseline: '40', baseline_date: day(-100), target: '20', target_date: day(100) });
  await measured(member, b, reached, day(-1), '18');
  const html = sp((await owner.get(`/benefits/${b}`)).text);

  const box1 = progressBox(html, onTrack);
  assert.equal(statusTag(box1), 'On track');
  assert.ok(box1.includes('Latest measurement: 150 calls (plan on that date: 150 calls). Progress from baseline to target: 25 %.'), box1);
  assert.ok(box1.includes('<progress class="varde-progress" max="100" value="25"'));
  const due1 = addMonths(day(-100), 1);
  assert.ok(box1.includes(`Next measurement due: ${timeTag(due1)} <span class="ds-tag" data-color="danger">Overdue</span>`), box1);

  const box2 = progressBox(html, behind);
  assert.equal(statusTag(box2), 'Behind plan');
  assert.ok(box2.includes('Latest measurement: 120 calls (plan on that date: 195 calls). Progress from baseline to target: 10 %.'), box2);
  const due2 = addMonths(day(-10), 1);
  assert.ok(box2.includes(`Next measurement due: ${timeTag(due2)}</p>`), 'due, not overdue');
  assert.ok(!box2.includes('Overdue'));

  const box3 = progressBox(html, ahead);
  assert.equal(statusTag(box3), 'Ahead of plan');
  assert.ok(box3.includes('Progress from baseline to target: 80 %.'), box3);

  const box4 = progressBox(html, reached);
  assert.equal(statusTag(box4), 'Target reached');
  assert.ok(box4.includes('Progress from baseline to target: 110 %.'), 'the unclamped figure');
  assert.ok(box4.includes('value="100"'), 'the bar is clamped');
  const due4 = day(6); // weekly after yesterday
  assert.ok(box4.includes(`Next measurement due: ${timeTag(due4)}</p>`));

  // The plan counts one benefit behind and one overdue measurement among four indicators.
  const plan = (await member.get(`/projects/${Q}/benefits`)).text;
  const row = tableRows(plan, 'Benefits of the project').find(r => r[0].includes(`href="/benefits/${b}"`));
  assert.ok(row, 'the benefit is in the plan');
  assert.equal(strip(row[4]), '4 1 behind plan 1 overdue');
});

test('edge cases: target equal to baseline, no measurements yet, measurements before the baseline, a unit change', async () => {
  const b = await newBenefit(leader, Q, { name: 'Kanttilfeller' }, uid['eier@bodo.no']);
  // Target equal to the baseline: at it is reached (100 %), below it behind (0 %).
  const flat = { direction: 'higher', baseline: '50', baseline_date: day(-100), target: '50', target_date: day(100) };
  const at = await newIndicator(member, b, { name: 'Flat, nådd', unit: 'pst', ...flat });
  await measured(member, b, at, day(-50), '50');
  const under = await newIndicator(member, b, { name: 'Flat, under', unit: 'pst', ...flat });
  await measured(member, b, under, day(-50), '40');
  // No measurements yet: nothing counts, the first is due a period after the baseline.
  const none = await newIndicator(member, b, { name: 'Ingen ennå', unit: 'calls', baseline: '10', baseline_date: day(-10), target: '20', target_date: day(300) });
  const bare = await newIndicator(member, b, { name: 'Uten nullpunkt', unit: 'calls' });
  // Before the baseline: listed, not counted.
  const early = await newIndicator(member, b, { name: 'Før nullpunktet', unit: 'calls', baseline: '10', baseline_date: day(-30), target: '20', target_date: day(300) });
  await measured(member, b, early, day(-60), '12', 'gammel måling');
  let html = sp((await member.get(`/benefits/${b}`)).text);
  assert.doesNotMatch(strip(mainOf(html)), /\bNaN\b|\binf\b|\binfinity\b/i, 'no NaN or infinity on the page');

  assert.equal(statusTag(progressBox(html, at)), 'Target reached');
  assert.ok(progressBox(html, at).includes('Progress from baseline to target: 100 %.'));
  assert.equal(statusTag(progressBox(html, under)), 'Behind plan');
  assert.ok(progressBox(html, under).includes('Progress from baseline to target: 0 %.'));

  const boxNone = progressBox(html, none);
  assert.equal(statusTag(boxNone), 'No measurements yet');
  assert.ok(!boxNone.includes('Latest measurement'));
  assert.ok(boxNone.includes(`Next measurement due: ${timeTag(addMonths(day(-10), 1))}</p>`));
  assert.ok(indicatorSection(html, none).includes('<p class="ds-paragraph">No measurements yet.</p>'));
  assert.ok(indicatorSection(html, none).includes('<svg'), 'the chart is still drawn (baseline and target)');
  const boxBare = progressBox(html, bare);
  assert.equal(statusTag(boxBare), 'No baseline yet');
  assert.ok(!boxBare.includes('Next measurement due'), 'nothing to count a due date from');

  const boxEarly = progressBox(html, early);
  assert.equal(statusTag(boxEarly), 'No measurements yet');
  assert.ok(boxEarly.includes('1 measurements are from before the baseline date: shown, but not counted for progress.'));
  assert.ok(indicatorSection(html, early).includes(`<td>${timeTag(day(-60))}</td><td>12 calls</td><td>gammel måling</td>`), 'listed');
  await measured(member, b, early, day(-5), '11');
  html = sp((await member.get(`/benefits/${b}`)).text);
  assert.equal(statusTag(progressBox(html, early)), 'On track');
  assert.ok(progressBox(html, early).includes('Latest measurement: 11 calls'));

  // A unit change: earlier measurements are marked and do not count.
  const unit = await newIndicator(member, b, { name: 'Enhetsbytte', unit: 'calls', direction: 'lower', baseline: '100', baseline_date: day(-60),
    target: '50', target_date: day(300) });
  await measured(member, b, unit, day(-40), '97');  // plan 97,2
  await measured(member, b, unit, day(-20), '95');  // plan 94,4
  assert.equal(statusTag(progressBox(sp((await member.get(`/benefits/${b}`)).text), unit)), 'On track');
  const edited = await post(member, `/benefits/${b}/indicators/${unit}`, indicatorForm({ name: 'Enhetsbytte', unit: 'minutes', direction: 'lower',
    baseline: '100', baseline_date: day(-60), target: '50', target_date: day(300) }));
  assert.equal(edited.status, 303);
  html = sp((await member.get(`/benefits/${b}`)).text);
  const sec = indicatorSection(html, unit);
  assert.equal((sec.match(/<span class="ds-tag" data-color="warning">other unit<\/span>/g) || []).length, 2, 'both earlier rows are marked');
  assert.ok(sec.includes('<td>97 calls <span class="ds-tag" data-color="warning">other unit</span></td>'));
  const boxUnit = progressBox(html, unit);
  assert.equal(statusTag(boxUnit), 'No measurements yet');
  assert.ok(boxUnit.includes('2 measurements were entered in another unit and do not count for progress.'));
  assert.ok(boxUnit.includes(`Next measurement due: ${timeTag(addMonths(day(-20), 1))}`), 'still due after the last one taken');
  assert.equal((sec.match(/<g class="varde-chart-point">/g) || []).length, 0, 'the chart plots none of them');
  assert.equal(v.sql(`SELECT unit FROM measurements WHERE indicator_id = ${unit} ORDER BY day`), 'calls\ncalls', 'stored as entered');
  // The plan counts them no more: six indicators, the flat one under its
  // target behind, the two flat ones (measured 50 days ago, monthly) overdue.
  const plan = (await member.get(`/projects/${Q}/benefits`)).text;
  const row = tableRows(plan, 'Benefits of the project').find(r => r[0].includes(`href="/benefits/${b}"`));
  assert.equal(strip(row[4]), '6 1 behind plan 2 overdue');
  // A new measurement in the new unit counts.
  await measured(member, b, unit, day(-2), '75');
  html = sp((await member.get(`/benefits/${b}`)).text);
  assert.ok(progressBox(html, unit).includes('Latest measurement: 75 minutes'));
  assert.equal((indicatorSection(html, unit).match(/<g class="varde-chart-point">/g) || []).length, 1);
});

test('the plan and the overview judge an indicator as its benefit page does (intermediate targets, a measurement dated ahead)', async () => {
  // 0 → 100 over 400 days with an intermediate target of 10 at today: the
  // plan line runs 0 → 10 in the first 200 days. Measured 5 at day 100: on
  // the line. Ignoring the intermediate target, the straight line would say
  // 25, and "behind".
  const b = await newBenefit(leader, Q, { name: 'Med delmål' }, uid['eier2@bodo.no']);
  const iid = await newIndicator(member, b, { name: 'Delmål', unit: 'calls', direction: 'higher', frequency: 'yearly',
    baseline: '0', baseline_date: day(-200), target: '100', target_date: day(200), mid_rows: '1', mid_date_0: day(0), mid_value_0: '10' });
  await measured(member, b, iid, day(-100), '5');
  const page = sp((await member.get(`/benefits/${b}`)).text);
  assert.equal(statusTag(progressBox(page, iid)), 'On track');
  assert.ok(progressBox(page, iid).includes('plan on that date: 5 calls'));
  // And the other way round: behind plan ten days ago, with a measurement
  // dated in the future (which does not count yet).
  const b2 = await newBenefit(leader, Q, { name: 'Med framtidig måling' }, uid['eier2@bodo.no']);
  const i2 = await newIndicator(member, b2, { name: 'Framtid', unit: 'calls', direction: 'higher', frequency: 'yearly',
    baseline: '100', baseline_date: day(-200), target: '300', target_date: day(200) });
  await measured(member, b2, i2, day(-10), '120');
  await measured(member, b2, i2, day(30), '300');
  const page2 = sp((await member.get(`/benefits/${b2}`)).text);
  assert.equal(statusTag(progressBox(page2, i2)), 'Behind plan');
  const plan = (await member.get(`/projects/${Q}/benefits`)).text;
  const flags = id => strip(tableRows(plan, 'Benefits of the project').find(r => r[0].includes(`href="/benefits/${id}"`))[4]);
  const overview = (await member.get(`/orgs/${orgA}/benefits`)).text;
  const attention = overview.slice(overview.indexOf('>Needs attention</h2>'), overview.indexOf('<caption>All benefits</caption>'));
  assert.deepEqual({ plan: flags(b), overview: attention.includes(`href="/benefits/${b}"`), plan2: flags(b2), overview2: attention.includes(`href="/benefits/${b2}"`) },
    { plan: '1', overview: false, plan2: '1 1 behind plan', overview2: true },
    'the plan and the overview say what the benefit pages say (on track with its intermediate target; behind plan)');
});

// ---- closed projects ---------------------------------------------------------------------------
test('a closed project\'s benefit owner still enters measurements', async () => {
  const C = await newProject(leader, orgA, 'Avsluttet digitalisering', 'org', [['medlem@bodo.no', 'member']]);
  const b = await newBenefit(leader, C, { name: 'Varig gevinst', type: 'budget' }, uid['eier@bodo.no']);
  const iid = await newIndicator(leader, b, { name: 'Innsparing', unit: 'kr' });
  const closed = await post(leader, `/projects/${C}/lifecycle`, { action: 'close' });
  assert.equal(closed.status, 303);
  assert.equal(v.sql(`SELECT status FROM projects WHERE id = ${C}`), 'closed');
  const page = await owner.get(`/benefits/${b}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`action="/benefits/${b}/indicators/${iid}/measurements"`), 'the form is offered');
  await measured(owner, b, iid, day(-1), '12 500', 'etter avslutning');
  assert.equal(valueOn(iid, day(-1)), 12500);
  assert.equal((await importText(owner, b, iid, `${day(-2)};12000`, 'save')).status, 303);
  const more = await newIndicator(owner, b, { name: 'Ny etter avslutning', unit: 'kr' });
  assert.ok(more > 0);
  assert.equal((await calculate(owner, b, { kind: 'avoided-cost', cost_per_task: '10', tasks_avoided: '10' })).status, 303);
  await measured(member, b, iid, day(-3), '11 000');
  assert.equal(nMeasurements(iid), 3);
  // The organisation's overview lists it.
  assert.ok((await orgMember.get(`/orgs/${orgA}/benefits`)).text.includes(`href="/benefits/${b}"`));
});

// ---- plan, overview, dashboard, settings (a separate organisation, so the totals are known) -------
test('the organisation\'s overview: totals per type and per owner, behind plan and overdue', async () => {
  const mk = async (email, name, role = 'member') => {
    const c = english(await makeUser(v, adm, { email, name, org: orgS, role, password: PW }));
    uid[email] = Number(v.sql(`SELECT id FROM users WHERE email = '${email}'`));
    return c;
  };
  const sAdmin = await mk('admin@saltdal.no', 'Sissel Sjef', 'admin');
  const siri = await mk('siri@saltdal.no', 'Siri Sæther');
  await mk('sverre@saltdal.no', 'Sverre Strand');
  assert.equal((await post(sAdmin, `/orgs/${orgS}/benefits/settings`, { type: 'Bedre arbeidsmiljø' })).status, 303);
  const R = await newProject(sAdmin, orgS, 'Digital post', 'org');
  const done = await newProject(sAdmin, orgS, 'Ferdig prosjekt', 'org');
  const idea = Number((await post(sAdmin, `/projects/${R}/registers/idea`, { rev: '0', 'f-title': 'Digital postkasse' })).location.match(/items\/(\d+)/)[1]);
  const X = await newBenefit(sAdmin, R, { name: 'Spart porto', type: 'saved-time', goal: 'Lavere kostnader', ideas: [idea] }, uid['siri@saltdal.no']);
  const Y = await newBenefit(sAdmin, R, { name: 'Raskere svar', type: 'saved-time', goal: 'Fornøyde innbyggere' }, uid['sverre@saltdal.no']);
  const Z = await newBenefit(sAdmin, done, { name: 'Trivsel', type: 'org:bedre arbeidsmiljø' }, uid['siri@saltdal.no']);
  const W = await newBenefit(sAdmin, done, { name: 'Uten eier' });
  const line = { direction: 'higher', frequency: 'monthly', baseline: '100', baseline_date: day(-200), target: '300', target_date: day(200) };
  const ix = await newIndicator(sAdmin, X, { name: 'Brev sendt digitalt', unit: 'brev', ...line });
  await measured(sAdmin, X, ix, day(-10), '120');   // behind, not overdue
  const iy = await newIndicator(sAdmin, Y, { name: 'Svartid', unit: 'dager', ...line });
  await measured(sAdmin, Y, iy, day(-100), '150');  // on track, overdue
  assert.equal((await calculate(sAdmin, X, { kind: 'avoided-cost', cost_per_task: '1 200', tasks_avoided: '300', start: '01.01.2024', end: '31.12.2024' })).status, 303);
  assert.equal((await calculate(sAdmin, Z, { kind: 'renegotiated-price', price_today: '100', price_future: '80', volume: '1000' })).status, 303);
  assert.equal((await post(sAdmin, `/projects/${done}/lifecycle`, { action: 'close' })).status, 303);

  const html = (await siri.get(`/orgs/${orgS}/benefits`)).text;
  const sorted = rows => rows.map(r => r.join(' | ')).sort();
  assert.deepEqual(sorted(textRows(html, 'Per type of benefit')), sorted([
    ['Saved time', '2', '1', '1', '360 000 kr', '360 000 kr'],
    ['Bedre arbeidsmiljø', '1', '0', '0', '20 000 kr', '0 kr'],
    ['(no type)', '1', '0', '0', '0 kr', '0 kr'],
  ]));
  assert.deepEqual(sorted(textRows(html, 'Per benefit owner')), sorted([
    ['Siri Sæther', '2', '1', '0', '380 000 kr', '360 000 kr'],
    ['Sverre Strand', '1', '0', '1', '0 kr', '0 kr'],
    ['(no owner)', '1', '0', '0', '0 kr', '0 kr'],
  ]));
  const attention = html.slice(html.indexOf('>Needs attention</h2>'), html.indexOf('<caption>All benefits</caption>'));
  const items = [...attention.matchAll(/<li>([^]*?)<\/li>/g)].map(m => strip(m[1])).sort();
  assert.deepEqual(items, ['Raskere svar (Digital post, Sverre Strand) Overdue measurement', 'Spart porto (Digital post, Siri Sæther) Behind plan']);
  const all = textRows(html, 'All benefits');
  assert.equal(all.length, 4, 'closed projects\' benefits too');
  assert.ok(all.some(r => r.join('|') === 'Trivsel|Ferdig prosjekt|Bedre arbeidsmiljø|Siri Sæther|20 000 kr|0 kr'));
  assert.ok(html.includes(`<a class="ds-link" href="/projects/${R}/benefits">Digital post</a>`));
  assert.ok(!html.includes('name="hourly_cost"'), 'the settings are for administrators');
  assert.ok((await sAdmin.get(`/orgs/${orgS}/benefits`)).text.includes('name="hourly_cost"'));
  assert.equal((await member.get(`/orgs/${orgS}/benefits`)).status, 404, 'not for other organisations');
  for (const n of [X, Y, Z, W]) assert.ok(!(await orgAdmin.get(`/orgs/${orgA}/benefits`)).text.includes(`href="/benefits/${n}"`));

  // The project's plan: its benefits, the benefit map, the totals.
  const plan = (await siri.get(`/projects/${R}/benefits`)).text;
  assert.match(plan, /<h1 class="ds-heading" data-size="lg"><span class="varde-kicker">Benefit realisation plan<\/span> Digital post<\/h1>/);
  const svg = plan.match(/<svg[^>]*>[^]*?<\/svg>/)[0];
  assert.match(svg, /^<svg[^>]*\brole="(img|group)"/, 'the map has a role');
  assert.match(svg, /<title[^>]*>Benefit map<\/title>/, 'and a title');
  for (const href of [`/benefits/${X}`, `/benefits/${Y}`, `/projects/${R}/items/${idea}`]) assert.ok(svg.includes(`href="${href}"`), href);
  for (const label of ['Spart porto', 'Brev sendt digitalt', 'Digital postkasse', 'Lavere kostnader', 'Fornøyde innbyggere'])
    assert.ok(svg.includes(`<title>${label}</title>`), label);
  const rows = textRows(plan, 'Benefits of the project');
  assert.deepEqual(rows.map(r => r.join('|')).sort(), [
    'Raskere svar|Saved time|Sverre Strand||1 1 overdue|Fornøyde innbyggere||',
    'Spart porto|Saved time|Siri Sæther||1 1 behind plan|Lavere kostnader|360 000 kr|360 000 kr',
  ]);
  const foot = sp(plan.match(/<tfoot>([^]*?)<\/tfoot>/)[1]);
  assert.equal(strip(foot), 'Total 360 000 kr 360 000 kr');
  const donePlan = (await siri.get(`/projects/${done}/benefits`)).text;
  assert.equal(strip(donePlan.match(/<tfoot>([^]*?)<\/tfoot>/)[1]), 'Total 20 000 kr 0 kr');
  assert.ok(strip(donePlan).includes('Bedre arbeidsmiljø'), 'the own type by its label');
});

test('the dashboard lists the owner\'s measurements due: soon, or overdue', async () => {
  const b = await newBenefit(leader, Q, { name: 'Målinger på dashbordet' }, uid['eier2@bodo.no']);
  const soon = await newIndicator(member, b, { name: 'Ukentlig', unit: 'x', frequency: 'weekly' });
  await measured(member, b, soon, day(-3), '1');        // due in four days
  const late = await newIndicator(member, b, { name: 'Forsinket', unit: 'x', frequency: 'monthly' });
  await measured(member, b, late, day(-100), '1');      // overdue
  const later = await newIndicator(member, b, { name: 'Senere', unit: 'x', frequency: 'monthly' });
  await measured(member, b, later, day(-2), '1');       // due in about a month: not yet
  const dash = (await owner2.get('/dashboard')).text;
  assert.ok(dash.includes('>Measurements due</h2>'), 'the list is there');
  const due = dash.slice(dash.indexOf('>Measurements due</h2>'));
  const li = id => (due.match(new RegExp(`<li><a class="ds-link" href="/benefits/${b}#indicator-${id}">[^]*?</li>`)) || [null])[0];
  assert.ok(li(soon), 'due soon');
  assert.ok(li(soon).includes(`Målinger på dashbordet: Ukentlig</a> – due ${timeTag(day(4))}</li>`), li(soon));
  assert.equal(li(later), null, 'not due within two weeks');
  // Not on anybody else's dashboard.
  for (const c of [member, orgMember, owner]) assert.ok(!(await c.get('/dashboard')).text.includes(`href="/benefits/${b}#indicator-`));
  assert.ok(li(late), 'overdue');
  assert.ok(li(late).includes(`due ${timeTag(addMonths(day(-100), 1))} <span class="ds-tag" data-color="danger">Overdue</span></li>`),
    'the overdue tag is markup: ' + li(late));
});

test('the dashboard\'s due date agrees with the benefit page when a measurement predates the baseline', async () => {
  // The next measurement is due a period after the baseline when every
  // measurement is older (benefit.h, benefit_indicator_progress), not a
  // period after the old measurement.
  const b = await newBenefit(leader, Q, { name: 'Eldre enn nullpunktet' }, uid['eier2@bodo.no']);
  const old = await newIndicator(member, b, { name: 'Gammel måling', unit: 'x', frequency: 'monthly', baseline: '1', baseline_date: day(-10),
    target: '2', target_date: day(300) });
  await measured(member, b, old, day(-100), '1');
  const box = progressBox(sp((await member.get(`/benefits/${b}`)).text), old);
  assert.ok(box.includes(`Next measurement due: ${timeTag(addMonths(day(-10), 1))}</p>`), 'the benefit page: due a month after the baseline, not overdue');
  const dash = (await owner2.get('/dashboard')).text;
  const li = (dash.match(new RegExp(`<li><a class="ds-link" href="/benefits/${b}#indicator-${old}">[^]*?</li>`)) || [null])[0];
  assert.equal(li, null, `the dashboard agrees (due in about 20 days: not listed); got: ${li}`);
});

test('an org admin adds an own benefit type, and the benefit form offers it', async () => {
  const before = count(`SELECT count(*) FROM org_benefit_types WHERE org_id = ${orgA}`);
  assert.equal((await post(member, `/orgs/${orgA}/benefits/settings`, { type: 'Bedre arbeidsmiljø' })).status, 403);
  assert.equal((await post(otherAdmin, `/orgs/${orgA}/benefits/settings`, { type: 'Bedre arbeidsmiljø' })).status, 404);
  assert.equal((await post(orgAdmin, `/orgs/${orgA}/benefits/settings`, { type: 'x'.repeat(81) })).status, 400);
  assert.equal(count(`SELECT count(*) FROM org_benefit_types WHERE org_id = ${orgA}`), before);
  const r = await post(orgAdmin, `/orgs/${orgA}/benefits/settings`, { type: '  Bedre arbeidsmiljø ' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/orgs/${orgA}/benefits?saved=1`);
  assert.match((await orgAdmin.get(r.location)).text, /Saved\./);
  const form = await member.get(`/projects/${Q}/registers/benefit/new`);
  const select = form.text.match(/<select[^>]*name="f-type"[^>]*>([^]*?)<\/select>/)[1];
  assert.ok(select.includes('<option value="org:bedre arbeidsmiljø">Bedre arbeidsmiljø</option>'), select);
  assert.ok(select.includes('<option value="saved-time">Saved time</option>'), 'beside the built-in types');
  const b = await newBenefit(member, Q, { name: 'Mindre sykefravær', type: 'org:bedre arbeidsmiljø' }, uid['eier@bodo.no']);
  assert.match((await member.get(`/benefits/${b}`)).text, /<dt>Type of benefit<\/dt><dd>Bedre arbeidsmiljø<\/dd>/);
  const overview = await orgMember.get(`/orgs/${orgA}/benefits`);
  assert.ok(textRows(overview.text, 'Per type of benefit').some(row => row[0] === 'Bedre arbeidsmiljø'));
  // The same type again (another case) is refused; nothing added.
  const n = count(`SELECT count(*) FROM org_benefit_types WHERE org_id = ${orgA}`);
  const dup = await post(orgAdmin, `/orgs/${orgA}/benefits/settings`, { type: 'Bedre Arbeidsmiljø' });
  assert.equal(dup.status, 400);
  assert.match(dup.text, /That benefit type exists already\./);
  assert.equal(count(`SELECT count(*) FROM org_benefit_types WHERE org_id = ${orgA}`), n);
  // Another organisation's form does not offer it, nor accept it.
  const theirs = await newProject(otherAdmin, orgB, 'Rødøys gevinster', 'org');
  assert.ok(!(await otherAdmin.get(`/projects/${theirs}/registers/benefit/new`)).text.includes('org:bedre arbeidsmiljø'));
  assert.equal((await createBenefit(otherAdmin, theirs, { name: 'Lånt type', type: 'org:bedre arbeidsmiljø' })).status, 400);
});

// ---- pages and markup -------------------------------------------------------------------------
test('deleting a measurement: one of this indicator only; another\'s, or one that does not exist, is not found', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Sletting', unit: 'x' });
  const other = await newIndicator(member, BQ, { name: 'Sletting, annen', unit: 'x' });
  await measured(member, BQ, iid, day(-2), '1');
  await measured(member, BQ, other, day(-2), '2');
  const mine = v.sql(`SELECT id FROM measurements WHERE indicator_id = ${iid}`);
  const theirs = v.sql(`SELECT id FROM measurements WHERE indicator_id = ${other}`);
  const page = await member.get(`/benefits/${BQ}`);
  assert.ok(page.text.includes(`action="/benefits/${BQ}/indicators/${iid}/measurements/${mine}/delete"`));
  assert.equal((await post(member, `/benefits/${B1}/indicators/${iid}/measurements/${mine}/delete`)).status, 404, 'through another benefit');
  const ok = await post(member, `/benefits/${BQ}/indicators/${iid}/measurements/${mine}/delete`);
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `/benefits/${BQ}#indicator-${iid}`);
  assert.equal(nMeasurements(iid), 0);
  // A benefit that is deleted, or an item that is not a benefit: not found.
  const gone = await newBenefit(leader, Q, { name: 'Slettes' }, uid['eier@bodo.no']);
  assert.equal((await post(leader, `/projects/${Q}/items/${gone}/delete`)).status, 303);
  assert.equal((await owner.get(`/benefits/${gone}`)).status, 404);
  const idea = Number((await post(member, `/projects/${Q}/registers/idea`, { rev: '0', 'f-title': 'En idé' })).location.match(/items\/(\d+)/)[1]);
  assert.equal((await member.get(`/benefits/${idea}`)).status, 404);
  assert.equal((await member.get('/benefits/999999')).status, 404);
  // Another indicator's measurement through this indicator is left alone, and not found.
  const wrong = await post(member, `/benefits/${BQ}/indicators/${iid}/measurements/${theirs}/delete`);
  assert.equal(nMeasurements(other), 1, 'the other indicator\'s measurement is still there');
  const missing = await post(member, `/benefits/${BQ}/indicators/${iid}/measurements/999999/delete`);
  assert.deepEqual([wrong.status, missing.status], [404, 404], 'another indicator\'s measurement, and one that does not exist: 404 (not a 303 "done")');
});

test('the measurement table\'s header is markup, not escaped text', async () => {
  const iid = await newIndicator(member, BQ, { name: 'Tabellhode', unit: 'x' });
  await measured(member, BQ, iid, day(-2), '1');
  const sec = indicatorSection((await member.get(`/benefits/${BQ}`)).text, iid);
  assert.ok(!sec.includes('&lt;th'), 'no escaped <th> in the header');
  assert.match(sec, /<th scope="col">Entered by<\/th><th scope="col"><span class="ds-sr-only">Action<\/span><\/th><\/tr><\/thead>/);
  // Read-only visitors have no action column.
  const ro = indicatorSection((await observer.get(`/benefits/${BQ}`)).text, iid);
  assert.match(ro, /<th scope="col">Entered by<\/th><\/tr><\/thead>/);
});

test('texts typed by users are escaped on every benefit page', async () => {
  const b = await newBenefit(leader, Q, { name: '<b>Fet gevinst</b>', goal: '<i>mål</i>' }, uid['eier@bodo.no']);
  const iid = await newIndicator(member, b, { name: '<script>alert(1)</script>', unit: '<u>', baseline: '0', baseline_date: day(-100),
    target: '10', target_date: day(100), frequency: 'weekly' });
  await measured(member, b, iid, day(-50), '1', '<img src=x onerror=alert(2)>');
  const raw = /<script>alert|<b>Fet|<i>mål|<u>|<img src=x/;
  const pages = [[owner, `/benefits/${b}`], [member, `/projects/${Q}/benefits`], [member, `/orgs/${orgA}/benefits`], [owner, '/dashboard'],
    [member, `/benefits/${b}/indicators/${iid}/edit`], [member, `/benefits/${b}/indicators/${iid}/import`]];
  for (const [c, p] of pages) {
    const r = await c.get(p);
    assert.equal(r.status, 200, p);
    assert.doesNotMatch(r.text, raw, p);
  }
  assert.ok((await owner.get(`/benefits/${b}`)).text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  const pre = await importText(member, b, iid, `${day(-1)};2;<script>alert(3)</script>`);
  assert.doesNotMatch(pre.text, /<script>alert/);
  assert.ok(pre.text.includes('&lt;script&gt;alert(3)&lt;/script&gt;'));
});
