// rounds.test.js — status-report rounds of a network (issue 7): a leader
// opens a round with its questions; each shared project's leader gets a to-do
// on the dashboard and a draft filled from the case file (phase and progress,
// recent activity, the network's measures, benefits), saves and submits it;
// a correction is a new version and the submitted one never changes; the
// leader reminds those who have not submitted (a message on their dashboard,
// dismissed when done), writes a summary and prints the compiled report; the
// project keeps the history of its reports.
//
// Every client uses the English UI (the varde_lang cookie). sql() only reads:
// it shows what the database holds after each request, above all that a
// submitted report's row stays byte-identical whatever is posted.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser, setPassword, linkFrom } = require('../lib/varde');

const PW = 'et langt og godt passord';
let v, adm, ks, oslo, bergen, tromso;
let ksAdmin, lea, coach, eva, olav, osloAdmin, osloMember, bergenLeader, bergenMember, outsider;
let N, P, B, C, joint, R;

const english = c => { c.cookies.set('varde_lang', 'en'); return c; };
const count = q => Number(v.sql(q));
const uid = email => Number(v.sql(`SELECT id FROM users WHERE email = '${email}'`));
const strip = s => (s || '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const plus = days => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
const ddmmyyyy = iso => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

async function post(c, p, obj = {}) {
  if (!c.csrf) await c.get('/dashboard');
  const body = new URLSearchParams();
  for (const [k, val] of Object.entries(obj)) if (val !== undefined) body.append(k, String(val));
  if (c.csrf && !body.has('csrf')) body.append('csrf', c.csrf);
  return c.request('POST', p, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
const status = async (c, p) => (await c.get(p)).status;
async function newProject(c, org, title, area = 'health') {
  const r = await post(c, '/projects', { org: String(org), title, challenge: `Utfordringen i ${title}.`, goals: '',
    area, methodology: 'veikart', start: '2026-01-05', end: '', visibility: 'org' });
  assert.equal(r.status, 303, `create project ${title}`);
  return Number(r.location.match(/^\/projects\/(\d+)$/)[1]);
}
async function share(c, pid) {
  assert.equal((await post(c, `/projects/${pid}/shares`, { network: String(N), theme: '', challenge: '' })).status, 303, `share ${pid}`);
}
async function openRound(c, title, questions, due = plus(21)) {
  const r = await post(c, `/networks/${N}/rounds`, { title, due, questions });
  assert.equal(r.status, 303, `open ${title}: ${r.status} ${strip(r.text).slice(0, 200)}`);
  return Number(r.location.match(/^\/rounds\/(\d+)$/)[1]);
}
// The value of a textarea on a page (HTML-decoded).
function textarea(html, name) {
  const m = html.match(new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^]*?)</textarea>`));
  return m ? m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : null;
}
// A status_reports row, every column, as one string.
const COLS = ['id', 'round_id', 'project_id', 'version', 'answers', 'rag', 'state', 'created_by', 'created_at', 'submitted_by', 'submitted_at'];
const rowOf = id => v.sql(`SELECT ${COLS.map(c => `coalesce(CAST(${c} AS TEXT), '<null>')`).join(` || '|' || `)} FROM status_reports WHERE id = ${id}`);
const reportId = (rid, pid, version) => Number(v.sql(`SELECT id FROM status_reports WHERE round_id = ${rid} AND project_id = ${pid} AND version = ${version}`));
const versions = (rid, pid) => v.sql(`SELECT version || ':' || state FROM status_reports WHERE round_id = ${rid} AND project_id = ${pid} ORDER BY version`).split('\n').filter(Boolean);
// The "Needs your attention" list of a dashboard, as text.
async function attention(c) {
  const t = (await c.get('/dashboard')).text;
  const m = t.match(/>Needs your attention<\/h2><ul>([^]*?)<\/ul>/);
  return m ? m[1] : '';
}
// The rows of the round's table: project title → [report cell, has a Remind button].
async function roundRows(c, rid) {
  const t = (await c.get(`/rounds/${rid}`)).text;
  const i = t.indexOf('<caption>Reports of the shared projects</caption>');
  const body = t.slice(i, t.indexOf('</table>', i));
  return Object.fromEntries([...body.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>[^<]*<\/td><td>([^]*?)<\/td><td>([^]*?)<\/td><\/tr>/g)]
    .map(m => [m[1], { report: strip(m[2]), remind: /\/remind\//.test(m[3]) }]));
}

before(async () => {
  v = await startVarde();
  adm = await v.admin();
  ks = await makeOrg(adm, { name: 'KS', kind: 'ks' });
  oslo = await makeOrg(adm, { name: 'Oslo kommune', kommunenr: '0301' });
  bergen = await makeOrg(adm, { name: 'Bergen kommune', kommunenr: '4601' });
  tromso = await makeOrg(adm, { name: 'Tromsø kommune', kommunenr: '5501' });
  const mk = async (email, name, org, role = 'member') => {
    const c = english(await makeUser(v, adm, { email, name, org, role, password: PW }));
    await c.get('/dashboard');
    return c;
  };
  ksAdmin = await mk('admin@ks.no', 'Kari Ks', ks, 'admin');
  lea = await mk('lea@ks.no', 'Lea Leder', ks);
  coach = await mk('coach@tromso.no', 'Coco Coach', tromso);
  eva = await mk('eva@oslo.no', 'Eva Eier', oslo);
  olav = await mk('olav@oslo.no', 'Olav Teammedlem', oslo);
  osloAdmin = await mk('admin@oslo.no', 'Ole Admin', oslo, 'admin');
  osloMember = await mk('mia@oslo.no', 'Mia Medlem', oslo);
  bergenLeader = await mk('bente@bergen.no', 'Bente Bergen', bergen);
  bergenMember = await mk('bjorn@bergen.no', 'Bjørn Bergen', bergen);
  outsider = await mk('ute@tromso.no', 'Ute Utenfor', tromso);
  // The network: KS's admin starts it, hands the lead to Lea and steps out.
  let r = await post(ksAdmin, '/networks', { name: 'Helsenettverket', description: '', owner: String(ks), start: '2026-01-01', end: '2027-06-30' });
  N = Number(r.location.match(/\d+$/)[0]);
  for (const [email, role] of [['lea@ks.no', 'leader'], ['coach@tromso.no', 'coach']])
    assert.equal((await post(ksAdmin, `/networks/${N}/people`, { email, role })).status, 303);
  assert.equal((await post(lea, `/networks/${N}/people/${uid('admin@ks.no')}/remove`)).status, 303);
  for (const org of [oslo, bergen]) assert.equal((await post(lea, `/networks/${N}/orgs`, { org: String(org), role: 'pilot' })).status, 303);
  assert.equal((await post(lea, `/networks/${N}/measures`, { name: 'Felles kartlegging', description: '', kind: 'joint' })).status, 303);
  joint = Number(v.sql(`SELECT id FROM network_measures WHERE network_id = ${N}`));
  // P: Oslo's, led by Eva with Olav on the team; B and C: Bergen's, led by Bente.
  P = await newProject(eva, oslo, 'Trygg heim');
  assert.equal((await post(eva, `/projects/${P}/team`, { email: 'olav@oslo.no', role: 'member' })).status, 303);
  B = await newProject(bergenLeader, bergen, 'Digital skolestart', 'schools');
  C = await newProject(bergenLeader, bergen, 'Fritid for alle', 'culture');
  assert.equal((await post(bergenLeader, `/projects/${B}/team`, { email: 'bjorn@bergen.no', role: 'member' })).status, 303);
  // P's case file: a benefit, one with personal data, and progress on the joint measure.
  for (const [name, extra] of [['Spart tid i hjemmetjenesten', {}], ['Ring Kari på 41234567', { pii_ok: '1' }]]) {
    const x = await post(eva, `/projects/${P}/registers/benefit`, { rev: '0', 'f-name': name, 'f-type': 'saved-time', ...extra });
    assert.equal(x.status, 303, `benefit ${name}`);
  }
  await share(osloAdmin, P);
  assert.equal((await post(eva, `/projects/${P}/measures/${joint}`, { progress: '40', note: 'Halvveis' })).status, 303);
  const bergenAdmin = await mk('admin@bergen.no', 'Berit Admin', bergen, 'admin');
  await share(bergenAdmin, B);
  await share(bergenAdmin, C);
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

// ---- opening a round ---------------------------------------------------------------------
test('opening a round: the leader gives a title, a due date and the questions one per line; others are refused', async () => {
  const form = (await lea.get(`/networks/${N}/rounds`)).text;
  assert.match(form, new RegExp(`action="/networks/${N}/rounds"`));
  const defaults = textarea(form, 'questions').split('\n');
  assert.deepEqual(defaults, ['Current phase', 'What has been done since the last report?', 'Progress on the joint measures',
    'Results and benefits so far', 'Obstacles and risks', 'Experiences worth sharing', 'Help needed', 'Next steps']);
  const rounds = () => count('SELECT count(*) FROM status_rounds');
  const good = { title: 'Statusrunde', due: plus(21), questions: defaults.join('\n') };
  for (const [who, c, code] of [['coach', coach, 403], ['osloAdmin', osloAdmin, 403], ['eva', eva, 403], ['bergenMember', bergenMember, 403],
    ['outsider', outsider, 404]]) {
    assert.equal((await post(c, `/networks/${N}/rounds`, good)).status, code, `${who} opens a round`);
    if (code === 403) assert.doesNotMatch((await c.get(`/networks/${N}/rounds`)).text, /action="\/networks\/\d+\/rounds"/, `${who}: no form`);
  }
  for (const [bad, why] of [[{ title: ' ' }, 'no title'], [{ title: 'x'.repeat(201) }, 'title too long'], [{ due: '' }, 'no due date'],
    [{ due: '30.02.2027' }, 'no such date'], [{ questions: '\n \n' }, 'no questions'],
    [{ questions: Array.from({ length: 21 }, (_, i) => `Spørsmål ${i + 1}`).join('\n') }, '21 questions'],
    [{ questions: 'Kort\n' + 'x'.repeat(301) }, 'a question over 300 characters']])
    assert.equal((await post(lea, `/networks/${N}/rounds`, { ...good, ...bad })).status, 400, why);
  assert.equal(rounds(), 0, 'nothing was opened');
  // The leader opens one with the defaults, one of them changed, and one of her own (CRLF, as browsers send).
  R = await openRound(lea, 'Høstrunden 2026', 'Current phase\r\nWhat has been done since the last report?\r\nProgress on the joint measures\r\n' +
    'Results and benefits so far\r\n  Hva trenger dere fra KS?  \r\n\r\nObstacles and risks');
  const qs = JSON.parse(v.sql(`SELECT questions FROM status_rounds WHERE id = ${R}`));
  assert.deepEqual(qs.map(q => q.key), ['phase', 'done', 'measures', 'results', 'q5', 'obstacles'], 'defaults keep their keys');
  assert.equal(qs[4].text, 'Hva trenger dere fra KS?', 'trimmed');
  assert.equal(v.sql(`SELECT due_date FROM status_rounds WHERE id = ${R}`), plus(21));
  const page = await lea.get(`/rounds/${R}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`<time datetime="${plus(21)}">${ddmmyyyy(plus(21))}</time>`));
  assert.deepEqual(Object.keys(await roundRows(lea, R)).sort(), ['Digital skolestart', 'Fritid for alle', 'Trygg heim'], 'every shared project');
  // The list: everyone who sees the network; links for the leader and the coach only.
  assert.match((await lea.get(`/networks/${N}/rounds`)).text, new RegExp(`href="/rounds/${R}">Høstrunden 2026</a>`));
  assert.match((await coach.get(`/networks/${N}/rounds`)).text, new RegExp(`href="/rounds/${R}"`));
  const member = await bergenMember.get(`/networks/${N}/rounds`);
  assert.match(member.text, /Høstrunden 2026/);
  assert.doesNotMatch(member.text, new RegExp(`href="/rounds/${R}"`));
  for (const [who, c, code] of [['coach', coach, 200], ['bergenMember', bergenMember, 403], ['eva', eva, 403], ['outsider', outsider, 404]]) {
    assert.equal(await status(c, `/rounds/${R}`), code, `${who} /rounds/:id`);
    assert.equal(await status(c, `/rounds/${R}/compiled`), code, `${who} /rounds/:id/compiled`);
  }
  assert.equal(await status(lea, '/rounds/999999'), 404);
});

