// cli.test.js — the `varde` command line: help, version, settings errors,
// users and organisations, backup and restore.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { BIN, freshDb, cli, startVarde, ADMIN_PW } = require('../lib/varde');

const run = (args, env = {}) => spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } });

test('--version and --help', () => {
  assert.match(run(['--version']).stdout, /^varde \S+/);
  const h = run(['--help']);
  assert.equal(h.status, 0);
  for (const word of ['serve', 'migrate', 'user add', 'org add', 'backup', 'restore', 'VARDE_DB']) assert.ok(h.stdout.includes(word), word);
});

test('a bad setting stops start-up with a message naming it', () => {
  const r = run(['--listen', 'nowhere:99999', 'serve']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /listen/);
  const e = run(['serve'], { VARDE_THREADS: 'many' });
  assert.equal(e.status, 2);
  assert.match(e.stderr, /VARDE_THREADS/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-cfg-'));
  fs.writeFileSync(path.join(dir, 'v.conf'), '# comment\n\nthreads = 2\ncolour = blue\n');
  const f = run(['--config', path.join(dir, 'v.conf'), 'serve']);
  assert.equal(f.status, 2);
  assert.match(f.stderr, /v\.conf:4: unknown setting "colour"/);
  assert.equal(run(['frobnicate']).status, 2);
});

test('users and organisations from the command line', () => {
  const db = freshDb();
  assert.equal(cli(db, ['migrate']).status, 0);
  const o = cli(db, ['org', 'add', 'Træna kommune', 'municipality', '--kommunenr', '1835']);
  assert.equal(o.status, 0, o.stderr);
  const bad = cli(db, ['org', 'add', 'X', 'municipality', '--orgnr', '123456789', '--kommunenr', '1835']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /check digit/);
  const u = cli(db, ['user', 'add', 'Kari@Traena.kommune.no', 'Kari', '--org', '1', '--role', 'admin']);
  assert.equal(u.status, 0, u.stderr);
  assert.match(u.stdout, /set-password\/[A-Za-z0-9_-]{43}/);
  const list = cli(db, ['user', 'list']);
  assert.match(list.stdout, /kari@traena\.kommune\.no\tKari\t\(no password yet\)/);
  assert.match(cli(db, ['org', 'list']).stdout, /Træna kommune\tmunicipality\t\t1835/);
  const dup = cli(db, ['user', 'add', 'kari@traena.kommune.no', 'Kari 2']);
  assert.equal(dup.status, 1);
  assert.match(cli(db, ['user', 'passwd', 'kari@traena.kommune.no']).stdout, /set-password/);
  assert.equal(cli(db, ['user', 'passwd', 'nobody@x.no']).status, 1);
});

test('backup while serving, then restore', async () => {
  const v = await startVarde();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bk-'));
  const file = path.join(dir, 'backup.db');
  try {
    const adm = await v.admin();
    await adm.get('/admin/orgs');
    assert.equal((await adm.post('/admin/orgs', { name: 'Før backup', kind: 'other' })).status, 303);
    const b = v.cli(['backup', file]);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(fs.statSync(file).size > 0);
    await adm.get('/admin/orgs');
    assert.equal((await adm.post('/admin/orgs', { name: 'Etter backup', kind: 'other' })).status, 303);
  } finally {
    // stop before restoring (restore wants the server stopped)
    v.proc.kill('SIGTERM');
    await new Promise(r => v.proc.exitCode !== null ? r() : v.proc.on('exit', r));
  }
  const r = v.cli(['restore', file]);
  assert.equal(r.status, 0, r.stderr);
  const orgs = v.cli(['org', 'list']).stdout;
  assert.match(orgs, /Før backup/);
  assert.doesNotMatch(orgs, /Etter backup/);
  assert.equal(v.cli(['restore', '/nonexistent/file']).status, 1);
  await v.stop();
});
