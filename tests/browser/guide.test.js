// guide.test.js — the public guide in a real browser: every page type passes
// axe-core (WCAG 2.1 A/AA) in Norwegian and English, a reader can navigate
// and search by keyboard, and the operator's methodology page is accessible.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, ADMIN_PW } = require('../lib/varde');
const { launch, checkA11y } = require('./browser');

let v, browser;
before(async () => { v = await startVarde(); browser = await launch(); });
after(async () => { await browser?.close(); const r = await v.stop(); assert.equal(r.code, 0, v.stderr()); });

test('a reader walks the guide: list, methodology, phase, tool, template, print, search', async () => {
  const ctx = await browser.newContext({ locale: 'nb-NO' });
  const page = await ctx.newPage();
  await page.goto(v.base + '/');
  await page.getByRole('link', { name: 'Veileder' }).click();
  await checkA11y(page, 'guide index');
  await page.getByRole('link', { name: /Veikart for tjenesteinnovasjon$/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Veikart/ }).waitFor();
  await checkA11y(page, 'methodology');
  await page.getByRole('heading', { level: 3 }).filter({ hasText: 'Forankring' }).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Forankring' }).waitFor();
  await checkA11y(page, 'phase');
  await page.getByRole('link', { name: 'Prosjektpresentasjon' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Prosjektpresentasjon' }).waitFor();
  await checkA11y(page, 'tool');
  await page.getByRole('link', { name: 'Tom mal til utskrift for en workshop' }).click();
  await checkA11y(page, 'empty template');
  await page.goto(v.base + '/guide/veikart/print');
  await checkA11y(page, 'print view');
  // The print stylesheet hides the navigation.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.varde-header').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(v.base + '/guide');
  await page.getByLabel('Søk i veilederen').fill('interessent');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Søkeresultater' }).waitFor();
  assert.ok(await page.locator('.varde-results li').count() > 0);
  await checkA11y(page, 'search results');
  await ctx.close();
});

test('the Swedish guide and English pages pass axe', async () => {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  const page = await ctx.newPage();
  for (const p of ['/guide', '/guide/skr-innovationsguiden', '/guide/skr-innovationsguiden/phases/ringa-in',
    '/guide/skr-innovationsguiden/tools/hitta-utmaningen', '/guide/veikart-2015/tools/prosjektbeskrivelse']) {
    const r = await page.goto(v.base + p);
    assert.equal(r.status(), 200, p);
    await checkA11y(page, p);
  }
  await ctx.close();
});

test('the operator’s methodology page and an organisation page with its methodology choice pass axe', async () => {
  const ctx = await browser.newContext({ locale: 'nb-NO' });
  const page = await ctx.newPage();
  await page.goto(v.base + '/login');
  await page.getByLabel('E-post').fill('admin@test.no');
  await page.getByLabel('Passord').fill(ADMIN_PW);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/dashboard/);
  await page.goto(v.base + '/admin/methodologies');
  await checkA11y(page, 'admin methodologies');
  await page.goto(v.base + '/admin/orgs');
  await page.getByLabel('Navn').fill('Vefsn kommune');
  await page.getByLabel('Type').selectOption('municipality');
  await page.getByLabel('Kommunenummer').fill('1824');
  await page.getByRole('button', { name: 'Opprett organisasjon' }).click();
  await page.getByRole('link', { name: 'Vefsn kommune' }).click();
  await page.getByLabel('Veikart for tjenesteinnovasjon', { exact: true }).check();
  await page.getByRole('button', { name: 'Lagre metodikker' }).click();
  await page.getByText('Valget av metodikker er lagret.').waitFor();
  assert.equal(await page.getByLabel('Veikart for tjenesteinnovasjon', { exact: true }).isChecked(), true);
  await checkA11y(page, 'organisation with methodologies');
  await ctx.close();
});
