// project.test.js — the project case file over HTTP: creating a project
// (pinned to the methodology version), the roadmap, a tool form with typed
// validation, revisions, history and restore, a conflicting save that is not
// applied silently, step status, phase gates, and each project role's rights.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser } = require('../lib/varde');

let v, adm, org, other, owner, member, observer, outsider, orgMember, pid;
before(async () => {
  v = await startVarde();
  adm = await v.admin();
  org = await makeOrg(adm, { name: 'Træna kommune', kommunenr: '1835' });
  other = await makeOrg(adm, { name: 'Lurøy kommune', kommunenr: '1834' });
  owner = await makeUser(v, adm, { email: 'eier@traena.no', name: 'Eva Eier', org });
  member = await makeUser(v, adm, { email: 'medlem@traena.no', name: 'Mons Medlem', org });
  observer = await makeUser(v, adm, { email: 'obs@traena.no', name: 'Olga Observatør', org });
  orgMember = await makeUser(v, adm, { email: 'kollega@traena.no', name: 'Kari Kollega', org });
  outsider = await makeUser(v, adm, { email: 'nabo@luroy.no', name: 'Nils Nabo', org: other });
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

const form = (c, extra) => ({ csrf: c.csrf, ...extra });

test('creating a project validates every field and keeps what was typed', async () => {
  await owner.get('/projects/new');
  const bad = await owner.post('/projects', { org: String(org), title: '', challenge: '', area: 'x', methodology: 'veikart',
    start: '31.02.2026', end: '', visibility: 'org' });
  assert.equal(bad.status, 400);
  for (const f of ['title', 'challenge', 'area', 'start']) assert.match(bad.text, new RegExp(`id="${f}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${f}"`), f);
  const wrongOrg = await owner.post('/projects', { org: String(other), title: 'X', challenge: 'Y', area: 'health', methodology: 'veikart',
    start: '2026-01-01', visibility: 'org' });
  assert.equal(wrongOrg.status, 400);
  const ok = await owner.post('/projects', { org: String(org), title: 'Trygg heim', challenge: 'Eldre bur lenger heime <b>', goals: 'Færre fall',
    area: 'health', methodology: 'veikart', start: '01.03.2026', end: '2027-06-30', visibility: 'org' });
  assert.equal(ok.status, 303);
  pid = Number(ok.location.match(/\/projects\/(\d+)/)[1]);
  const page = await owner.get(`/projects/${pid}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Trygg heim/);
  assert.match(page.text, /Eldre bur lenger heime &lt;b&gt;/);
  assert.match(page.text, /aria-current="step"/);
  assert.match(page.text, /Neste:/);
});

test('the owner builds the team; roles decide what each person may do', async () => {
  await owner.get(`/projects/${pid}`);
  assert.equal((await owner.post(`/projects/${pid}/team`, { email: 'medlem@traena.no', role: 'member' })).status, 303);
  assert.equal((await owner.post(`/projects/${pid}/team`, { email: 'obs@traena.no', role: 'observer' })).status, 303);
  assert.equal((await owner.post(`/projects/${pid}/team`, { email: 'nabo@luroy.no', role: 'member' })).status, 400, 'not in the organisation');
  // Who sees what
  assert.equal((await outsider.get(`/projects/${pid}`)).status, 404, 'another organisation gets 404, not 403');
  assert.equal((await outsider.get(`/projects/${pid}/tools/prosjektpresentasjon`)).status, 404);
  assert.equal((await orgMember.get(`/projects/${pid}`)).status, 200, 'visible to the whole organisation');
  assert.equal((await observer.get(`/projects/${pid}/tools/prosjektpresentasjon`)).status, 200);
  assert.equal((await v.client().get(`/projects/${pid}`)).status, 303, 'anonymous → login');
  // Observers and plain organisation members cannot save; members cannot manage
  await observer.get(`/projects/${pid}/tools/prosjektpresentasjon`);
  assert.equal((await observer.post(`/projects/${pid}/tools/prosjektpresentasjon`, { rev: '0', 'f-prosjektnavn': 'X' })).status, 403);
  await orgMember.get(`/projects/${pid}`);
  assert.equal((await orgMember.post(`/projects/${pid}/steps/definere-problem-og-mal`, { status: 'done' })).status, 403);
  await member.get(`/projects/${pid}`);
  assert.equal((await member.post(`/projects/${pid}/team`, { email: 'kollega@traena.no', role: 'member' })).status, 403);
  assert.equal((await member.get(`/projects/${pid}/phases/forankring/gate`)).status, 403);
  await outsider.get('/dashboard');
  assert.equal((await outsider.post(`/projects/${pid}/tools/prosjektpresentasjon`, { rev: '0' })).status, 404);
});

test('a team-only project is hidden from the rest of the organisation', async () => {
  await owner.get('/projects/new');
  const r = await owner.post('/projects', { org: String(org), title: 'Hemmelig', challenge: 'Z', area: 'social', methodology: 'innovasjonsguiden',
    start: '2026-02-01', visibility: 'team' });
  const id = r.location.match(/\d+/)[0];
  assert.equal((await orgMember.get(`/projects/${id}`)).status, 404);
  assert.doesNotMatch((await orgMember.get('/dashboard')).text, /Hemmelig/);
  assert.match((await owner.get('/dashboard')).text, /Hemmelig/);
});

test('a tool form saves typed values; bad values get messages next to the field and nothing is saved', async () => {
  const path = `/projects/${pid}/tools/gevinstberegning`;
  await member.get(path);
  const bad = await member.post(path, { rev: '0', 'f-kostnad-per-oppgave': '12 tusen', 'f-antall-oppgaver': '1 234,5',
    'f-gevinsttype': 'ikke-et-valg' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /id="f-kostnad-per-oppgave"[^>]*aria-invalid="true"/);
  assert.match(bad.text, /Skriv et tall/);
  assert.match(bad.text, /value="12 tusen"/, 'keeps what was typed');
  assert.match(bad.text, /value="1 234,5"/);
  const hist0 = await member.get(path + '/history');
  assert.match(hist0.text, /Ingenting er lagret ennå/);
  const ok = await member.post(path, { rev: '0', 'f-kostnad-per-oppgave': '1 250,50', 'f-antall-oppgaver': '1234.5' });
  assert.equal(ok.status, 303);
  const page = await member.get(path);
  assert.match(page.text, /value="1\u00a0250,5"/);
  assert.match(page.text, /value="1\u00a0234,5"/);
  assert.match(page.text, /name="rev" value="1"/);
});

test('checklists, questions, tables and progress', async () => {
  const path = `/projects/${pid}/tools/prosjektpresentasjon`;
  await owner.get(path);
  const r = await owner.post(path, { rev: '0', 'f-prosjektnavn': 'Trygg heim', 'c-uten-losning': '1', 'q-hvem-bryr-seg': 'Brukerne',
    't-presentasjonslogg-rows': '2', 't-presentasjonslogg-0-dato': '22.11.2026', 't-presentasjonslogg-0-forum': 'Kommunestyret',
    't-presentasjonslogg-1-dato': '', 't-presentasjonslogg-1-forum': '' });
  assert.equal(r.status, 303, r.text);
  const page = await owner.get(path);
  assert.match(page.text, /name="c-uten-losning" value="1" checked/);
  assert.match(page.text, /Brukerne<\/textarea>/);
  assert.match(page.text, /id="t-presentasjonslogg-0-dato" name="t-presentasjonslogg-0-dato" value="2026-11-22"/);
  assert.match(page.text, /name="t-presentasjonslogg-rows" value="3"/, 'one kept row + two empty');
  const bad = await owner.post(path, { rev: '1', 't-presentasjonslogg-rows': '1', 't-presentasjonslogg-0-dato': '2026-13-01' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /id="t-presentasjonslogg-0-dato-error"/);
  const road = await owner.get(`/projects/${pid}`);
  assert.match(road.text, /Prosjektpresentasjon<\/a> – \d+ %/);
  assert.match(road.text, /felt 1\/\d+, sjekkliste 1\/5, spørsmål 1\/4/);
});

test('a tool marked not relevant needs a reason and counts as complete', async () => {
  const path = `/projects/${pid}/tools/relaterte-prosjekter`;
  await owner.get(path);
  const bad = await owner.post(path, { rev: '0', nr: '1', nr_reason: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Skriv hvorfor verktøyet ikke er relevant/);
  assert.equal((await owner.post(path, { rev: '0', nr: '1', nr_reason: 'Ingen andre prosjekter i kommunen' })).status, 303);
  const road = await owner.get(`/projects/${pid}`);
  assert.match(road.text, /Relaterte prosjekter og erfaringer fra andre<\/a> – 100 % <span class="varde-help">\(ikke relevant for oss\)/);
});

test('two people editing the same form: the second save is not applied silently', async () => {
  const path = `/projects/${pid}/tools/planleggingsverktoy`;
  const a = await owner.get(path);
  const b = await member.get(path);
  const revA = a.text.match(/name="rev" value="(\d+)"/)[1];
  const revB = b.text.match(/name="rev" value="(\d+)"/)[1];
  const qkey = b.text.match(/name="q-([a-z0-9-]+)"/)[1];
  const first = await owner.post(path, { rev: revA, ['q-' + qkey]: 'Eva skrev dette' });
  assert.equal(first.status, 303);
  const second = await member.post(path, { rev: revB, ['q-' + qkey]: 'Mons skrev noe annet' });
  assert.equal(second.status, 409);
  assert.match(second.text, /Noen andre lagret først/);
  assert.match(second.text, /Eva skrev dette/);
  assert.match(second.text, /Mons skrev noe annet/);
  // Nothing was overwritten yet
  assert.match((await owner.get(path)).text, /Eva skrev dette<\/textarea>/);
  // Mons keeps Eva's answer for that field
  const mine = second.text.match(/name="mine" value="([^"]*)"/)[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const rev = second.text.match(/name="rev" value="(\d+)"/)[1];
  const resolved = await member.post(path, { rev, resolve: '1', mine, ['pick-q:' + qkey]: 'theirs' });
  assert.equal(resolved.status, 303);
  assert.match((await owner.get(path)).text, /Eva skrev dette<\/textarea>/);
});

test('history shows who changed what, and an older revision can be restored', async () => {
  const path = `/projects/${pid}/tools/gevinstberegning`;
  await member.get(path);
  const page = await member.get(path);
  const rev = page.text.match(/name="rev" value="(\d+)"/)[1];
  assert.equal((await member.post(path, { rev, 'f-kostnad-per-oppgave': '99' })).status, 303);
  const hist = await member.get(path + '/history');
  assert.match(hist.text, /Versjon 2/);
  assert.match(hist.text, /Mons Medlem/);
  assert.match(hist.text, /<td>1\u00a0250,5 kr<\/td><td>99 kr<\/td>/);
  const restore = await member.post(path + '/restore/1', {});
  assert.equal(restore.status, 303);
  assert.match((await member.get(path)).text, /value="1\u00a0250,5"/);
  assert.match((await member.get(path + '/history')).text, /Versjon 3/);
  assert.equal((await member.post(path + '/restore/99', {})).status, 404);
});

test('step status and phase gates: the phase moves only through a decision', async () => {
  await member.get(`/projects/${pid}`);
  const stepKey = (await member.get(`/projects/${pid}`)).text.match(/action="\/projects\/\d+\/steps\/([a-z0-9-]+)"/)[1];
  assert.equal((await member.post(`/projects/${pid}/steps/${stepKey}`, { status: 'done' })).status, 303);
  const after = (await member.get(`/projects/${pid}`)).text;
  assert.match(after, new RegExp(`id="st-${stepKey}"[^]*?<option value="done" selected>`));
  assert.equal((await member.post(`/projects/${pid}/steps/${stepKey}`, { status: 'finished' })).status, 400);
  assert.equal((await member.post(`/projects/${pid}/steps/no-such-step`, { status: 'done' })).status, 404);
  const gate = `/projects/${pid}/phases/forankring/gate`;
  await owner.get(gate);
  const noReason = await owner.post(gate, { decision: 'continue', reason: '' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Skriv hvorfor beslutningen ble tatt/);
  const cont = await owner.post(gate, { decision: 'continue', reason: 'Forankret i ledelsen', 'x-x': '1' });
  assert.equal(cont.status, 303);
  let road = await owner.get(`/projects/${pid}`);
  assert.match(road.text, /aria-current="step"><h3 class="ds-heading" data-size="sm">2\. Innsikt/);
  await owner.get(`/projects/${pid}/phases/innsikt/gate`);
  const badBack = await owner.post(`/projects/${pid}/phases/innsikt/gate`, { decision: 'back', to: 'ny-praksis', reason: 'x' });
  assert.equal(badBack.status, 400);
  const back = await owner.post(`/projects/${pid}/phases/innsikt/gate`, { decision: 'back', to: 'forankring', reason: 'Mangler forankring hos tillitsvalgte' });
  assert.equal(back.status, 303);
  road = await owner.get(`/projects/${pid}`);
  assert.match(road.text, /aria-current="step"><h3 class="ds-heading" data-size="sm">1\. Forankring/);
  assert.match(road.text, /gå tilbake: Mangler forankring hos tillitsvalgte \(Eva Eier/);
  assert.match(road.text, /Eva Eier: tok en fasebeslutning for Innsikt/);
});
