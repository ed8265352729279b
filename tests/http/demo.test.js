// demo.test.js — `varde demo`: it fills an empty database with the invented
// example, the example reads as a living system for the network leader and a
// municipality's administrator, and a second run refuses and changes nothing.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const { BIN, PG, Client, freshDb, cli, sql } = require('../lib/varde');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Serve an existing database (startVarde would add its own admin first).
async function serve(db, port) {
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(BIN, ['--db', db.url, '--listen', `127.0.0.1:${port}`, '--base-url', base, '--quiet', 'serve'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', d => { stderr += d; });
  proc.stdout.on('data', () => {});
  const exited = new Promise(resolve => proc.on('exit', (code, sig) => resolve({ code, sig })));
  for (let i = 0; ; i++) {
    try { const r = await fetch(base + '/healthz'); if (r.status === 200) break; } catch (e) { /* not yet */ }
    if (i > 200) { proc.kill('SIGKILL'); throw new Error('varde did not start: ' + stderr); }
    await new Promise(r => setTimeout(r, 50));
  }
  return { base, stop: async () => { proc.kill('SIGTERM'); return exited; } };
}

function dropDb(db) {
  if (db.kind === 'sqlite') fs.rmSync(db.dir, { recursive: true, force: true });
  else execFileSync('psql', [PG + '/postgres', '-q', '-c', `DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`], { stdio: 'pipe' });
}

// What the demo wrote, table by table (to see that a refused run changes nothing).
const TABLES = ['users', 'orgs', 'projects', 'tool_entries', 'register_items', 'measurements', 'networks', 'status_reports',
  'gatherings', 'coaching_sessions', 'cases', 'activity'];
const counts = db => TABLES.map(t => `${t}=${sql(db, `SELECT COUNT(*) FROM ${t}`)}`).join(' ');

test('varde demo fills an empty database, and the example is alive', async () => {
  const db = freshDb();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server;
  try {
    const t0 = Date.now();
    const r = cli(db, ['--base-url', base, 'demo']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Date.now() - t0 < 15000, 'the demo takes a few seconds at most');
    // It names the sign-ins, the password and where to start.
    const pw = (r.stdout.match(/Password: (\S+)/) || [])[1];
    assert.ok(pw && pw.length >= 12, r.stdout);
    assert.ok(r.stdout.includes(`${base}/login`));
    for (const email of ['hanne.skarvholm@statsforvalteren.example', 'jonas.lundefugl@statsforvalteren.example',
      'marit.multebakken@fjellvik.example', 'ragnhild.rognebaer@saltnes.example', 'tone.havhest@havoy.example',
      'bjorn.fjellrevdal@reinfjord.example']) assert.ok(r.stdout.includes(email), email);
    const network = r.stdout.match(new RegExp(`${base}/networks/(\\d+)`))[1];
    const project = r.stdout.match(new RegExp(`${base}/projects/(\\d+)`))[1];
    // The password is made for this run.
    const again = freshDb();
    try {
      const r2 = cli(again, ['demo']);
      assert.equal(r2.status, 0, r2.stderr);
      assert.notEqual(r2.stdout.match(/Password: (\S+)/)[1], pw);
    } finally { dropDb(again); }

    server = await serve(db, port);

    // The network leader: the overview lists the shared projects (not the
    // one Fjellvik keeps to itself), and the finished round's compiled report.
    const leader = new Client(base);
    assert.equal((await leader.login('hanne.skarvholm@statsforvalteren.example', pw)).status, 303);
    const overview = await leader.get(`/networks/${network}`);
    assert.equal(overview.status, 200);
    for (const title of ['Trygg hjemme med digitalt tilsyn', 'Inn på tunet – dagaktivitet på gård for personer med demens',
      'Medisindispensere i hjemmetjenesten', 'Heltidskultur på Havøy sykehjem', 'Digital hjemmeoppfølging av kronisk syke'])
      assert.ok(overview.text.includes(title), title);
    assert.ok(!overview.text.includes('Flere hele stillinger i hjemmetjenesten'), 'an unshared project stays out');
    for (const word of ['Velferdsteknologi', 'Heltidskultur', 'Jonas Lundefugl', 'Reinfjord kommune'])
      assert.ok(overview.text.includes(word), word);
    const rounds = await leader.get(`/networks/${network}/rounds`);
    assert.equal(rounds.status, 200);
    const finished = rounds.text.match(/href="\/rounds\/(\d+)">Statusrapport 1 – første halvår</);
    assert.ok(finished, 'the finished round is listed');
    const compiled = await leader.get(`/rounds/${finished[1]}/compiled`);
    assert.equal(compiled.status, 200);
    assert.ok(compiled.text.includes('Alle fem prosjektene har levert'), 'the summary');
    assert.equal((compiled.text.match(/class="varde-report"/g) || []).length, 5, 'five submitted reports');
    const open = rounds.text.match(/href="\/rounds\/(\d+)">Statusrapport 2 – andre halvår</);
    const openPage = await leader.get(`/rounds/${open[1]}`);
    assert.equal(openPage.status, 200);
    assert.match(openPage.text, /utkast|draft/, 'the open round has a draft');
    const gatherings = await leader.get(`/networks/${network}/gatherings`);
    assert.equal(gatherings.status, 200);
    assert.ok(gatherings.text.includes('Nettverkssamling 2: Fra innsikt til test'));

    // A municipality's administrator: the project in testing, its benefits
    // and chain, and the retention list with the research past its date.
    const admin = new Client(base);
    assert.equal((await admin.login('marit.multebakken@fjellvik.example', pw)).status, 303);
    const dash = await admin.get('/dashboard');
    assert.equal(dash.status, 200);
    assert.ok(dash.text.includes('Drøftingsmøte med tillitsvalgte om endret nattarbeid'), 'the overdue anchoring activity');
    const p = await admin.get(`/projects/${project}`);
    assert.equal(p.status, 200);
    assert.ok(p.text.includes('Trygg hjemme med digitalt tilsyn'));
    assert.ok(p.text.includes('Nattpatruljen'), 'the challenge');
    for (const path of [`/projects/${project}/benefits`, `/projects/${project}/chain`, `/projects/${project}/registers/idea`,
      `/projects/${project}/coaching`, `/projects/${project}/tools/planleggingsverktoy`])
      assert.equal((await admin.get(path)).status, 200, path);
    const org = dash.text.match(/href="\/orgs\/(\d+)\/portfolio"/)[1];
    const retention = await admin.get(`/orgs/${org}/retention`);
    assert.equal(retention.status, 200);
    assert.ok(retention.text.includes('Intervjuer med hjemmeboende brukere'), 'an item past its retention date');

    // Every entry's progress is stored at start-up (the demo writes entries
    // without it), and the lists and the roadmap show the same numbers whether
    // they read the stored progress and counts or decode every entry.
    assert.equal(sql(db, 'SELECT COUNT(*) FROM tool_entries WHERE progress IS NULL'), '0');
    assert.ok(Number(sql(db, 'SELECT SUM(progress) FROM tool_entries')) > 0);
    assert.equal(sql(db, 'SELECT COUNT(*) FROM tool_entries WHERE fields_done IS NULL OR checks_done IS NULL OR answers_done IS NULL'), '0');
    const lists = [[admin, `/orgs/${org}/portfolio`], [admin, '/dashboard'], [leader, `/networks/${network}`],
      [admin, `/projects/${project}`]];
    const strip = t => t.replace(/name="csrf" value="[^"]*"/g, '');
    const fromStored = [];
    for (const [who, path] of lists) fromStored.push(strip((await who.get(path)).text));
    assert.match(fromStored[0], /<td>[1-9]\d* %<\/td>/, 'the portfolio shows progress');
    assert.match(fromStored[3], /felt [1-9]\d*\/\d+/, 'the roadmap counts filled fields');
    sql(db, 'UPDATE tool_entries SET progress = NULL, fields_done = NULL, checks_done = NULL, answers_done = NULL');
    for (let i = 0; i < lists.length; i++)
      assert.equal(strip((await lists[i][0].get(lists[i][1])).text), fromStored[i], lists[i][1]);
    const entries = sql(db, 'SELECT COUNT(*) FROM tool_entries');

    // The published case is there for everyone.
    assert.equal(sql(db, "SELECT audience FROM cases WHERE withdrawn_at IS NULL"), 'public');

    // A second run refuses and changes nothing.
    const before = counts(db);
    const refused = cli(db, ['demo']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /already has 6 projects/);
    assert.match(refused.stderr, /nothing was changed/);
    assert.match(refused.stderr, /make demo/);
    assert.equal(counts(db), before);
    assert.equal((await new Client(base).login('marit.multebakken@fjellvik.example', pw)).status, 303, 'the password still works');

    const stopped = await server.stop();
    server = null;
    assert.equal(stopped.code, 0);
    // `varde migrate` stores what is missing again.
    const mig = cli(db, ['migrate']);
    assert.equal(mig.status, 0, mig.stderr);
    assert.match(mig.stdout, new RegExp(`progress stored for ${entries} tool entries`));
    assert.equal(sql(db, 'SELECT COUNT(*) FROM tool_entries WHERE progress IS NULL'), '0');
  } finally {
    if (server) await server.stop();
    dropDb(db);
  }
});
