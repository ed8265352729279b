// multiprocess.test.js — several `varde serve` processes on one database work
// together: sessions, CSRF keys and methodology versions live in the database,
// so a user can log in on one process and go on through another (as behind a
// load balancer), and logging out anywhere ends the session everywhere.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { startVarde, BIN, ADMIN_PW, Client } = require('../lib/varde');

const ROOT = path.resolve(__dirname, '..', '..');
let v, second, base2;

function freePort() {
  return new Promise(resolve => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
}

before(async () => {
  v = await startVarde();
  const port = await freePort();
  base2 = `http://127.0.0.1:${port}`;
  second = spawn(BIN, ['--db', v.db.url, '--listen', `127.0.0.1:${port}`, '--quiet', 'serve'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(base2 + '/healthz')).status === 200) break; } catch (e) { /* starting */ }
    await new Promise(r => setTimeout(r, 50));
  }
});
after(async () => {
  second.kill('SIGTERM');
  await new Promise(r => second.exitCode !== null ? r() : second.on('exit', r));
  const r = await v.stop();
  assert.equal(r.code, 0, v.stderr());
});

test('a session started on one process works on the other, and logout ends it on both', async () => {
  const a = await v.admin();
  const b = new Client(base2);
  b.cookies = a.cookies; // the same browser, routed to the other process
  assert.equal((await b.get('/dashboard')).status, 200);
  // A form rendered by process A is accepted by process B (one CSRF key in the database)
  await a.get('/admin/orgs');
  b.csrf = a.csrf;
  assert.equal((await b.post('/admin/orgs', { name: 'Laget via prosess B', kind: 'other' })).status, 303);
  assert.match((await a.get('/admin/orgs')).text, /Laget via prosess B/);
  await b.get('/dashboard');
  assert.equal((await b.post('/logout', {})).status, 303);
  const stale = new Client(v.base);
  stale.cookies.set('varde_sid', a.cookies.get('varde_sid'));
  assert.equal((await stale.get('/dashboard')).status, 303, 'ended on process A too');
});

test('login throttling counts failures from both processes together', async () => {
  for (let i = 0; i < 10; i++) {
    const c = new Client(i % 2 ? v.base : base2);
    assert.equal((await c.login('admin@test.no', 'feil passord ' + i)).status, 401);
  }
  assert.equal((await new Client(base2).login('admin@test.no', ADMIN_PW)).status, 429);
  assert.equal((await new Client(v.base).login('admin@test.no', ADMIN_PW)).status, 429);
});

test('a methodology imported while both run shows up on both', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-mp-'));
  fs.cpSync(path.join(ROOT, 'methodologies', 'innovasjonsguiden'), path.join(dir, 'ig'), { recursive: true });
  const file = path.join(dir, 'ig', 'methodology.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('version: "2023.1"', 'version: "2023.5"'));
  assert.equal(v.cli(['methodology', 'import', path.join(dir, 'ig')]).status, 0);
  assert.match((await new Client(v.base).get('/guide/innovasjonsguiden')).text, /versjon 2023\.5/);
  assert.match((await new Client(base2).get('/guide/innovasjonsguiden')).text, /versjon 2023\.5/);
});
