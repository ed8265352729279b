// benefits.test.js — benefit realisation (issue 6) in a real browser: the
// leader of a team-only project defines a benefit with an owner outside the
// team and an indicator, pastes three measurements (one bad row, fixed in the
// preview), and sees the chart and the progress; the plan and the
// organisation's overview; then the project is closed and the benefit owner
// still enters a measurement. The benefit page (empty, with an indicator, and
// as its owner), the indicator form, the import preview, the plan and the
// organisation's overview are checked with axe-core.
//
// The browsers use the English UI (/lang/en), so the words matched are the
// msgids of the source; fields are found by their ids and names. Dates are
// relative to today, so the progress shown does not change with the date.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');
const { launch, checkA11y } = require('./browser');

const PW = 'et langt og godt passord';
let v, browser, org, pid;

const isoOf = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
function day(offset) { const d = new Date(); d.setHours(12, 0, 0, 0); d.setDate(d.getDate() + offset); return isoOf(d); }
const nbDate = iso => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

before(async () => {
  v = await startVarde();
  const adm = await v.admin();
  org = await makeOrg(adm, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  const eva = await makeUser(v, adm, { email: 'eva@bodo.kommune.no', name: 'Eva Eier', org, password: PW });
  await makeUser(v, adm, { email: 'mons@bodo.kommune.no', name: 'Mons Medlem', org, password: PW });
  await makeUser(v, adm, { email: 'olav@bodo.kommune.no', name: 'Olav Gevinsteier', org, password: PW });
  await makeUser(v, adm, { email: 'anne@bodo.kommune.no', name: 'Anne Admin', org, role: 'admin', password: PW });
  // The project and its team are set up over HTTP; the browser test is about benefits.
  await eva.get('/projects/new');
  const r = await eva.post('/projects', { org: String(org), title: 'Digital byggesak', challenge: 'Søknader blir liggende.',
    goals: 'Raskere svar til innbyggerne', area: 'health', methodology: 'veikart', start: '2026-01-15', end: '', visibility: 'team' });
  assert.equal(r.status, 303);
  pid = Number(r.location.match(/^\/projects\/(\d+)$/)[1]);
  await eva.get(`/projects/${pid}`);
  assert.equal((await eva.post(`/projects/${pid}/team`, { email: 'mons@bodo.kommune.no', role: 'member' })).status, 303);
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

let benefit, indicator;

test('a leader defines a benefit and an indicator, pastes measurements, fixes a bad row, and sees chart and progress', async () => {
  const eva = await login('eva@bodo.kommune.no');
  const check = (label) => checkA11y(eva, label);

  // A benefit, from the project's benefit register, with an owner outside the team.
  await eva.goto(`${v.base}/projects/${pid}/registers/benefit`);
  await eva.locator(`a[href="/projects/${pid}/registers/benefit/new"]`).first().click();
  await eva.locator('#f-name').fill('Færre henvendelser om byggesaker');
  await eva.locator('#f-type').selectOption('saved-time');
  await eva.locator('#f-goal').fill('Raskere svar til innbyggerne');
  await eva.locator('#owner').selectOption({ label: 'Olav Gevinsteier' });
  await eva.getByRole('button', { name: 'Save', exact: true }).click();
  await eva.waitForURL(/\/items\/\d+\?saved=1$/);
  benefit = Number(eva.url().match(/\/items\/(\d+)\?saved=1$/)[1]);
  await eva.getByRole('link', { name: 'Indicators, measurements and value' }).click();
  await eva.waitForURL(new RegExp(`/benefits/${benefit}$`));
  await eva.getByRole('heading', { level: 1, name: /Færre henvendelser om byggesaker/ }).waitFor();
  await eva.getByText('No indicators yet: say how the benefit will be measured.').waitFor();
  await check('benefit page without indicators');

  // An indicator: lower is better, 100 → 40 calls a month over a year.
  await eva.getByRole('link', { name: 'Add an indicator' }).click();
  await eva.getByRole('heading', { level: 1, name: 'New indicator' }).waitFor();
  await eva.locator('#name').fill('Telefoner om byggesaker');
  await eva.locator('#unit').fill('calls');
  await eva.locator('#dir-lower').check();
  await eva.locator('#frequency').selectOption('monthly');
  await eva.locator('#source').fill('Sentralbordets statistikk');
  await eva.locator('#baseline').fill('100');
  await eva.locator('#baseline_date').fill(nbDate(day(-90)));
  await eva.locator('#target').fill('40');
  await eva.locator('#target_date').fill(day(275));
  await check('indicator form');
  // A bad date first: the form comes back with the error and the values kept.
  await eva.locator('#target_date').fill('31.02.2027');
  await eva.getByRole('button', { name: 'Save', exact: true }).click();
  await eva.locator('#error-summary').waitFor();
  assert.match(await eva.locator('#error-summary').textContent(), /Enter a date like 2026-11-22 or 22\.11\.2026\./);
  assert.equal(await eva.locator('#name').inputValue(), 'Telefoner om byggesaker', 'what was typed is kept');
  await check('indicator form with an error');
  await eva.locator('#target_date').fill(day(275));
  await eva.getByRole('button', { name: 'Save', exact: true }).click();
  await eva.waitForURL(/\/benefits\/\d+\?saved=1#indicator-\d+$/);
  indicator = Number(eva.url().match(/#indicator-(\d+)$/)[1]);
  const section = eva.locator(`#indicator-${indicator}`);
  await section.waitFor();
  assert.match(await section.locator('.varde-progress-box').textContent(), /No measurements yet/);

  // Three measurements pasted from a spreadsheet; the second has a typo.
  await section.getByRole('link', { name: 'Paste or import several measurements' }).click();
  await eva.getByRole('heading', { level: 1, name: /Import measurements/ }).waitFor();
  const rows = [[nbDate(day(-60)), '95', 'januar'], [day(-30), '9O', 'februar'], [day(-5), '85', 'mars']];
  await eva.locator('#data').fill(rows.map(r => r.join('\t')).join('\n'));
  await eva.getByRole('button', { name: 'Check the rows' }).click();
  const preview = eva.locator('table', { has: eva.locator('caption', { hasText: 'Preview' }) });
  await preview.waitFor();
  assert.match(await preview.locator('tbody tr').nth(1).textContent(), /Error.*Not a number/);
  assert.equal(await eva.getByRole('button', { name: /Save the measurements/ }).count(), 0, 'no save while a row is bad');
  await check('import preview with a bad row');
  // Fix the row in the text and check again: all good, save.
  const text = await eva.locator('#data').inputValue();
  assert.ok(text.includes('9O'), 'the pasted text is kept');
  await eva.locator('#data').fill(text.replace('9O', '90'));
  await eva.getByRole('button', { name: 'Check the rows' }).click();
  await eva.getByRole('button', { name: 'Save the measurements (3)' }).waitFor();
  assert.equal(await preview.locator('tbody tr', { hasText: 'Error' }).count(), 0);
  await check('import preview, every row good');
  await eva.getByRole('button', { name: 'Save the measurements (3)' }).click();
  await eva.waitForURL(/\/benefits\/\d+\?measured=3#indicator-\d+$/);
  await eva.getByText('Saved.').waitFor();

  // The chart (three points) and the progress: 100 → 40, 85 five days ago is on track.
  const chart = section.locator('svg.varde-chart-series');
  await chart.waitFor();
  assert.equal(await chart.locator('g.varde-chart-point').count(), 3, 'three measurements plotted');
  assert.equal(await chart.getAttribute('role'), 'img');
  const box = section.locator('.varde-progress-box');
  const progress = (await box.textContent()).replace(/\u00a0/g, ' ');
  assert.match(progress, /On track/);
  assert.match(progress, /Latest measurement: 85 calls/);
  assert.match(progress, /Progress from baseline to target: 25 %/);
  assert.equal(await box.locator('progress').getAttribute('value'), '25');
  const table = section.locator('table', { has: eva.locator('caption', { hasText: 'Measurements: Telefoner om byggesaker' }) });
  assert.equal(await table.locator('tbody tr').count(), 3);
  assert.match(await table.locator('tbody tr').first().textContent(), new RegExp(`${nbDate(day(-5))}.*85 calls.*mars`));
  await check('benefit page with an indicator, chart and progress');

  // A calculation, so the plan and the overview have money in them.
  await eva.locator('summary', { hasText: 'Calculate: Avoided cost' }).click();
  await eva.locator('#avoided-cost-cost_per_task').fill('250');
  await eva.locator('#avoided-cost-tasks_avoided').fill('1 200');
  await eva.locator('#avoided-cost-start').fill('01.01.2026');
  await eva.locator('form:has(input[name="kind"][value="avoided-cost"]) button[type="submit"]').click();
  await eva.waitForURL(/\?saved=1#money$/);
  assert.match((await eva.locator('#money').textContent()).replace(/\u00a0/g, ' '), /Yearly value\s*300 000 kr/);

  // The plan: the benefit map and the table.
  await eva.goto(`${v.base}/benefits/${benefit}`);
  await eva.getByRole('link', { name: 'Benefit realisation plan' }).click();
  await eva.getByRole('heading', { level: 1, name: /Benefit realisation plan/ }).waitFor();
  const map = eva.locator('svg.varde-chart-graph');
  await map.waitFor();
  assert.ok(await map.getAttribute('role'), 'the map has a role');
  assert.equal(await map.locator('title').first().textContent(), 'Benefit map');
  assert.equal(await eva.locator(`table tbody a[href="/benefits/${benefit}"]`).count(), 1);
  assert.match((await eva.locator('table tfoot').textContent()).replace(/\u00a0/g, ' '), /Total\s*300 000 kr/);
  await check('benefit realisation plan');

  // The organisation's overview, as its administrator (with the settings form).
  const anne = await login('anne@bodo.kommune.no');
  await anne.goto(`${v.base}/orgs/${org}/benefits`);
  await anne.getByRole('heading', { level: 1, name: 'Benefits across the organisation' }).waitFor();
  const byOwner = anne.locator('table', { has: anne.locator('caption', { hasText: 'Per benefit owner' }) });
  assert.match(await byOwner.locator('tbody').textContent(), /Olav Gevinsteier/);
  await anne.locator('#hourly_cost').fill('650');
  await anne.getByRole('button', { name: 'Save', exact: true }).click();
  await anne.getByText('Saved.').waitFor();
  await checkA11y(anne, 'organisation\'s benefits overview');
  await anne.context().close();
  await eva.context().close();
});

test('after the project is closed, the benefit owner still enters a measurement', async () => {
  assert.ok(benefit && indicator, 'the first test made the benefit');
  const eva = await login('eva@bodo.kommune.no');
  await eva.goto(`${v.base}/projects/${pid}`);
  await eva.getByRole('button', { name: 'Close the project' }).click();
  await eva.waitForLoadState();
  assert.equal(v.sql(`SELECT status FROM projects WHERE id = ${pid}`), 'closed');
  await eva.context().close();

  const olav = await login('olav@bodo.kommune.no');
  await olav.goto(`${v.base}/benefits/${benefit}`);
  await olav.getByRole('heading', { level: 1, name: /Færre henvendelser om byggesaker/ }).waitFor();
  assert.equal(await olav.locator(`a[href="/projects/${pid}"]`).count(), 0, 'the owner outside the team gets no link into the project');
  await checkA11y(olav, 'benefit page, as its owner');
  const section = olav.locator(`#indicator-${indicator}`);
  await section.locator(`#m${indicator}-date`).fill(nbDate(day(-1)));
  await section.locator(`#m${indicator}-value`).fill('82,5');
  await section.locator(`#m${indicator}-comment`).fill('Etter avslutning');
  await section.getByRole('button', { name: 'Add measurement' }).click();
  await olav.waitForURL(/\?measured=1#indicator-\d+$/);
  await olav.getByText('Saved.').waitFor();
  const table = olav.locator(`#indicator-${indicator} table`);
  assert.match((await table.locator('tbody tr').first().textContent()).replace(/\u00a0/g, ' '), new RegExp(`${nbDate(day(-1))}.*82,5 calls.*Etter avslutning.*Olav Gevinsteier`));
  assert.equal(await olav.locator(`#indicator-${indicator} g.varde-chart-point`).count(), 4);
  assert.match(await olav.locator(`#indicator-${indicator} .varde-progress-box`).textContent(), /Latest measurement: 82,5 calls/);
  // The (team-only) project is not theirs to open, nor its plan.
  for (const p of [`/projects/${pid}`, `/projects/${pid}/benefits`])
    assert.equal((await olav.goto(`${v.base}${p}`)).status(), 404, p);
  await olav.context().close();
});
