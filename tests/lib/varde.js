// varde.js — test helpers: start the real `varde` binary on a free port with a
// fresh database (SQLite in a temp folder, or a new PostgreSQL database when
// VARDE_TEST_PG is set), and an HTTP client with a cookie jar that fills in
// CSRF tokens the way a browser submitting the page's form would.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.resolve(ROOT, process.env.VARDE_BIN || 'build/varde');
const PG = process.env.VARDE_TEST_PG || '';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// A fresh, empty database URL. PostgreSQL databases are created on the test
// cluster that scripts/pg-test.sh started.
function freshDb() {
  if (PG) {
    const name = 't_' + crypto.randomBytes(6).toString('hex');
    execFileSync('psql', [PG + '/postgres', '-q', '-c', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
    return { url: `${PG}/${name}`, kind: 'pg', name };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-test-'));
  return { url: `sqlite:${path.join(dir, 'varde.db')}`, kind: 'sqlite', dir, file: path.join(dir, 'varde.db') };
}

// Run SQL directly against the test database (for setting up situations such
// as an idle session, never for checking what the app should show).
function sql(db, query) {
  if (db.kind === 'pg') return execFileSync('psql', [db.url, '-qAt', '-c', query], { encoding: 'utf8' }).trim();
  return execFileSync('sqlite3', [db.file, query], { encoding: 'utf8' }).trim();
}

// Run the CLI against the database; returns { status, stdout, stderr }.
function cli(db, args, env = {}) {
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(BIN, ['--db', db.url, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Every Set-Cookie header of a response. Node 20 has Headers.getSetCookie();
// Debian 12's Node 18 does not, and joins them with ", " instead, so split
// where a new "name=" begins (our cookie values never contain ", ").
function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/, (?=[A-Za-z0-9_-]+=)/) : [];
}

class Client {
  constructor(base) { this.base = base; this.cookies = new Map(); this.csrf = null; this.headers = {}; }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  remember(res) {
    const list = setCookies(res.headers);
    for (const c of list) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const k = pair.slice(0, i).trim(), v = pair.slice(i + 1).trim();
      if (attrs.some(a => /max-age=0/i.test(a.trim()))) this.cookies.delete(k); else this.cookies.set(k, v);
    }
  }
  async request(method, p, { form, headers = {}, body, raw } = {}) {
    const h = { ...this.headers, ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    let payload = body;
    if (form) {
      payload = new URLSearchParams(form).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.base + p, { method, headers: h, body: payload, redirect: 'manual' });
    this.remember(res);
    const text = raw ? null : await res.text();
    if (text) {
      const m = text.match(/name="csrf" value="([0-9a-f]{64})"/);
      if (m) this.csrf = m[1];
    }
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location'), res };
  }
  get(p, opts) { return this.request('GET', p, opts); }
  // POST multipart/form-data (file uploads), with the page's CSRF token.
  async postMultipart(p, fields, file) {
    const fd = new FormData();
    if (this.csrf && !('csrf' in fields)) fd.append('csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    if (file) fd.append(file.field, new Blob([file.data]), file.name);
    const res = await fetch(this.base + p, { method: 'POST', body: fd, redirect: 'manual',
      headers: this.cookies.size ? { cookie: this.cookieHeader() } : {} });
    this.remember(res);
    const text = await res.text();
    const m = text.match(/name="csrf" value="([0-9a-f]{64})"/);
    if (m) this.csrf = m[1];
    return { status: res.status, text, headers: res.headers, location: res.headers.get('location') };
  }
  // POST a form the way the page would: with the CSRF token of the last page.
  post(p, form = {}, opts = {}) {
    const f = { ...form };
    if (this.csrf && !('csrf' in f)) f.csrf = this.csrf;
    return this.request('POST', p, { ...opts, form: f });
  }
  async login(email, password) {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}

// Set a password through a one-time link printed by the CLI or shown on a page.
async function setPassword(base, link, password) {
  const c = new Client(base);
  const p = new URL(link).pathname;
  const r = await c.get(p);
  if (r.status !== 200) throw new Error(`set-password page: ${r.status}`);
  const s = await c.post(p, { password, password2: password });
  if (s.status !== 303) throw new Error(`set-password: ${s.status} ${s.text}`);
}

function linkFrom(text) {
  const m = text.match(/https?:\/\/[^\s<"]+\/set-password\/[A-Za-z0-9_-]{43}/);
  if (!m) throw new Error('no set-password link in: ' + text.slice(0, 500));
  return m[0];
}

// Start a server with a site admin (admin@test.no / ADMIN_PW). Options:
// extraArgs for `varde serve`.
const ADMIN_PW = 'korrekt hest batteri stift';
async function startVarde({ extraArgs = [], env = {} } = {}) {
  const db = freshDb();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const made = cli(db, ['--base-url', base, 'user', 'add', 'admin@test.no', 'Ada Admin', '--admin']);
  if (made.status !== 0) throw new Error('user add failed: ' + made.stderr);
  const proc = spawn(BIN, ['--db', db.url, '--listen', `127.0.0.1:${port}`, '--base-url', base, '--quiet',
    '--threads', '4', ...extraArgs, 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', d => { stderr += d; });
  proc.stdout.on('data', () => {});
  const exited = new Promise(resolve => proc.on('exit', (code, sig) => resolve({ code, sig })));
  for (let i = 0; ; i++) {
    try { const r = await fetch(base + '/healthz'); if (r.status === 200) break; } catch (e) { /* not yet */ }
    if (i > 200) { proc.kill('SIGKILL'); throw new Error('varde did not start: ' + stderr); }
    await new Promise(r => setTimeout(r, 50));
  }
  await setPassword(base, linkFrom(made.stdout), ADMIN_PW);
  return {
    base, db, proc,
    client: () => new Client(base),
    async admin() { const c = new Client(base); const r = await c.login('admin@test.no', ADMIN_PW); if (r.status !== 303) throw new Error('admin login ' + r.status); return c; },
    sql: q => sql(db, q),
    cli: (args, e) => cli(db, args, e),
    stderr: () => stderr,
    // Stop with SIGTERM; resolves to the exit status (0 expected: clean shutdown,
    // and under AddressSanitizer no leak reports).
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      const r = await exited;
      if (db.kind === 'sqlite') fs.rmSync(db.dir, { recursive: true, force: true });
      else { try { execFileSync('psql', [PG + '/postgres', '-q', '-c', `DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`], { stdio: 'pipe' }); } catch (e) { /* ignore */ } }
      return r;
    },
  };
}

// Create an organisation and a user with a password, as the admin would.
async function makeUser(v, adminClient, { email, name, org, role = 'member', password = 'et langt og godt passord' }) {
  await adminClient.get('/admin/users');
  const r = await adminClient.post('/admin/users', { name, email, org: org ? String(org) : '', role });
  if (r.status !== 200) throw new Error(`create user ${email}: ${r.status}`);
  await setPassword(v.base, linkFrom(r.text), password);
  const c = v.client();
  const l = await c.login(email, password);
  if (l.status !== 303) throw new Error(`login ${email}: ${l.status}`);
  return c;
}

async function makeOrg(adminClient, { name, kind = 'municipality', orgnr = '', kommunenr = '' }) {
  await adminClient.get('/admin/orgs');
  const r = await adminClient.post('/admin/orgs', { name, kind, orgnr, kommunenr });
  if (r.status !== 303) throw new Error(`create org ${name}: ${r.status}`);
  const list = await adminClient.get('/admin/orgs');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = list.text.match(new RegExp(`href="/orgs/(\\d+)">${esc}<`));
  if (!m) throw new Error('org not listed: ' + name);
  return Number(m[1]);
}

module.exports = { setCookies, startVarde, makeUser, makeOrg, setPassword, linkFrom, Client, freshDb, cli, sql, BIN, PG, ADMIN_PW };