test('the owner organisation\'s admin, who runs the network, opens a round and then reads it', async () => {
  assert.match((await ksAdmin.get(`/networks/${N}/rounds`)).text, new RegExp(`action="/networks/${N}/rounds"`), 'the form');
  const rid = await openRound(ksAdmin, 'Runde fra KS', 'Current phase');
  // Bug hunt: the round's pages ask for AZ_NETWORK_COACH, which the owner's
  // admin (not a leader or coach) does not have.
  assert.equal(await status(ksAdmin, `/rounds/${rid}`), 200, 'the admin who opened the round reads it (the redirect goes there)');
  assert.equal(await status(ksAdmin, `/rounds/${rid}/compiled`), 200, 'and its compiled report');
});

// ---- the to-do and the draft -------------------------------------------------------------------
test('the project\'s leaders have a to-do on the dashboard, and a draft filled from the case file', async () => {
  const owedReport = `href="/rounds/${R}/projects/${P}">Status report: Høstrunden 2026</a> – Trygg heim (due ${ddmmyyyy(plus(21))})`;
  assert.ok((await attention(eva)).includes(owedReport), 'on the project owner\'s dashboard');
  assert.ok((await attention(bergenLeader)).includes(`href="/rounds/${R}/projects/${B}"`), 'Bente: for B');
  assert.ok((await attention(bergenLeader)).includes(`href="/rounds/${R}/projects/${C}"`), 'Bente: for C');
  for (const [who, c] of Object.entries({ olav, osloMember, osloAdmin, lea, bergenMember }))
    assert.ok(!(await attention(c)).includes(`/rounds/${R}/projects/`), `${who} has no to-do`);
  // The draft: phase and progress, recent activity, the measure, the benefits without personal data.
  const page = await eva.get(`/rounds/${R}/projects/${P}`);
  assert.equal(page.status, 200);
  assert.match(textarea(page.text, 'a-phase'), /^Anchoring \(\d+ %\)$/);
  const done = textarea(page.text, 'a-done').split('\n');
  const today = ddmmyyyy(plus(0));
  // Registers by their name in the user's language; a guest's e-mail address never (page_report.c).
  for (const what of ['project-created', 'shared', 'item-created Benefit', 'member-added Olav Teammedlem'])
    assert.ok(done.some(l => l.startsWith(`${today}: ${what}`)), `recent activity has "${what}": ${done.join(' | ')}`);
  assert.equal(textarea(page.text, 'a-measures'), 'Felles kartlegging: 40 % Halvveis');
  assert.equal(textarea(page.text, 'a-results'), 'Spart tid i hjemmetjenesten', 'benefits, not the one with personal data');
  assert.equal(textarea(page.text, 'a-q5'), '', 'an own question starts empty');
  assert.match(page.text, /id="rag-green" name="rag" value="green" checked/);
  assert.doesNotMatch(page.text, /41234567/);
  // Only the project's leaders and owners (and org admins) write; the rest read.
  for (const [who, c] of Object.entries({ olav, osloMember, lea, coach })) {
    const r = await c.get(`/rounds/${R}/projects/${P}`);
    assert.equal(r.status, 200, who);
    assert.doesNotMatch(r.text, /<form method="post" action="\/rounds\//, `${who}: no form`);
    assert.match(r.text, /The project has not submitted this report yet\./);
    assert.equal((await post(c, `/rounds/${R}/projects/${P}`, { rag: 'green', 'a-phase': 'x', action: 'save' })).status, 403, `${who} saves`);
  }
  assert.equal(await status(bergenMember, `/rounds/${R}/projects/${P}`), 404);
  assert.equal(await status(bergenLeader, `/rounds/${R}/projects/${P}`), 404);
  assert.equal(count('SELECT count(*) FROM status_reports'), 0);
});

// ---- draft, submit, correct ------------------------------------------------------------------
let v1;
test('save a draft, submit it, then correct it: the correction is a new version and the submitted text is unchanged', async () => {
  const answers = { 'a-phase': 'Forankring, halvveis', 'a-done': 'Intervjuer med <b>ansatte</b>', 'a-measures': 'Kartlegging 40 %',
    'a-results': 'Spart tid', 'a-q5': 'Hjelp med anskaffelse', 'a-obstacles': '' };
  assert.equal((await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'purple', ...answers, action: 'save' })).status, 400, 'a real status');
  assert.equal((await post(eva, `/rounds/${R}/projects/${P}`, { ...answers, action: 'save' })).status, 400, 'a status is required');
  assert.equal((await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'amber', ...answers, action: 'publish' })).status, 400, 'save or submit');
  assert.equal((await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'amber', ...answers, 'a-q5': 'x'.repeat(4001), action: 'save' })).status, 400, 'at most 4000 characters');
  assert.equal(count('SELECT count(*) FROM status_reports'), 0);
  // Save the draft.
  let r = await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'amber', ...answers, action: 'save' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/rounds/${R}/projects/${P}?saved=1`);
  assert.deepEqual(versions(R, P), ['1:draft']);
  const draft = JSON.parse(v.sql(`SELECT answers FROM status_reports WHERE round_id = ${R} AND project_id = ${P}`));
  assert.deepEqual(draft, { phase: 'Forankring, halvveis', done: 'Intervjuer med <b>ansatte</b>', measures: 'Kartlegging 40 %',
    results: 'Spart tid', q5: 'Hjelp med anskaffelse' }, 'empty answers are left out');
  let page = await eva.get(r.location);
  assert.match(page.text, /The draft is saved\./);
  assert.match(page.text, /Version 1 – draft/);
  assert.equal(textarea(page.text, 'a-done'), 'Intervjuer med <b>ansatte</b>', 'the saved text, not the case file');
  assert.match(page.text, /id="rag-amber" name="rag" value="amber" checked/);
  assert.ok((await attention(eva)).includes(`/rounds/${R}/projects/${P}"`), 'still a to-do: not submitted');
  assert.equal((await roundRows(lea, R))['Trygg heim'].report, 'version 1 – draft');
  assert.ok((await roundRows(lea, R))['Trygg heim'].remind, 'a draft can be reminded');
  const leaDraft = (await lea.get(`/rounds/${R}/projects/${P}`)).text;
  assert.doesNotMatch(leaDraft, /Intervjuer med/, 'the network does not read a draft');
  // Save again: the same draft row.
  const draftId = reportId(R, P, 1);
  assert.equal((await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'amber', ...answers, 'a-obstacles': 'Ferie', action: 'save' })).status, 303);
  assert.deepEqual(versions(R, P), ['1:draft']);
  assert.equal(reportId(R, P, 1), draftId);
  // Submit.
  r = await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'amber', ...answers, 'a-obstacles': 'Ferie', action: 'submit' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/rounds/${R}/projects/${P}?submitted=1`);
  assert.deepEqual(versions(R, P), ['1:submitted']);
  assert.equal(v.sql(`SELECT submitted_by FROM status_reports WHERE id = ${draftId}`), String(uid('eva@oslo.no')));
  v1 = rowOf(draftId);
  page = await eva.get(r.location);
  assert.match(page.text, /The report has been submitted\./);
  assert.match(page.text, /This report has been submitted\. Saving changes starts a correction/);
  assert.ok(!(await attention(eva)).includes(`/rounds/${R}/projects/${P}"`), 'the to-do is gone');
  assert.deepEqual((await roundRows(lea, R))['Trygg heim'], { report: 'version 1 – submitted', remind: false });
  // The network reads the submitted report, escaped.
  for (const [who, c] of Object.entries({ lea, coach, osloMember })) {
    const t = (await c.get(`/rounds/${R}/projects/${P}`)).text;
    assert.match(t, /Intervjuer med &lt;b&gt;ansatte&lt;\/b&gt;/, `${who} reads it`);
    assert.match(t, /Amber: some problems/);
    assert.match(t, /<dt>Hva trenger dere fra KS\?<\/dt><dd class="varde-pre">Hjelp med anskaffelse<\/dd>/);
  }
  // A correction: saving starts version 2; version 1 stays as it was.
  r = await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'red', ...answers, 'a-done': 'Rettet: tolv intervjuer', action: 'save' });
  assert.equal(r.status, 303);
  assert.deepEqual(versions(R, P), ['1:submitted', '2:draft']);
  assert.equal(rowOf(draftId), v1, 'version 1 is byte-identical');
  assert.equal(JSON.parse(v.sql(`SELECT answers FROM status_reports WHERE id = ${draftId}`)).done, 'Intervjuer med <b>ansatte</b>');
  for (const [who, c] of Object.entries({ lea, coach }))
    assert.doesNotMatch((await c.get(`/rounds/${R}/projects/${P}`)).text, /Rettet: tolv intervjuer/, `${who}: the draft correction is the project's own`);
  assert.ok(!(await attention(eva)).includes(`/rounds/${R}/projects/${P}"`), 'a correction is no new to-do');
  r = await post(eva, `/rounds/${R}/projects/${P}`, { rag: 'red', ...answers, 'a-done': 'Rettet: tolv intervjuer', action: 'submit' });
  assert.equal(r.status, 303);
  assert.deepEqual(versions(R, P), ['1:submitted', '2:submitted']);
  assert.equal(rowOf(draftId), v1, 'version 1 is still byte-identical');
  assert.deepEqual((await roundRows(lea, R))['Trygg heim'], { report: 'version 2 – submitted', remind: false });
  assert.match((await lea.get(`/rounds/${R}/projects/${P}`)).text, /Rettet: tolv intervjuer/, 'the network reads the correction');
});

