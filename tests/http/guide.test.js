// guide.test.js — the public guide over HTTP, methodology versions and
// imports (command line and archive upload), and an organisation's choice of
// methodologies.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');

const ROOT = path.resolve(__dirname, '..', '..');
let v, adm;
before(async () => { v = await startVarde(); adm = await v.admin(); });
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('the guide lists the four built-in methodologies without login', async () => {
  const r = await v.client().get('/guide');
  assert.equal(r.status, 200);
  for (const key of ['veikart', 'veikart-2015', 'innovasjonsguiden', 'skr-innovationsguiden'])
    assert.match(r.text, new RegExp(`href="/guide/${key}"`), key);
  assert.match(r.text, /Veikart for tjenesteinnovasjon/);
});

test('every phase and tool page of every methodology answers 200', async () => {
  const c = v.client();
  let pages = 0;
  for (const key of ['veikart', 'veikart-2015', 'innovasjonsguiden', 'skr-innovationsguiden']) {
    const m = await c.get(`/guide/${key}`);
    assert.equal(m.status, 200);
    const links = [...new Set([...m.text.matchAll(new RegExp(`href="(/guide/${key}/(?:phases|tools)/[a-z0-9-]+)"`, 'g'))].map(x => x[1]))];
    assert.ok(links.length >= 10, `${key} links ${links.length}`);
    for (const l of links) {
      const r = await c.get(l);
      assert.equal(r.status, 200, l);
      pages++;
    }
    assert.equal((await c.get(`/guide/${key}/print`)).status, 200);
  }
  assert.ok(pages >= 90, `pages: ${pages}`); // 21 phases and 77 tools today
});

