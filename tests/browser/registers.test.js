// registers.test.js — a team works through the evidence chain in real
// browsers: an interview is recorded (the personal-data guard warns on a
// pasted fødselsnummer, and the user confirms), an insight and a need are
// derived from it, two ideas are created and voted on, one is tested and a
// decision recorded, and the chain view shows the whole path. Stakeholders,
// a journey map and the organisation's retention list are visited too. Every
// register page type is checked with axe-core.
//
// The browsers use the English UI (/lang/en), so the words matched are the
// msgids of the source; fields are found by their ids and names.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');
const { launch, checkA11y } = require('./browser');

const PW = 'et langt og godt passord';
let v, browser, org, pid;

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

before(async () => {
  v = await startVarde();
  const adm = await v.admin();
  org = await makeOrg(adm, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  const eva = await makeUser(v, adm, { email: 'eva@bodo.kommune.no', name: 'Eva Eier', org, password: PW });
  await makeUser(v, adm, { email: 'mons@bodo.kommune.no', name: 'Mons Medlem', org, password: PW });
  await makeUser(v, adm, { email: 'anne@bodo.kommune.no', name: 'Anne Admin', org, role: 'admin', password: PW });
  // The project and its team are set up over HTTP; the browser test is about the registers.
  await eva.get('/projects/new');
  const r = await eva.post('/projects', { org: String(org), title: 'Trygg heim', challenge: 'Eldre faller om natta.', goals: '',
    area: 'health', methodology: 'veikart', start: '2026-01-15', end: '', visibility: 'org' });
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

// Fill in and save a register form (the page is on /registers/:key/new or an
// edit form); waits for the item page and returns the item's id.
async function saveForm(page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/items\/\d+\?saved=1$/);
  await page.getByText('Saved.').waitFor();
  return Number(page.url().match(/\/items\/(\d+)\?saved=1$/)[1]);
}
async function newItem(page, reg) {
  await page.goto(`${v.base}/projects/${pid}/registers/${reg}/new`);
  await page.locator('form.varde-form').waitFor();
}

test('a team follows the evidence chain from an interview to a decision', async () => {
  const eva = await login('eva@bodo.kommune.no');
  const check = (p, label) => checkA11y(p, label);
  const id = fnr('150387', '123');

  // From the project to its registers
  await eva.goto(`${v.base}/projects/${pid}`);
  await eva.locator(`a[href="/projects/${pid}/registers"]`).first().click();
  await eva.getByRole('heading', { level: 1, name: 'Registers' }).waitFor();
  await check(eva, 'registers overview');
  await eva.locator(`a[href="/projects/${pid}/registers/research"]`).click();
  await eva.getByRole('heading', { level: 1, name: 'Research activities' }).waitFor();
  await eva.getByText('Nothing here yet.').waitFor();
  await check(eva, 'empty register list');

  // An interview, with a fødselsnummer pasted into the notes: the guard warns
  await eva.locator(`a[href="/projects/${pid}/registers/research/new"]`).click();
  await eva.locator('#f-title').fill('Intervju med nattevakt');
  await eva.locator('#f-method').selectOption('interview');
  await eva.locator('#f-date').fill('2026-02-10');
  await eva.locator('#f-participants').fill('Kvinne i femtiårene, nattevakt i ti år');
  await check(eva, 'new item form');
  await eva.locator('#f-notes').fill(`Brukeren (${id}) våkner når vi ser til henne.`);
  await eva.getByRole('button', { name: 'Save', exact: true }).click();
  const warning = eva.locator('#pii-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /Norwegian national identity number – Notes/);
  assert.equal(await eva.locator('#f-notes').inputValue(), `Brukeren (${id}) våkner når vi ser til henne.`, 'the text is kept');
  assert.equal(await eva.locator('#f-title').inputValue(), 'Intervju med nattevakt');
  await check(eva, 'personal-data warning');
  await eva.locator('#pii_ok').check();
  const research = await saveForm(eva);
  await eva.getByText('Holds personal data').waitFor();
  await check(eva, 'item page');

  // An insight from the interview, and a need from the insight
  await newItem(eva, 'insight');
  await eva.locator('#f-headline').fill('Tilsynet vekker brukerne');
  await eva.locator('#f-finding').fill('Tre av fire våkner av nattlige besøk.');
  await eva.getByLabel('Intervju med nattevakt').check();
  const insight = await saveForm(eva);
  await eva.locator(`a[href="/projects/${pid}/items/${research}"]`).first().waitFor(); // came from
  await newItem(eva, 'need');
  await eva.locator('#f-statement').fill('Hvordan kan vi se til brukerne uten å vekke dem?');
  await eva.getByLabel('Tilsynet vekker brukerne').check();
  const need = await saveForm(eva);

  // Two ideas that answer the need, scored by impact and effort
  const ideas = {};
  for (const [title, impact, effort] of [['Sensor i stedet for besøk', '5', '2'], ['Kamera med samtykke', '3', '4']]) {
    await newItem(eva, 'idea');
    await eva.locator('#f-title').fill(title);
    await eva.getByLabel('Hvordan kan vi se til brukerne uten å vekke dem?').check();
    await eva.locator(`#f-impact-${impact}`).check();
    await eva.locator(`#f-effort-${effort}`).check();
    ideas[title] = await saveForm(eva);
  }
  const sensor = ideas['Sensor i stedet for besøk'], camera = ideas['Kamera med samtykke'];

  // The idea list: the impact/effort matrix and dot voting, by two members
  await eva.goto(`${v.base}/projects/${pid}/registers/idea`);
  await eva.locator('svg.varde-chart-quadrant').waitFor();
  await check(eva, 'idea list with matrix and voting');
  await eva.locator(`#dots-${sensor}`).fill('2');
  await eva.locator(`#dots-${camera}`).fill('1');
  await eva.getByRole('button', { name: 'Save my dots' }).click();
  await eva.getByText('Your dots are saved.').waitFor();
  const mons = await login('mons@bodo.kommune.no');
  await mons.goto(`${v.base}/projects/${pid}/registers/idea`);
  await mons.locator(`#dots-${sensor}`).fill('3');
  await mons.getByRole('button', { name: 'Save my dots' }).click();
  await mons.getByText('Your dots are saved.').waitFor();
  const dotsOf = async (page, idea) => (await page.locator(`tr:has(a[href="/projects/${pid}/items/${idea}"]) td`).nth(3).textContent()).trim();
  assert.equal(await dotsOf(mons, sensor), '5');
  assert.equal(await dotsOf(mons, camera), '1');
  assert.equal(await mons.locator(`#dots-${sensor}`).inputValue(), '3', 'Mons sees his own dots');
  // Too many dots: refused, nothing changes
  await mons.locator(`#dots-${camera}`).fill('1');
  await mons.getByRole('button', { name: 'Save my dots' }).click();
  await mons.waitForLoadState();
  assert.match(await mons.content(), /at most 3 in all/);
  await mons.goto(`${v.base}/projects/${pid}/registers/idea`);
  assert.equal(await dotsOf(mons, camera), '1');

  // Mons tests the favourite and records the decision
  await newItem(mons, 'test');
  await mons.locator('#f-title').fill('Sensor hos tre brukere');
  await mons.getByLabel('Sensor i stedet for besøk').check();
  await mons.locator('#f-date').fill('2026-04-01');
  await mons.locator('#f-believe').fill('Brukerne sover bedre med sensor.');
  await mons.locator('#f-form').selectOption('pilot');
  await mons.locator('#f-results').fill('Ingen ble vekket i løpet av to uker.');
  await mons.locator('#f-decision').selectOption('implement');
  const testItem = await saveForm(mons);
  await mons.goto(`${v.base}/projects/${pid}/items/${sensor}`);
  const log = mons.locator('table', { has: mons.locator('caption', { hasText: 'Iterations of this idea' }) });
  await log.waitFor();
  assert.match(await log.textContent(), /Sensor hos tre brukere/);
  assert.match(await log.textContent(), /Implement/);
  await check(mons, 'idea with its test log');

  // The chain view: the whole path with its decision
  await eva.goto(`${v.base}/projects/${pid}/chain`);
  await eva.getByRole('heading', { level: 1, name: 'Evidence chain' }).waitFor();
  const row = eva.locator(`table tbody tr:has(a[href="/projects/${pid}/items/${testItem}"])`);
  for (const item of [research, insight, need, sensor, testItem])
    assert.equal(await row.locator(`a[href="/projects/${pid}/items/${item}"]`).count(), 1, `the path has item ${item}`);
  assert.match(await row.textContent(), /Implement/);
  assert.ok(await eva.locator('svg.varde-chart-graph').isVisible(), 'the graph is drawn');
  await check(eva, 'chain view');
  await eva.goto(`${v.base}/projects/${pid}/chain?item=${camera}`);
  assert.equal(await eva.locator(`table tbody a[href="/projects/${pid}/items/${testItem}"]`).count(), 0, 'the focus leaves out the other idea\'s test');
  await check(eva, 'chain view with focus');

  // History of an edited item
  await eva.goto(`${v.base}/projects/${pid}/items/${insight}`);
  await eva.locator(`a[href="/projects/${pid}/items/${insight}/edit"]`).click();
  await eva.locator('#f-matters').fill('Søvn er helse.');
  await saveForm(eva);
  await eva.locator(`a[href="/projects/${pid}/items/${insight}/history"]`).first().click();
  await eva.getByText('Søvn er helse.').waitFor();
  await check(eva, 'item history');

  // One stakeholder on the power/interest grid
  await newItem(eva, 'stakeholder');
  await eva.locator('#f-name').fill('Tillitsvalgte i hjemmetjenesten');
  await eva.locator('#f-category').selectOption('unions');
  await eva.locator('#f-interest-high').check();
  await eva.locator('#f-influence-medium').check();
  await saveForm(eva);
  await eva.goto(`${v.base}/projects/${pid}/registers/stakeholder`);
  await eva.locator('svg.varde-chart-quadrant').waitFor();
  assert.match(await eva.locator('table tbody').first().textContent(), /Manage closely/);
  await check(eva, 'stakeholder grid');

  // The anchoring plan
  await newItem(eva, 'anchoring');
  await eva.locator('#f-what').fill('Informere tillitsvalgte');
  await eva.locator('#f-deadline').fill('2099-03-01');
  await saveForm(eva);
  await eva.goto(`${v.base}/projects/${pid}/registers/anchoring`);
  await check(eva, 'anchoring plan');

  // A journey map with its feeling curve
  await newItem(eva, 'journey');
  await eva.locator('#f-title').fill('Natta i dag');
  await eva.locator('#f-kind').selectOption('today');
  const stages = [['Legger seg', '4'], ['Tilsyn kl. 02', '1'], ['Står opp', '2']];
  for (let i = 0; i < 2; i++) {
    await eva.locator(`#t-stages-${i}-stage`).fill(stages[i][0]);
    await eva.locator(`#t-stages-${i}-feeling`).selectOption(stages[i][1]);
  }
  const journey = await saveForm(eva); // two rows now, two empty ones offered for more
  await eva.locator(`a[href="/projects/${pid}/items/${journey}/edit"]`).click();
  await eva.locator('#t-stages-2-stage').fill(stages[2][0]);
  await eva.locator('#t-stages-2-feeling').selectOption(stages[2][1]);
  await eva.locator('#t-stages-1-pains').fill('Vekket av lommelykt');
  await saveForm(eva);
  const grid = eva.locator('table.varde-journey');
  await grid.waitFor();
  for (const [stage] of stages) assert.match(await grid.textContent(), new RegExp(stage));
  assert.ok(await eva.locator('svg.varde-chart-curve').isVisible(), 'the feeling curve');
  await check(eva, 'journey map with curve');
  await eva.goto(`${v.base}/projects/${pid}/registers/journey`);
  await check(eva, 'journey list');

  // Retention: an old interview is due; the organisation's admin deletes it
  await newItem(eva, 'research');
  await eva.locator('#f-title').fill('Gammelt intervju');
  await eva.locator('#f-retention').fill('2020-01-31');
  const old = await saveForm(eva);
  const anne = await login('anne@bodo.kommune.no');
  await anne.goto(`${v.base}/orgs/${org}`);
  await anne.locator(`a[href="/orgs/${org}/retention"]`).click();
  await anne.getByRole('heading', { level: 1, name: 'Personal data due for deletion' }).waitFor();
  const form = anne.locator(`form[action="/orgs/${org}/retention/${old}/delete"]`);
  await form.waitFor();
  await check(anne, 'retention list');
  await form.locator('button').click();
  await anne.getByText('Deleted.').waitFor();
  assert.equal(await anne.locator(`form[action="/orgs/${org}/retention/${old}/delete"]`).count(), 0);
  await anne.getByText('Nothing is due for deletion.').waitFor();
  await check(anne, 'retention list, empty');
  await eva.goto(`${v.base}/projects/${pid}/items/${old}`);
  await eva.getByText('This item was deleted when its retention period ended.').waitFor();
  await check(eva, 'tombstone');

  // An org member outside the team reads the interview redacted
  await anne.goto(`${v.base}/projects/${pid}/items/${research}`);
  await anne.getByText('Personal data hidden').first().waitFor();
  assert.ok(!(await anne.content()).includes(id));
  await check(anne, 'redacted item');
});
