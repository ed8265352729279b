// networks.test.js — a network's work in real browsers (issue 7): the
// network leader opens a status-report round, two member municipalities
// submit their reports from the to-do on their dashboards, the leader writes
// the summary, compiles the round and prints it (print media: no forms, no
// navigation); a coach records a coaching session. Every page type of the
// issue is checked with axe-core (WCAG 2.1 A and AA): the network overview,
// a round, the report form, the compiled report, a gathering, coaching, the
// case library, a case and the search results.
//
// The network, the projects and the sharing are set up over HTTP; the
// browsers use the English UI (/lang/en), so the words matched are the msgids.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');
const { launch, checkA11y } = require('./browser');

const PW = 'et langt og godt passord';
let v, browser, N, P, B, gid, caseId;
const plus = days => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

async function post(c, p, obj = {}) {
  if (!c.csrf) await c.get('/dashboard');
  return c.post(p, obj);
}

before(async () => {
  v = await startVarde();
  const adm = await v.admin();
  const ks = await makeOrg(adm, { name: 'KS', kind: 'ks' });
  const oslo = await makeOrg(adm, { name: 'Oslo kommune', kommunenr: '0301' });
  const bergen = await makeOrg(adm, { name: 'Bergen kommune', kommunenr: '4601' });
  const tromso = await makeOrg(adm, { name: 'Tromsø kommune', kommunenr: '5501' });
  const mk = async (email, name, org, role = 'member') => {
    const c = await makeUser(v, adm, { email, name, org, role, password: PW });
    await c.get('/dashboard');
    return c;
  };
  const lea = await mk('lea@ks.no', 'Lea Leder', ks, 'admin');
  await mk('coach@tromso.no', 'Coco Coach', tromso);
  const eva = await mk('eva@oslo.no', 'Eva Eier', oslo);
  const osloAdmin = await mk('admin@oslo.no', 'Ole Admin', oslo, 'admin');
  const bente = await mk('bente@bergen.no', 'Bente Bergen', bergen);
  const bergenAdmin = await mk('admin@bergen.no', 'Berit Admin', bergen, 'admin');
  let r = await post(lea, '/networks', { name: 'Helsenettverket', description: 'Trygg hjemme lenger', owner: String(ks), start: '2026-01-01', end: '2027-06-30' });
  assert.equal(r.status, 303);
  N = Number(r.location.match(/\d+$/)[0]);
  assert.equal((await post(lea, `/networks/${N}/people`, { email: 'coach@tromso.no', role: 'coach' })).status, 303);
  for (const org of [oslo, bergen]) assert.equal((await post(lea, `/networks/${N}/orgs`, { org: String(org), role: 'pilot' })).status, 303);
  assert.equal((await post(lea, `/networks/${N}/themes`, { name: 'Trygghet', description: '' })).status, 303);
  assert.equal((await post(lea, `/networks/${N}/measures`, { name: 'Felles kartlegging', description: '', kind: 'joint' })).status, 303);
  const newProject = async (c, org, title, area) => {
    const x = await post(c, '/projects', { org: String(org), title, challenge: 'Eldre faller om natta, og innovasjonen skal hjelpe.',
      goals: '', area, methodology: 'veikart', start: '2026-01-05', end: '', visibility: 'org' });
    assert.equal(x.status, 303);
    return Number(x.location.match(/\d+$/)[0]);
  };
  P = await newProject(eva, oslo, 'Trygg heim', 'health');
  B = await newProject(bente, bergen, 'Digital skolestart', 'schools');
  assert.equal((await post(osloAdmin, `/projects/${P}/shares`, { network: String(N), theme: '', challenge: 'Fall' })).status, 303);
  assert.equal((await post(bergenAdmin, `/projects/${B}/shares`, { network: String(N), theme: '', challenge: '' })).status, 303);
  // A gathering with an experience and an action, and a published case.
  r = await post(lea, `/networks/${N}/gatherings`, { kind: 'kickoff', title: 'Oppstartssamling', day: plus(7), place: 'Oslo', digital: '1',
    agenda: 'Velkommen\nErfaringer' });
  gid = Number(r.location.match(/\/gatherings\/(\d+)/)[1]);
  assert.equal((await post(lea, `/gatherings/${gid}/experiences`, { 'exp-body': 'Sensorer virker', 'exp-project': String(P) })).status, 303);
  const bente_id = v.sql(`SELECT id FROM users WHERE email = 'bente@bergen.no'`);
  assert.equal((await post(lea, `/gatherings/${gid}/actions`, { 'act-body': 'Del kartleggingen', 'act-owner': bente_id, 'act-deadline': plus(14) })).status, 303);
  r = await post(eva, `/projects/${P}/case`, { title: 'Trygg heim med sensorer', challenge: 'Eldre faller om natta.', what: 'Vi prøvde sensorer med innovasjon.',
    results: 'Færre fall', benefits: 'Spart tid', lessons: 'Start smått', contact: 'Innovasjonsenheten, Oslo kommune', audience: 'public' });
  assert.equal(r.status, 303);
  caseId = Number(r.location.match(/\/cases\/(\d+)/)[1]);
  browser = await launch();
});
after(async () => { await browser?.close(); const r = await v.stop(); assert.equal(r.code, 0, v.stderr()); });

