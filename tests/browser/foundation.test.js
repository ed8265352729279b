// foundation.test.js — in a real browser: login → dashboard → the admin
// creates an organisation and a user → that user sets a password and logs in;
// every page type is checked with axe-core (zero violations, WCAG 2.1 AA);
// the pages work without JavaScript; keyboard focus reaches the skip link.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, ADMIN_PW } = require('../lib/varde');
const { launch, checkA11y } = require('./browser');

let v, browser;
before(async () => { v = await startVarde(); browser = await launch(); });
after(async () => { await browser?.close(); const r = await v.stop(); assert.equal(r.code, 0, v.stderr()); });

test('admin creates an organisation and a user, who sets a password and logs in', async () => {
  const ctx = await browser.newContext({ locale: 'nb-NO' });
  const page = await ctx.newPage();
  const pagesChecked = [];
  const check = async label => {
    await checkA11y(page, label);
    // Varde sends no scripts at all: every page works without JavaScript.
    assert.equal(await page.locator('script').count(), 0, `no <script> on ${label}`);
    pagesChecked.push(label);
  };

  await page.goto(v.base + '/');
  await check('front page');
  await page.getByRole('link', { name: 'Logg inn' }).first().click();
  await check('login');
  // Wrong password first: error shown, form keeps the e-mail
  await page.getByLabel('E-post').fill('admin@test.no');
  await page.getByLabel('Passord').fill('feil passord');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await assert.doesNotReject(page.getByText('E-postadressen eller passordet er feil').waitFor());
  await check('login with error');
  await page.getByLabel('Passord').fill(ADMIN_PW);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/dashboard$/);
  await check('dashboard');

  await page.getByRole('link', { name: 'Administrasjon', exact: true }).click();
  await check('admin home');
  await page.getByRole('link', { name: 'Organisasjoner', exact: true }).click();
  // A validation error first, shown next to the field and in the summary
  await page.getByLabel('Navn').fill('Træna kommune');
  await page.getByLabel('Type').selectOption('municipality');
  await page.getByLabel('Organisasjonsnummer').fill('123456789');
  await page.getByLabel('Kommunenummer').fill('1835');
  await page.getByRole('button', { name: 'Opprett organisasjon' }).click();
  await page.getByText('kontrollsiffer').first().waitFor();
  await check('org form with errors');
  await page.getByLabel('Organisasjonsnummer').fill('');
  await page.getByRole('button', { name: 'Opprett organisasjon' }).click();
  await page.getByText('Organisasjonen er opprettet').waitFor();
  await check('org list');

  await page.goto(v.base + '/admin/users');
  await page.getByLabel('Navn').fill('Tone Tjenesteutvikler');
  await page.getByLabel('E-post').fill('tone@traena.kommune.no');
  await page.getByLabel('Organisasjon', { exact: true }).selectOption({ label: 'Træna kommune' });
  await page.getByLabel('Rolle i organisasjonen').selectOption('admin');
  await page.getByRole('button', { name: 'Opprett bruker' }).click();
  const link = await page.locator('#setpw-link').textContent();
  assert.match(link, /\/set-password\/[A-Za-z0-9_-]{43}$/);
  await check('user list with link');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/login$/);

  await page.goto(link);
  await check('set password');
  await page.getByLabel('Nytt passord').fill('kort');
  await page.getByLabel('Gjenta det nye passordet').fill('kort');
  await page.getByRole('button', { name: 'Lagre passord' }).click();
  await page.getByText('Passordet må ha minst 12 tegn').first().waitFor();
  await check('set password with error');
  await page.getByLabel('Nytt passord').fill('fjellet er høyt i Træna');
  await page.getByLabel('Gjenta det nye passordet').fill('fjellet er høyt i Træna');
  await page.getByRole('button', { name: 'Lagre passord' }).click();
  await page.getByText('Passordet ditt er lagret').waitFor();
  await page.getByLabel('E-post').fill('tone@traena.kommune.no');
  await page.getByLabel('Passord').fill('fjellet er høyt i Træna');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/dashboard$/);
  await page.getByRole('cell', { name: 'Træna kommune' }).waitFor();
  await page.getByRole('link', { name: 'Træna kommune' }).click();
  await page.getByRole('heading', { name: 'Træna kommune' }).waitFor();
  await check('organisation page (org admin)');
  await page.getByRole('link', { name: 'Min konto' }).click();
  await check('account');
  await page.goto(v.base + '/finnes-ikke');
  await check('404 page');
  assert.ok(pagesChecked.length >= 12);
  await ctx.close();
});

test('English pages pass axe too, and the skip link is the first focus stop', async () => {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  const page = await ctx.newPage();
  await page.goto(v.base + '/login');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(focused, 'Skip to main content');
  await checkA11y(page, 'login (en)');
  await page.getByLabel('E-mail').fill('admin@test.no');
  await page.getByLabel('Password').fill(ADMIN_PW);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dashboard$/);
  await checkA11y(page, 'dashboard (en)');
  await page.goto(v.base + '/admin/users');
  await checkA11y(page, 'users (en)');
  await ctx.close();
});

test('with JavaScript switched off, login and the organisation switcher work', async () => {
  const ctx = await browser.newContext({ locale: 'nb-NO', javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(v.base + '/login');
  await page.getByLabel('E-post').fill('admin@test.no');
  await page.getByLabel('Passord').fill(ADMIN_PW);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/dashboard$/);
  await page.getByRole('link', { name: 'Min konto' }).click();
  await page.getByLabel('Språk i Varde').selectOption('en');
  await page.getByRole('button', { name: 'Lagre språk' }).click();
  await page.getByText('Your language has been saved.').waitFor();
  await page.getByLabel('Language for Varde').selectOption('nb');
  await page.getByRole('button', { name: 'Save language' }).click();
  await page.getByText('Språket ditt er lagret.').waitFor();
  await ctx.close();
});
