// project-life.test.js — comments and mentions, the status light, the
// organisation portfolio, closing, archiving, deleting and restoring a
// project, and partners invited from outside as guests.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startVarde, makeOrg, makeUser, setPassword, linkFrom } = require('../lib/varde');

let v, adm, org, leader, member, orgAdmin, observer, pid;
before(async () => {
  v = await startVarde();
  adm = await v.admin();
  org = await makeOrg(adm, { name: 'Rana kommune', kommunenr: '1833' });
  leader = await makeUser(v, adm, { email: 'leder@rana.no', name: 'Lise Leder', org });
  member = await makeUser(v, adm, { email: 'medlem@rana.no', name: 'Mette Medlem', org });
  observer = await makeUser(v, adm, { email: 'obs@rana.no', name: 'Ola Observatør', org });
  orgAdmin = await makeUser(v, adm, { email: 'admin@rana.no', name: 'Anne Admin', org, role: 'admin' });
  await leader.get('/projects/new');
  const r = await leader.post('/projects', { org: String(org), title: 'Digital tilsynsordning', challenge: 'Nattlig tilsyn vekker brukerne',
    area: 'health', methodology: 'veikart', start: '2026-01-15', visibility: 'org' });
  pid = Number(r.location.match(/\d+/)[0]);
  await leader.get(`/projects/${pid}`);
  await leader.post(`/projects/${pid}/team`, { email: 'medlem@rana.no', role: 'member' });
  await leader.post(`/projects/${pid}/team`, { email: 'obs@rana.no', role: 'observer' });
});
after(async () => { const r = await v.stop(); assert.equal(r.code, 0, 'clean shutdown: ' + v.stderr()); });