async function login(email) {
  const ctx = await browser.newContext({ locale: 'nb-NO' });
  const page = await ctx.newPage();
  await page.goto(v.base + '/lang/en?next=/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PW);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL(/\/dashboard$/);
  return page;
}

// A member municipality's project leader submits the report from the dashboard.
async function submitReport(email, title, done, axe) {
  const page = await login(email);
  await page.getByRole('link', { name: /Status report: Høstrunden/ }).click();
  await page.getByRole('heading', { level: 1, name: /Høstrunden/ }).waitFor();
  assert.match(await page.locator('#a-phase').inputValue(), /^Anchoring \(\d+ %\)$/, 'the draft is filled from the case file');
  if (axe) await checkA11y(page, `report form (${title})`);
  await page.locator('#rag-amber').check();
  await page.locator('#a-done').fill(done);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('The draft is saved.').waitFor();
  assert.equal(await page.locator('#a-done').inputValue(), done);
  await page.getByRole('button', { name: 'Submit the report' }).click();
  await page.getByText('The report has been submitted.').waitFor();
  await page.goto(v.base + '/dashboard');
  assert.equal(await page.getByRole('link', { name: /Status report: Høstrunden/ }).count(), 0, 'the to-do is gone');
  await page.context().close();
}

test('a leader opens a round, two municipalities submit, the leader compiles and prints it', async () => {
  const lea = await login('lea@ks.no');
  await lea.locator('a[href="/networks"]').first().click();
  await lea.getByRole('link', { name: 'Helsenettverket' }).click();
  await lea.getByRole('heading', { level: 1, name: 'Helsenettverket' }).waitFor();
  assert.equal(await lea.locator('table:has(caption:text("Shared projects")) tbody tr').count(), 2);
  await checkA11y(lea, 'network overview');
  // Filter the overview by member.
  await lea.locator('#f-area').selectOption('schools');
  await lea.getByRole('button', { name: 'Filter' }).click();
  await lea.waitForURL(/area=schools/);
  assert.equal(await lea.locator('table:has(caption:text("Shared projects")) tbody tr').count(), 1);
  // Open a round with the default questions.
  await lea.getByRole('link', { name: 'Status-report rounds' }).click();
  await lea.getByRole('heading', { level: 1, name: 'Status-report rounds' }).waitFor();
  await lea.locator('#title').fill('Høstrunden');
  await lea.locator('#due').fill(plus(14));
  assert.match(await lea.locator('#questions').inputValue(), /^Current phase\n/);
  await lea.getByRole('button', { name: 'Open the round' }).click();
  await lea.waitForURL(/\/rounds\/\d+$/);
  const round = lea.url();
  await lea.getByRole('heading', { level: 1, name: 'Høstrunden' }).waitFor();
  assert.equal(await lea.getByRole('button', { name: /^Remind/ }).count(), 2, 'nobody has submitted: two reminders to send');
  await checkA11y(lea, 'round page');
  // Remind Bergen; the message is on Bente's dashboard.
  await lea.getByRole('button', { name: 'Remind Digital skolestart' }).click();
  await lea.getByText('The reminder has been sent.').waitFor();

  await submitReport('eva@oslo.no', 'Oslo', 'Vi har intervjuet tolv brukere.', true);
  const bente = await login('bente@bergen.no');
  await bente.getByText(/Reminder: the status report is due: Høstrunden/).waitFor();
  await bente.getByRole('button', { name: 'Done' }).click();
  await bente.waitForURL(/\/dashboard$/);
  assert.equal(await bente.getByText(/Reminder: the status report is due/).count(), 0, 'dismissed');
  await bente.context().close();
  await submitReport('bente@bergen.no', 'Bergen', 'Workshop med lærerne.');

  // The leader sees both submitted, writes the summary, and prints the compiled report.
  await lea.goto(round);
  assert.equal(await lea.getByText('version 1 – submitted').count(), 2);
  assert.equal(await lea.getByRole('button', { name: /^Remind/ }).count(), 0);
  await lea.locator('#summary').fill('Begge kommunene er i rute.\nBergen trenger hjelp med anskaffelse.');
  await lea.getByRole('button', { name: 'Save the summary' }).click();
  await lea.waitForURL(round);
  await lea.getByRole('link', { name: 'Compiled report (printable)' }).click();
  await lea.waitForURL(/\/compiled$/);
  const reports = lea.locator('article.varde-report');
  assert.equal(await reports.count(), 2);
  assert.match(await reports.nth(0).textContent(), /Vi har intervjuet tolv brukere\./);
  assert.match(await reports.nth(1).textContent(), /Workshop med lærerne\./);
  await lea.getByText('Bergen trenger hjelp med anskaffelse.').waitFor();
  await checkA11y(lea, 'compiled report');
  await lea.emulateMedia({ media: 'print' });
  const forms = lea.locator('form');
  assert.ok(await forms.count() > 0, 'the page has forms (the header\'s)');
  for (let i = 0; i < await forms.count(); i++) assert.equal(await forms.nth(i).isVisible(), false, `form ${i} is hidden in print`);
  assert.equal(await lea.locator('.varde-header').isVisible(), false, 'no header in print');
  assert.equal(await lea.locator('.varde-noprint').first().isVisible(), false, 'no way back in print');
  assert.ok(await reports.nth(1).isVisible(), 'the reports are printed');
  assert.ok(await lea.getByText('Begge kommunene er i rute.').isVisible(), 'the summary is printed');
  await lea.emulateMedia({ media: 'screen' });
  // The round page in print: the summary form is hidden too.
  await lea.goto(round);
  await lea.emulateMedia({ media: 'print' });
  assert.equal(await lea.locator('form[action$="/summary"]').isVisible(), false);
  await lea.context().close();
});

test('a coach records a coaching session with an agreed action; the team sees it in the log', async () => {
  const coach = await login('coach@tromso.no');
  await coach.goto(`${v.base}/networks/${N}`);
  await coach.locator(`a[href="/projects/${P}/coaching"]`).click();
  await coach.getByRole('heading', { level: 1, name: /Coaching/ }).waitFor();
  // The plan first, then a session.
  await coach.locator('form[action$="/coaching/plan"] input[name="start"]').fill(plus(7));
  await coach.getByRole('button', { name: 'Make the plan' }).click();
  await coach.getByText('Saved.').waitFor();
  const form = coach.locator('form[action$="/coaching/sessions"]');
  await form.locator('input[name="day"]').fill(plus(-1));
  await form.locator('select[name="mode"]').selectOption('video');
  await form.locator('textarea[name="notes"]').fill('Gikk gjennom intervjuene og planla testing.');
  await form.locator('input[name="a1-body"]').fill('Lag en prototyp');
  await form.locator('select[name="a1-owner"]').selectOption({ label: 'Eva Eier' });
  await form.locator('input[name="a1-deadline"]').fill(plus(10));
  await coach.getByRole('button', { name: 'Record the session' }).click();
  await coach.waitForURL(/\/coaching\?saved=1/);
  await coach.getByText('Gikk gjennom intervjuene og planla testing.').first().waitFor();
  await checkA11y(coach, 'coaching page (coach, with a session and a plan)');
  await coach.context().close();
  // The project's leader sees the log and the open action, and ticks it off.
  const eva = await login('eva@oslo.no');
  await eva.goto(`${v.base}/projects/${P}/coaching`);
  const open = eva.locator('table:has(caption:text("Actions agreed in coaching that are not done, by deadline"))');
  assert.match(await open.textContent(), /Lag en prototyp/);
  await open.getByRole('button', { name: 'Mark as done' }).click();
  await eva.getByText('No open actions.').waitFor();
  await eva.context().close();
});

test('axe: the gathering page, the case library, a case and the search results (signed in: with projects)', async () => {
  const lea = await login('lea@ks.no');
  await lea.goto(`${v.base}/networks/${N}/gatherings`);
  await lea.getByRole('link', { name: 'Oppstartssamling' }).click();
  await lea.getByRole('heading', { level: 1, name: /Oppstartssamling/ }).waitFor();
  assert.match(await lea.locator('main').textContent(), /Sensorer virker/);
  await checkA11y(lea, 'gathering page');
  await lea.emulateMedia({ media: 'print' });
  assert.equal(await lea.locator('form[action$="/actions"]').isVisible(), false, 'the gathering prints without its forms');
  await lea.emulateMedia({ media: 'screen' });
  await lea.context().close();
  // Anonymous: the library, the case and the search.
  const ctx = await browser.newContext({ locale: 'nb-NO' });
  const anon = await ctx.newPage();
  await anon.goto(v.base + '/lang/en?next=/cases');
  await anon.getByRole('heading', { level: 1, name: 'Case library' }).waitFor();
  await checkA11y(anon, 'case library');
  await anon.getByRole('link', { name: 'Trygg heim med sensorer' }).click();
  await anon.waitForURL(new RegExp(`/cases/${caseId}$`));
  await checkA11y(anon, 'a case');
  await anon.goto(v.base + '/search');
  await anon.locator('#q').fill('innovasj');
  await anon.getByRole('button', { name: 'Search', exact: true }).click();
  await anon.waitForURL(/\/search\?q=innovasj/);
  await anon.locator('section[aria-labelledby="hits-cases"] mark').first().waitFor();
  await checkA11y(anon, 'search results');
  await ctx.close();
  // Signed in: the projects too.
  const eva = await login('eva@oslo.no');
  await eva.goto(`${v.base}/search?q=${encodeURIComponent('trygg')}`);
  await eva.locator('section[aria-labelledby="hits-projects"] a').first().waitFor();
  await eva.context().close();
});

// Form controls whose label points at another element with the same id have
// no accessible name of their own; axe-core no longer checks duplicate ids.
// Returns the page's duplicate ids and its controls without a label.
function labelProblems(page) {
  return page.evaluate(() => {
    const ids = {};
    for (const e of document.querySelectorAll('[id]')) ids[e.id] = (ids[e.id] || 0) + 1;
    const dup = Object.keys(ids).filter(k => ids[k] > 1).map(k => `duplicate id "${k}"`);
    const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter(e => !e.labels.length && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
      .map(e => `no label: ${e.closest('form') ? e.closest('form').getAttribute('action') : ''} ${e.name}`);
    return [...dup, ...unlabelled];
  });
}

test('every form control on the network pages has a label of its own (no duplicate ids)', async () => {
  // Bug hunt: the network overview's theme and measure forms both use the
  // ids "name" and "description", and the coaching page's plan and session
  // forms both use "network": the second field's label names the first.
  const lea = await login('lea@ks.no');
  const rid = v.sql('SELECT id FROM status_rounds ORDER BY id LIMIT 1');
  const found = {};
  for (const p of [`/networks/${N}`, `/networks/${N}/rounds`, `/rounds/${rid}`, `/networks/${N}/gatherings`, `/gatherings/${gid}`,
    `/projects/${P}/coaching`, '/search?q=trygg']) {
    await lea.goto(v.base + p);
    const problems = await labelProblems(lea);
    if (problems.length) found[p] = problems;
  }
  await lea.context().close();
  assert.deepEqual(found, {}, 'duplicate ids and controls without a label of their own');
});