test('a submitted report never changes: every write that can be tried leaves its row byte-identical', async () => {
  // Every submitted row, as it was when first seen submitted; checked after each write.
  const kept = new Map();
  const record = () => {
    for (const id of v.sql(`SELECT id FROM status_reports WHERE state = 'submitted' ORDER BY id`).split('\n').filter(Boolean).map(Number))
      if (!kept.has(id)) kept.set(id, rowOf(id));
  };
  record();
  assert.ok(kept.size >= 2);
  const base = { rag: 'green', 'a-phase': 'Endret', 'a-done': 'Endret', action: 'save' };
  const writes = [
    [eva, `/rounds/${R}/projects/${P}`, { ...base, version: '1' }],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, version: '2', action: 'submit' }],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, version: '1', action: 'submit', 'a-done': 'Sendt på nytt' }],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, rag: 'blue' }],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, 'a-done': 'kari@eksempel.no' }],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, action: 'submit', 'a-done': 'x'.repeat(4001) }],
    [osloAdmin, `/rounds/${R}/projects/${P}`, { ...base, action: 'submit', 'a-done': 'Levert av administratoren' }],
    [olav, `/rounds/${R}/projects/${P}`, { ...base, action: 'submit' }],
    [lea, `/rounds/${R}/projects/${P}`, { ...base, action: 'submit' }],
    [coach, `/rounds/${R}/projects/${P}`, { ...base, action: 'submit' }],
    [lea, `/rounds/${R}/summary`, { summary: 'Alt vel' }],
    [lea, `/rounds/${R}/remind/${P}`, {}],
    [osloAdmin, `/projects/${P}/shares`, { network: String(N), theme: '', challenge: 'Ny utfordring' }],
    [osloAdmin, `/projects/${P}/shares/${N}/remove`, {}],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, action: 'submit' }],
    [osloAdmin, `/projects/${P}/shares`, { network: String(N), theme: '', challenge: '' }],
    [eva, `/projects/${P}/measures/${joint}`, { progress: '80', note: 'Nesten' }],
    [eva, `/projects/${P}/phases/forankring/gate`, { decision: 'continue', reason: 'Klar' }],
    [eva, `/projects/${P}/status`, { rag: 'red', note: 'Forsinket' }],
    [eva, `/projects/${P}/comments`, { body: 'En kommentar' }],
    [eva, `/projects/${P}/registers/insight`, { rev: '0', 'f-headline': 'Ny innsikt' }],
    [lea, `/networks/${N}/rounds`, { title: 'Neste runde', due: plus(60), questions: 'Current phase' }],
    [ksAdmin, `/networks/${N}/orgs`, { org: String(oslo), role: 'experience' }],
    [bergenLeader, `/rounds/${R}/projects/${B}`, { rag: 'green', 'a-phase': 'Innsikt', action: 'save' }],
    [eva, `/rounds/${R}/projects/${P}`, { ...base, 'a-done': 'Et nytt utkast' }],
  ];
  for (const [c, p, form] of writes) {
    const r = await post(c, p, form);
    assert.ok(r.status < 500, `POST ${p}: ${r.status}`);
    for (const [id, row] of kept) assert.equal(rowOf(id), row, `report ${id} after POST ${p} ${JSON.stringify(form).slice(0, 80)} (${r.status})`);
    record();
  }
  // Each submit of a submitted report made a new version; the refused ones made none.
  assert.deepEqual(versions(R, P), ['1:submitted', '2:submitted', '3:submitted', '4:submitted', '5:submitted', '6:draft']);
  assert.equal(JSON.parse(v.sql(`SELECT answers FROM status_reports WHERE id = ${reportId(R, P, 4)}`)).done, 'Sendt på nytt');
  assert.equal(v.sql(`SELECT submitted_by FROM status_reports WHERE id = ${reportId(R, P, 5)}`), String(uid('admin@oslo.no')), 'an org admin may submit');
  assert.equal(rowOf(reportId(R, P, 1)), v1);
});