test('a phase page shows steps, tools, exit criteria and tips in Norwegian and English', async () => {
  const nb = await v.client().get('/guide/veikart/phases/forankring');
  assert.match(nb.text, /<html lang="nb"/);
  assert.match(nb.text, /Når er fasen ferdig\?/);
  assert.match(nb.text, /id="step-/);
  assert.match(nb.text, /href="\/guide\/veikart\/tools\/prosjektpresentasjon"/);
  const en = await v.client().get('/guide/veikart/phases/forankring', { headers: { 'accept-language': 'en' } });
  assert.match(en.text, /When is the phase done\?/);
  assert.match(en.text, /Anchoring/);
});

test('the Swedish methodology is shown in Swedish, marked as such, to a Norwegian reader', async () => {
  const r = await v.client().get('/guide/skr-innovationsguiden');
  assert.match(r.text, /<div lang="sv">/);
  assert.match(r.text, /Ringa in/);
  const en = await v.client().get('/guide/skr-innovationsguiden', { headers: { 'accept-language': 'en' } });
  assert.doesNotMatch(en.text, /<div lang="sv">/);
});

test('a tool page shows template, checklist, questions and tips; the empty template prints', async () => {
  const r = await v.client().get('/guide/veikart/tools/prosjektpresentasjon');
  for (const h of ['Slik gjør du det', 'Mal', 'Sjekkliste', 'Spørsmål til refleksjon', 'Tips og råd', 'Brukes i'])
    assert.ok(r.text.includes(h), h);
  const t = await v.client().get('/guide/veikart/tools/prosjektpresentasjon/template');
  assert.equal(t.status, 200);
  assert.match(t.text, /class="varde-box/);
  assert.equal((await v.client().get('/guide/veikart/tools/nope')).status, 404);
  assert.equal((await v.client().get('/guide/nope')).status, 404);
  assert.equal((await v.client().get('/guide/veikart/phases/nope')).status, 404);
});

test('search finds text across methodologies and keeps Nordic letters apart', async () => {
  const r = await v.client().get('/guide?q=' + encodeURIComponent('gevinst'));
  assert.match(r.text, /<mark>gevinst<\/mark>/i);
  assert.match(r.text, /href="\/guide\/veikart\/tools\/gevinst/);
  const sv = await v.client().get('/guide?q=' + encodeURIComponent('Användarresa'));
  assert.match(sv.text, /skr-innovationsguiden/);
  const none = await v.client().get('/guide?q=' + encodeURIComponent('qqxyzzy'));
  assert.match(none.text, /Ingenting i veilederen passer/);
  const xss = await v.client().get('/guide?q=' + encodeURIComponent('<script>'));
  assert.doesNotMatch(xss.text, /<script>/);
});

test('a changed methodology becomes a new version; the old version stays readable', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-m-'));
  fs.cpSync(path.join(ROOT, 'methodologies', 'innovasjonsguiden'), path.join(dir, 'ig'), { recursive: true });
  const before = await v.client().get('/guide/innovasjonsguiden');
  const oldHash = before.text.match(/versjon 2023\.1 \(([0-9a-f]{8})\)/)[1];
  const file = path.join(dir, 'ig', 'methodology.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('version: "2023.1"', 'version: "2023.9"'));
  const r = v.cli(['methodology', 'import', path.join(dir, 'ig')]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /stored as methodology version (\d+)/);
  const again = v.cli(['methodology', 'import', path.join(dir, 'ig')]);
  assert.match(again.stdout, /already stored/);
  const now = await v.client().get('/guide/innovasjonsguiden');
  assert.match(now.text, /versjon 2023\.9/);
  const list = await adm.get('/admin/methodologies');
  const oldId = list.text.match(new RegExp(`href="/guide/innovasjonsguiden\\?v=(\\d+)">innovasjonsguiden</a></td><td>2023\\.1<`))[1];
  const pinned = await v.client().get(`/guide/innovasjonsguiden?v=${oldId}`);
  assert.match(pinned.text, new RegExp(`versjon 2023\\.1 \\(${oldHash}\\)`));
  assert.equal((await v.client().get(`/guide/veikart?v=${oldId}`)).status, 404, 'a version of another methodology');
});

test('an invalid import is refused with file and line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-m-'));
  fs.cpSync(path.join(ROOT, 'methodologies', 'innovasjonsguiden'), path.join(dir, 'bad'), { recursive: true });
  const file = path.join(dir, 'bad', 'methodology.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^format: 1$/m, 'format: 1\ncolour: blue'));
  const r = v.cli(['methodology', 'import', path.join(dir, 'bad')]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /bad\/methodology\.yaml:2: unknown key "colour"/);
});

test('the operator uploads a methodology archive; problems are listed and nothing is stored', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-up-'));
  fs.cpSync(path.join(ROOT, 'methodologies', 'veikart-2015'), path.join(dir, 'vk'), { recursive: true });
  const yml = path.join(dir, 'vk', 'methodology.yaml');
  fs.writeFileSync(yml, fs.readFileSync(yml, 'utf8').replace('version: "2015.1"', 'version: "2015.7"'));
  execFileSync('tar', ['-czf', path.join(dir, 'vk.tar.gz'), '-C', dir, 'vk']);
  await adm.get('/admin/methodologies');
  const ok = await adm.postMultipart('/admin/methodologies', {}, { field: 'archive', name: 'vk.tar.gz', data: fs.readFileSync(path.join(dir, 'vk.tar.gz')) });
  assert.equal(ok.status, 200, ok.text);
  assert.match(ok.text, /Metodikken ble kontrollert og lagret/);
  assert.match((await v.client().get('/guide/veikart-2015')).text, /versjon 2015\.7/);

  fs.writeFileSync(yml, fs.readFileSync(yml, 'utf8').replace(/^languages: .*$/m, 'languages: [nb, en, xx]'));
  execFileSync('tar', ['-czf', path.join(dir, 'bad.tar.gz'), '-C', dir, 'vk']);
  const bad = await adm.postMultipart('/admin/methodologies', {}, { field: 'archive', name: 'bad.tar.gz', data: fs.readFileSync(path.join(dir, 'bad.tar.gz')) });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /methodology\.yaml:\d+: unknown language &quot;xx&quot;/);
  const junk = await adm.postMultipart('/admin/methodologies', {}, { field: 'archive', name: 'x.zip', data: Buffer.from('not an archive') });
  assert.equal(junk.status, 400);
  const none = await adm.postMultipart('/admin/methodologies', {}, null);
  assert.equal(none.status, 400);
  const anon = v.client();
  await anon.get('/login');
  assert.equal((await anon.postMultipart('/admin/methodologies', {}, null)).status, 403);
});

test('an organisation administrator chooses the methodologies it offers', async () => {
  const org = await makeOrg(adm, { name: 'Metode kommune', kommunenr: '1806' });
  const oa = await makeUser(v, adm, { email: 'm.admin@test.no', name: 'Mona', org, role: 'admin' });
  const om = await makeUser(v, adm, { email: 'm.member@test.no', name: 'Mats', org, role: 'member' });
  await oa.get(`/orgs/${org}`);
  // Two boxes ticked: the same field name twice, as a browser sends it.
  const r = await oa.request('POST', `/orgs/${org}/methodologies`, {
    body: `csrf=${oa.csrf}&m=veikart&m=innovasjonsguiden`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 303);
  const page = await om.get(`/orgs/${org}`);
  assert.match(page.text, /href="\/guide\/veikart"/);
  assert.match(page.text, /href="\/guide\/innovasjonsguiden"/);
  assert.doesNotMatch(page.text, /href="\/guide\/skr-innovationsguiden"/);
  await om.get(`/orgs/${org}`);
  assert.equal((await om.post(`/orgs/${org}/methodologies`, { m: 'veikart' })).status, 403);
  await oa.get(`/orgs/${org}`);
  assert.equal((await oa.post(`/orgs/${org}/methodologies`, { m: 'no-such' })).status, 400);
});
