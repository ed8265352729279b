// project.test.js — two people walk phase 1 of the Veikart together in real
// browsers: a project is created, the team built, a tool filled in by both at
// once (the conflicting save is resolved field by field in the UI), the phase
// gate decided and a comment left. Every page type is checked with axe-core.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');
const { launch, checkA11y } = require('./browser');

let v, browser;
before(async () => {
  v = await startVarde();
  const adm = await v.admin();
  const org = await makeOrg(adm, { name: 'Bodø kommune', orgnr: '972418013', kommunenr: '1804' });
  await makeUser(v, adm, { email: 'eva@bodo.kommune.no', name: 'Eva Eier', org, password: 'eva sitt lange passord' });
  await makeUser(v, adm, { email: 'mons@bodo.kommune.no', name: 'Mons Medlem', org, password: 'mons sitt lange passord' });
  browser = await launch();
});
after(async () => { await browser?.close(); const r = await v.stop(); assert.equal(r.code, 0, v.stderr()); });

async function login(email, password) {
  const ctx = await browser.newContext({ locale: 'nb-NO' });
  const page = await ctx.newPage();
  await page.goto(v.base + '/login');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/dashboard$/);
  return page;
}

test('two people walk phase 1 of the Veikart together', async () => {
  const eva = await login('eva@bodo.kommune.no', 'eva sitt lange passord');
  const check = (p, label) => checkA11y(p, label);

  // A new project, first with a mistake
  await eva.getByRole('link', { name: 'Start et nytt prosjekt' }).click();
  await check(eva, 'new project');
  await eva.getByLabel('Tittel').fill('Trygg heim');
  await eva.getByLabel('Startdato').fill('2026-01-15');
  await eva.getByRole('button', { name: 'Opprett prosjekt' }).click();
  await eva.getByText('Beskriv utfordringen.').first().waitFor();
  await check(eva, 'new project with errors');
  await eva.getByLabel('Utfordringen').fill('Eldre som bor hjemme faller om natta, og hjelpen kommer for seint.');
  await eva.getByLabel('Mål').fill('Færre fall og raskere hjelp');
  await eva.getByLabel('Tjenesteområde').selectOption('health');
  await eva.getByRole('button', { name: 'Opprett prosjekt' }).click();
  await eva.getByRole('heading', { level: 1, name: 'Trygg heim' }).waitFor();
  await check(eva, 'roadmap');
  const projectUrl = eva.url();

  // Build the team
  await eva.getByLabel('E-post til et medlem av organisasjonen').fill('mons@bodo.kommune.no');
  await eva.getByLabel('Prosjektrolle', { exact: true }).selectOption('member');
  await eva.getByRole('button', { name: 'Legg til i teamet' }).click();
  await eva.getByRole('cell', { name: 'Mons Medlem', exact: true }).waitFor();

  // Both open the project presentation
  const mons = await login('mons@bodo.kommune.no', 'mons sitt lange passord');
  await mons.getByRole('link', { name: 'Trygg heim' }).click();
  const toolLink = mons.getByRole('link', { name: 'Prosjektpresentasjon' }).first();
  await toolLink.click();
  await mons.getByRole('heading', { level: 1, name: 'Prosjektpresentasjon' }).waitFor();
  await check(mons, 'tool page');
  await eva.goto(mons.url());

  // Eva saves first
  await eva.getByLabel('Prosjektnavn').fill('Trygg heim i Bodø');
  await eva.getByLabel('Problemet er beskrevet uten at en bestemt løsning er lagt inn').check();
  await eva.getByRole('button', { name: 'Lagre', exact: true }).click();
  await eva.getByText('Lagret.').waitFor();

  // Mons, whose form is older, saves something else: shown side by side
  await mons.getByLabel('Prosjektnavn').fill('Nattlig tilsyn');
  await mons.getByRole('button', { name: 'Lagre', exact: true }).click();
  await mons.getByRole('heading', { name: 'Noen andre lagret først' }).waitFor();
  await check(mons, 'conflict');
  assert.ok(await mons.getByText('Trygg heim i Bodø').isVisible());
  assert.ok(await mons.getByText('Nattlig tilsyn').isVisible());
  await mons.getByLabel('Trygg heim i Bodø').check(); // keep Eva's name
  await mons.getByRole('button', { name: 'Lagre valgene mine' }).click();
  await mons.getByText('Lagret.').waitFor();
  assert.equal(await mons.getByLabel('Prosjektnavn').inputValue(), 'Trygg heim i Bodø');

  // History
  await mons.getByRole('link', { name: 'Historikk' }).click();
  await mons.getByRole('heading', { level: 1, name: /Historikk/ }).waitFor();
  await check(mons, 'history');

  // A comment that tells Eva
  await mons.goto(projectUrl);
  await mons.getByLabel('Ny kommentar').fill('Jeg har **snakket** med nattpatruljen.');
  await mons.getByLabel('Eva Eier').check();
  await mons.getByRole('button', { name: 'Legg til kommentar' }).click();
  await mons.locator('.varde-comment strong', { hasText: 'snakket' }).waitFor();
  await eva.goto(v.base + '/dashboard');
  await eva.getByText('Mons Medlem nevnte deg i: Trygg heim').waitFor();
  await check(eva, 'dashboard with attention');

  // The phase gate
  await eva.goto(projectUrl);
  await eva.getByRole('link', { name: 'Fasebeslutning' }).first().click();
  await check(eva, 'gate');
  const boxes = eva.locator('input[type=checkbox][name^="x-"]');
  for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check();
  await eva.getByLabel('Beslutning').selectOption('continue');
  await eva.getByLabel('Begrunnelse').fill('Forankret hos ledelsen og tillitsvalgte');
  await eva.getByRole('button', { name: 'Registrer beslutningen' }).click();
  await eva.waitForURL(projectUrl);
  assert.match(await eva.locator('[aria-current="step"] h3').textContent(), /2\. Innsikt/);
  await check(eva, 'roadmap after gate');

  // The organisation's portfolio
  await eva.goto(v.base + '/dashboard');
  await eva.getByRole('link', { name: 'portefølje' }).first().click();
  await eva.getByRole('link', { name: 'Trygg heim' }).waitFor();
  await check(eva, 'portfolio');
});