// ---- reminders --------------------------------------------------------------------------------
test('reminders: the leader reminds a project that has not submitted; its leaders see the message on the dashboard until they dismiss it', async () => {
  assert.match((await lea.get(`/rounds/${R}`)).text, new RegExp(`action="/rounds/${R}/remind/${C}"`));
  for (const [who, c, code] of [['coach', coach, 403], ['bergenMember', bergenMember, 403], ['outsider', outsider, 404]])
    assert.equal((await post(c, `/rounds/${R}/remind/${C}`)).status, code, `${who} reminds`);
  assert.doesNotMatch((await coach.get(`/rounds/${R}`)).text, /\/remind\//, 'the coach has no remind button');
  assert.equal((await post(lea, `/rounds/${R}/remind/999999`)).status, 404);
  const messages = () => count(`SELECT count(*) FROM messages WHERE link = '/rounds/${R}/projects/${C}'`);
  assert.equal(messages(), 0);
  const r = await post(lea, `/rounds/${R}/remind/${C}`);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/rounds/${R}?reminded=1`);
  assert.match((await lea.get(r.location)).text, /The reminder has been sent\./);
  assert.equal(messages(), 1, 'one message: to the project\'s owner (its only leader)');
  const list = await attention(bergenLeader);
  assert.match(list, new RegExp(`Lea Leder: <a class="ds-link" href="/rounds/${R}/projects/${C}">Reminder: the status report is due: Høstrunden 2026</a>`));
  for (const [who, c] of Object.entries({ bergenMember, eva, lea }))
    assert.ok(!(await attention(c)).includes(`href="/rounds/${R}/projects/${C}">Reminder`), `${who} got no message`);
  // Dismissing: only the recipient's own message.
  const mid = Number(v.sql(`SELECT id FROM messages WHERE link = '/rounds/${R}/projects/${C}'`));
  assert.equal((await post(bergenMember, `/messages/${mid}/seen`)).status, 404, 'someone else\'s message: 404');
  assert.match(await attention(bergenLeader), /Reminder: the status report is due/, 'someone else cannot dismiss it');
  assert.equal((await post(bergenLeader, `/messages/${mid}/seen`)).status, 303);
  assert.doesNotMatch(await attention(bergenLeader), /Reminder: the status report is due/, 'dismissed');
  assert.ok((await attention(bergenLeader)).includes(`href="/rounds/${R}/projects/${C}">Status report:`), 'the to-do stays until submitted');
});

// ---- compiling ----------------------------------------------------------------------------------
test('the compiled report: every submitted report side by side, the summary, nothing else; printable', async () => {
  assert.equal((await post(bergenLeader, `/rounds/${R}/projects/${B}`, { rag: 'green', 'a-phase': 'Innsikt', 'a-done': 'Workshop med <script>alert(1)</script>',
    action: 'submit' })).status, 303);
  assert.ok(!(await attention(bergenLeader)).includes(`/rounds/${R}/projects/${B}"`), 'B\'s to-do is gone; C\'s stays');
  assert.ok((await attention(bergenLeader)).includes(`/rounds/${R}/projects/${C}"`));
  // The summary: leaders only.
  for (const [who, c] of Object.entries({ coach, bergenMember }))
    assert.equal((await post(c, `/rounds/${R}/summary`, { summary: 'Kapret' })).status, 403, who);
  assert.equal((await post(lea, `/rounds/${R}/summary`, { summary: 'x'.repeat(20001) })).status, 400, 'too long');
  assert.equal((await post(lea, `/rounds/${R}/summary`, { summary: 'To av tre har levert.\nBergen er i rute.' })).status, 303);
  const t = (await lea.get(`/rounds/${R}/compiled`)).text;
  const main = t.slice(t.indexOf('<main'), t.indexOf('</main>'));
  assert.match(main, /<h2 class="ds-heading" data-size="md">Summary<\/h2><p class="ds-paragraph varde-pre">To av tre har levert\.\nBergen er i rute\.<\/p>/);
  const articles = [...main.matchAll(/<article class="varde-report"><h2[^>]*>([^<]*)<\/h2>([^]*?)<\/article>/g)].map(m => [m[1], m[2]]);
  assert.deepEqual(articles.map(a => a[0]), ['Trygg heim', 'Digital skolestart'], 'the projects that submitted');
  const p = articles[0][1], b = articles[1][1];
  assert.match(p, /version 5 · submitted/, 'P: its latest submitted version');
  assert.match(p, /Levert av administratoren/);
  assert.doesNotMatch(main, /Intervjuer med|Rettet: tolv|Sendt på nytt|Et nytt utkast/, 'earlier versions and the draft are not shown');
  assert.match(b, /Workshop med &lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'escaped');
  assert.doesNotMatch(main, /<script/);
  assert.doesNotMatch(main, /Fritid for alle/, 'C has not submitted');
  assert.doesNotMatch(main, /<form/, 'no forms in the report itself');
  assert.match(main, /<p class="ds-paragraph varde-meta varde-noprint"><a class="ds-link" href="\/rounds\/\d+">/, 'the way back is not printed');
  for (const q of ['Current phase', 'What has been done since the last report?', 'Hva trenger dere fra KS?'])
    assert.ok(main.includes(`<dt>${q}</dt>`), q);
  assert.equal((await coach.get(`/rounds/${R}/compiled`)).status, 200, 'the coach reads it');
  // The round's page lists the summary as written.
  assert.match((await bergenMember.get(`/networks/${N}/rounds`)).text, /<td>Written<\/td>/);
  // The overview shows each project's latest report.
  const ov = (await lea.get(`/networks/${N}`)).text;
  assert.match(ov, /Høstrunden 2026/);
});

// ---- the project's history --------------------------------------------------------------------
test('the project\'s report history: every version, newest first; drafts only for the project\'s leaders', async () => {
  const versionsOn = t => [...t.matchAll(/Version (\d+) · (submitted|draft)/g)].map(m => `${m[1]}:${m[2]}`);
  const mine = await eva.get(`/projects/${P}/reports`);
  assert.equal(mine.status, 200);
  assert.deepEqual(versionsOn(mine.text), ['6:draft', '5:submitted', '4:submitted', '3:submitted', '2:submitted', '1:submitted']);
  assert.match(mine.text, new RegExp(`<a class="ds-link" href="/rounds/${R}/projects/${P}">Høstrunden 2026</a> – Helsenettverket`));
  for (const [who, c] of Object.entries({ lea, coach, osloMember, olav }))
    assert.deepEqual(versionsOn((await c.get(`/projects/${P}/reports`)).text), ['5:submitted', '4:submitted', '3:submitted', '2:submitted', '1:submitted'], who);
  assert.equal(await status(bergenMember, `/projects/${P}/reports`), 404);
  assert.match((await bergenLeader.get(`/projects/${C}/reports`)).text, /No status reports yet\./);
});

test('the draft filled from the case file can be submitted as it is', async () => {
  // Bug hunt: recent activity is copied into the draft as it was logged, and
  // inviting a guest logs the guest's e-mail address, which the report's own
  // personal-data check then refuses.
  const inv = await post(eva, `/projects/${P}/invite`, { 'invite-email': 'gjest@ntnu.no', 'invite-name': 'Gunn Gjest', 'invite-role': 'member' });
  assert.equal(inv.status, 200);
  await setPassword(v.base, linkFrom(inv.text), PW);
  const rid = await openRound(lea, 'Vinterrunden', 'Current phase\nWhat has been done since the last report?');
  const page = (await eva.get(`/rounds/${rid}/projects/${P}`)).text;
  const draft = { rag: 'green', 'a-phase': textarea(page, 'a-phase'), 'a-done': textarea(page, 'a-done'), action: 'submit' };
  const r = await post(eva, `/rounds/${rid}/projects/${P}`, draft);
  assert.equal(r.status, 303, `submitting the untouched draft: ${r.status}; the draft's activity: ${JSON.stringify(draft['a-done'])}`);
});

test('while a correction is drafted, the network still reads the submitted version', async () => {
  // Bug hunt: the report page shows readers the latest version only, and
  // the latest is the project's draft.
  const rid = await openRound(lea, 'Rettingsrunden', 'Current phase\nNext steps');
  assert.equal((await post(eva, `/rounds/${rid}/projects/${P}`, { rag: 'green', 'a-phase': 'Innsikt', 'a-next': 'Levert tekst', action: 'submit' })).status, 303);
  assert.match((await lea.get(`/rounds/${rid}/projects/${P}`)).text, /Levert tekst/, 'the network reads version 1');
  assert.equal((await post(eva, `/rounds/${rid}/projects/${P}`, { rag: 'green', 'a-phase': 'Innsikt', 'a-next': 'Utkast til retting', action: 'save' })).status, 303);
  assert.deepEqual(versions(rid, P), ['1:submitted', '2:draft']);
  for (const [who, c] of Object.entries({ lea, coach, osloMember })) {
    const t = (await c.get(`/rounds/${rid}/projects/${P}`)).text;
    assert.doesNotMatch(t, /Utkast til retting/, `${who}: the draft is the project's own`);
    assert.match(t, /Levert tekst/, `${who} reads the submitted version 1 while version 2 is a draft; got: ${strip(t.slice(t.indexOf('<main'))).slice(0, 300)}`);
  }
});

test('a reminder goes only to a project that has not submitted', async () => {
  // Bug hunt: the round's page offers "Remind" only until a project has
  // submitted, but the route sends the reminder anyway.
  const rid = await openRound(lea, 'Påminnelsesrunden', 'Current phase');
  assert.equal((await post(eva, `/rounds/${rid}/projects/${P}`, { rag: 'green', 'a-phase': 'Innsikt', action: 'submit' })).status, 303);
  assert.equal((await roundRows(lea, rid))['Trygg heim'].remind, false, 'no button');
  const r = await post(lea, `/rounds/${rid}/remind/${P}`);
  assert.ok(r.status < 500);
  assert.equal(count(`SELECT count(*) FROM messages WHERE link = '/rounds/${rid}/projects/${P}'`), 0,
    `"the status report is due" was sent to a project that has submitted (answer ${r.status})`);
});