test('comments render Markdown safely and mention team members, who see it on their dashboard', async () => {
  await leader.get(`/projects/${pid}`);
  const memberId = (await leader.get(`/projects/${pid}`)).text.match(/id="mention-(\d+)"[^>]*>\s*<label for="mention-\d+">Mette Medlem/)[1];
  const r = await leader.post(`/projects/${pid}/comments`, { body: '**Viktig**: se intervjuene <script>alert(1)</script> [x](javascript:alert(1))', mention: memberId });
  assert.equal(r.status, 303);
  const page = await leader.get(`/projects/${pid}`);
  assert.match(page.text, /<strong>Viktig<\/strong>/);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.doesNotMatch(page.text, /href="javascript:/);
  const dash = await member.get('/dashboard');
  assert.match(dash.text, /Trenger din oppmerksomhet/);
  assert.match(dash.text, /Lise Leder nevnte deg i: Digital tilsynsordning/);
  await member.get(`/projects/${pid}`);
  assert.doesNotMatch((await member.get('/dashboard')).text, /Trenger din oppmerksomhet/, 'seen once the project was opened');
  // A comment on a tool page, with an @-mention in the text
  await member.get(`/projects/${pid}/tools/prosjektpresentasjon`);
  assert.equal((await member.post(`/projects/${pid}/comments`, { tool: 'prosjektpresentasjon', body: 'Hva mener @Lise Leder?' })).status, 303);
  assert.match((await leader.get('/dashboard')).text, /Mette Medlem nevnte deg i: Digital tilsynsordning/);
  assert.match((await leader.get(`/projects/${pid}/tools/prosjektpresentasjon`)).text, /Hva mener @Lise Leder\?/);
  // Observers read but do not comment; empty comments are refused
  await observer.get(`/projects/${pid}`);
  assert.equal((await observer.post(`/projects/${pid}/comments`, { body: 'Hei' })).status, 403);
  await member.get(`/projects/${pid}`);
  assert.equal((await member.post(`/projects/${pid}/comments`, { body: '   ' })).status, 400);
  assert.equal((await member.post(`/projects/${pid}/comments`, { body: 'x', tool: 'no-such-tool' })).status, 404);
});

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

test('personal data in a comment or a tool form needs an explicit confirmation', async () => {
  const id = fnr('150387', '123');
  await member.get(`/projects/${pid}`);
  const warn = await member.post(`/projects/${pid}/comments`, { body: `Brukeren (${id}) ringte i går` });
  assert.equal(warn.status, 400);
  assert.match(warn.text, /Norsk fødselsnummer/);
  assert.match(warn.text, /name="pii_ok"/);
  const before = (await member.get(`/projects/${pid}`)).text;
  assert.doesNotMatch(before, /ringte i går/, 'nothing saved');
  assert.equal((await member.post(`/projects/${pid}/comments`, { body: `Brukeren (${id}) ringte i går`, pii_ok: '1' })).status, 303);
  const path = `/projects/${pid}/tools/prosjektpresentasjon`;
  const page = await member.get(path);
  const rev = page.text.match(/name="rev" value="(\d+)"/)[1];
  const tool = await member.post(path, { rev, 'f-stemmer': 'Ring pårørende på 412 34 567 eller kari@eksempel.no' });
  assert.equal(tool.status, 400);
  assert.match(tool.text, /E-postadresse – /);
  assert.match(tool.text, /value="Ring pårørende|Ring pårørende på 412 34 567/);
  assert.equal((await member.post(path, { rev, 'f-stemmer': 'Ring pårørende på 412 34 567 eller kari@eksempel.no', pii_ok: '1' })).status, 303);
  assert.equal((await member.post(path, { rev: String(Number(rev) + 1), 'f-stemmer': 'Brukere forteller om lang ventetid' })).status, 303, 'clean text saves at once');
});

test('the leader sets the status light; the portfolio shows it, filters and sorts', async () => {
  await leader.get(`/projects/${pid}`);
  assert.equal((await leader.post(`/projects/${pid}/status`, { rag: 'amber', rag_comment: 'Venter på leverandør' })).status, 303);
  assert.equal((await leader.post(`/projects/${pid}/status`, { rag: 'blue', rag_comment: '' })).status, 400);
  await member.get(`/projects/${pid}`);
  assert.equal((await member.post(`/projects/${pid}/status`, { rag: 'red', rag_comment: '' })).status, 403);
  await leader.get('/projects/new');
  await leader.post('/projects', { org: String(org), title: 'Aaa først', challenge: 'x', area: 'schools', methodology: 'innovasjonsguiden',
    start: '2026-02-01', visibility: 'org' });
  const port = await member.get(`/orgs/${org}/portfolio`);
  assert.equal(port.status, 200);
  assert.match(port.text, /Digital tilsynsordning/);
  assert.match(port.text, /varde-rag-amber/);
  assert.match(port.text, /Venter på leverandør/);
  assert.ok(port.text.indexOf('Aaa først') < port.text.indexOf('Digital tilsynsordning'), 'sorted by title');
  const byActivity = await member.get(`/orgs/${org}/portfolio?sort=activity`);
  assert.equal(byActivity.status, 200);
  const schools = await member.get(`/orgs/${org}/portfolio?area=schools`);
  assert.match(schools.text, /Aaa først/);
  assert.doesNotMatch(schools.text, /Digital tilsynsordning/);
  const closedOnly = await member.get(`/orgs/${org}/portfolio?status=closed`);
  assert.doesNotMatch(closedOnly.text, /Digital tilsynsordning/);
  const other = await makeOrg(adm, { name: 'Annen kommune', kommunenr: '1832' });
  assert.equal((await member.get(`/orgs/${other}/portfolio`)).status, 404);
});

test('close, reopen and archive; org admins delete and restore within 30 days', async () => {
  await leader.get(`/projects/${pid}`);
  assert.equal((await leader.post(`/projects/${pid}/lifecycle`, { action: 'close' })).status, 303);
  assert.match((await leader.get(`/projects/${pid}`)).text, /Prosjektet er avsluttet/);
  assert.equal((await leader.post(`/projects/${pid}/lifecycle`, { action: 'reopen' })).status, 303);
  assert.equal((await leader.post(`/projects/${pid}/lifecycle`, { action: 'delete' })).status, 403, 'only org admins delete');
  await orgAdmin.get(`/projects/${pid}`);
  const del = await orgAdmin.post(`/projects/${pid}/lifecycle`, { action: 'delete' });
  assert.equal(del.status, 303);
  assert.equal((await leader.get(`/projects/${pid}`)).status, 404, 'gone for everyone');
  const list = await orgAdmin.get(`/orgs/${org}/deleted`);
  assert.match(list.text, /Digital tilsynsordning/);
  assert.equal((await member.get(`/orgs/${org}/deleted`)).status, 403);
  await orgAdmin.get(`/orgs/${org}/deleted`);
  assert.equal((await orgAdmin.post(`/orgs/${org}/deleted/${pid}/restore`, {})).status, 303);
  assert.equal((await leader.get(`/projects/${pid}`)).status, 200, 'restored');
  // Deleted more than 30 days ago: purged when the list is next opened
  await orgAdmin.get(`/projects/${pid}`);
  await orgAdmin.post(`/projects/${pid}/lifecycle`, { action: 'delete' });
  v.sql(`UPDATE projects SET deleted_at = deleted_at - 31*86400 WHERE id = ${pid}`);
  assert.doesNotMatch((await orgAdmin.get(`/orgs/${org}/deleted`)).text, /Digital tilsynsordning/);
  assert.equal(v.sql(`SELECT COUNT(*) FROM projects WHERE id = ${pid}`), '0');
});

test('a partner from outside joins one project as a guest and sees nothing else', async () => {
  await leader.get('/projects/new');
  const r = await leader.post('/projects', { org: String(org), title: 'Samarbeid med NTNU', challenge: 'x', area: 'health',
    methodology: 'veikart', start: '2026-03-01', visibility: 'org' });
  const id = Number(r.location.match(/\d+/)[0]);
  await leader.get(`/projects/${id}`);
  const bad = await leader.post(`/projects/${id}/invite`, { 'invite-email': 'forsker@ntnu.no', 'invite-name': 'Frida Forsker', 'invite-role': 'leader' });
  assert.equal(bad.status, 400, 'guests cannot lead');
  const inv = await leader.post(`/projects/${id}/invite`, { 'invite-email': 'forsker@ntnu.no', 'invite-name': 'Frida Forsker', 'invite-role': 'member' });
  assert.equal(inv.status, 200);
  await setPassword(v.base, linkFrom(inv.text), 'et godt gjestepassord');
  const guest = v.client();
  assert.equal((await guest.login('forsker@ntnu.no', 'et godt gjestepassord')).status, 303);
  assert.equal((await guest.get(`/projects/${id}`)).status, 200);
  const dash = await guest.get('/dashboard');
  assert.match(dash.text, /Samarbeid med NTNU/);
  assert.doesNotMatch(dash.text, /Aaa først/, 'other projects of the organisation stay hidden');
  assert.equal((await guest.get(`/orgs/${org}`)).status, 404);
  assert.equal((await guest.get(`/orgs/${org}/portfolio`)).status, 404);
  // A guest member may fill in tools
  await guest.get(`/projects/${id}/tools/prosjektpresentasjon`);
  assert.equal((await guest.post(`/projects/${id}/tools/prosjektpresentasjon`, { rev: '0', 'f-prosjektnavn': 'NTNU-samarbeid' })).status, 303);
});
