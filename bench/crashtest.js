#!/usr/bin/env node
// crashtest.js — make crashtest: kill Varde with SIGKILL at random moments
// under a write load and check that no acknowledged write is lost.
//
//   node bench/crashtest.js sqlite
//   scripts/pg-test.sh node bench/crashtest.js pg
//
// Workers log in as team members of a generated data set and, in a loop, save
// tool forms (each with a unique marker text), post comments, add research
// items to the register and measurements to benefit indicators (ditto), and
// log in again; network status reports are driven once their route exists
// (see EXTENSIONS). A write counts as acknowledged when the server answered 303
// (or 200 where that is the success answer). Meanwhile the server is killed
// with SIGKILL CRASH_KILLS times (default 60) at random moments — most while
// it serves the load, some during start-up — and restarted. After each
// restart:
//   - every acknowledged write so far must be in the database (SQL: markers in
//     tool_revisions, comments, register_items, measurements; a session row
//     for each acknowledged login; over HTTP for the extension kinds);
//   - SQLite: PRAGMA integrity_check must answer ok; PostgreSQL: the server
//     restarts and the rows are there (amcheck on every B-tree index at the end).
// Exits 1 on any lost acknowledged write, integrity failure or failed restart.
//
// Settings: CRASH_KILLS (60), CRASH_WORKERS (8), CRASH_SCALE (0.02),
// CRASH_MIN_MS / CRASH_MAX_MS (the load runs 150–1500 ms between kills).
'use strict';
require('./lib/snapshot'); // before ./lib/server: a private copy of build/varde
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const dbio = require('./lib/dbio');
const S = require('./lib/server');

const KIND = process.argv[2] || 'sqlite';
const KILLS = Number(process.env.CRASH_KILLS || 60);
const WORKERS = Number(process.env.CRASH_WORKERS || 8);
const SCALE = Number(process.env.CRASH_SCALE || 0.02);
const MIN_MS = Number(process.env.CRASH_MIN_MS || 150), MAX_MS = Number(process.env.CRASH_MAX_MS || 1500);
const RUN = crypto.randomBytes(3).toString('hex').replace(/\d/g, d => 'ghijklmnop'[d]); // letters only
const log = (...m) => console.error('crashtest:', ...m);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const rand = (a, b) => a + Math.floor(Math.random() * (b - a + 1));

// Marker texts: letters and short numbers only, so the personal-data guard
// never mistakes them for a phone or identity number.
let seq = 0;
const marker = () => `krasj ${RUN} n${(++seq).toString(36)}x`;
const MARK_RE = new RegExp(`krasj ${RUN} n[0-9a-z]+x`, 'g');

const acked = { login: [], tool: [], comment: [], register: [], measurement: [], report: [] };
const stats = { attempts: {}, acked: {}, failed: {}, rejected: {} };
const bump = (k, kind) => { stats[k][kind] = (stats[k][kind] || 0) + 1; };

let current = null; // the running server
let stopping = false;

// ---- EXTENSION POINTS ------------------------------------------------------
// Writes of features being built now. Each is driven when a route matching
// `route` exists: the worker opens the page with the form that posts to that
// route, fills every text field with a marker, and submits it; a 303 is an
// acknowledgement, verified after each restart by finding the marker on the
// page the 303 pointed to. Fill in `path` (and `fields` if the generic form
// filling is not enough) when the routes land.
const EXTENSIONS = [];

// Writes checked by SQL, each driven when its route exists.
const KINDS = {
  register: { route: 'POST /projects/:id/registers/:token', weight: 0.15 },
  measurement: { route: 'POST /benefits/:id/indicators/:id/measurements', weight: 0.1 },
  // a network status report, submitted: each submission is a new version
  // that never changes, so every acknowledged one must stay
  report: { route: 'POST /rounds/:id/projects/:id', weight: 0.08 },
};
let day0 = Date.UTC(2031, 0, 1) / 1000; // measurement days no generated data uses

async function dataset(tmp) {
  let url;
  if (KIND === 'sqlite') url = `sqlite:${path.join(tmp, 'varde.db')}`;
  else {
    const pg = process.env.VARDE_TEST_PG;
    if (!pg) throw new Error('PostgreSQL mode runs under scripts/pg-test.sh (VARDE_TEST_PG is not set)');
    const name = 'crash_' + crypto.randomBytes(4).toString('hex');
    execFileSync('psql', [pg + '/postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
    url = `${pg}/${name}`;
  }
  const man = path.join(tmp, 'manifest.json');
  const r = spawnSync(process.execPath, [path.join(__dirname, 'gen.js'), '--db', url, '--scale', String(SCALE), '--manifest', man],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('data generator failed');
  return { url, manifest: JSON.parse(fs.readFileSync(man, 'utf8')) };
}

// One worker: a team member who logs in and writes until told to stop.
async function worker(i, man, exts, kinds) {
  const w = man.writers[i % man.writers.length];
  const email = w.members[Math.floor(i / man.writers.length) % w.members.length];
  let c = null;
  while (!stopping) {
    const base = current && current.base;
    if (!base) { await sleep(20); continue; }
    try {
      if (!c || Math.random() < 0.04) {
        // log in (again) with an empty cookie jar: a new session row
        bump('attempts', 'login');
        const nc = new S.Client(base);
        await nc.get('/login');
        const r = await nc.post('/login', { email, password: man.password });
        if (r.status === 303) {
          const tok = nc.cookies.get('varde_sid');
          acked.login.push({ hash: crypto.createHash('sha256').update(tok).digest('hex'), email });
          bump('acked', 'login');
          c = nc;
          await c.get(`/projects/${w.project}`); // the session's CSRF token
        } else bump('rejected', 'login');
        continue;
      }
      const roll = Math.random();
      if (kinds.register && roll < KINDS.register.weight) {
        const m = marker();
        bump('attempts', 'register');
        const r = await c.post(`/projects/${w.project}/registers/research`, { 'f-title': m, 'f-method': 'interview', 'f-notes': 'Notat fra krasjtesten' });
        if (r.status === 303) { acked.register.push(m); bump('acked', 'register'); } else bump('rejected', 'register');
        continue;
      }
      if (kinds.measurement && w.indicators && w.indicators.length && roll > 1 - KINDS.measurement.weight) {
        const ind = w.indicators[rand(0, w.indicators.length - 1)];
        const m = marker();
        const day = new Date((day0 + seq * 86400) * 1000).toISOString().slice(0, 10); // seq: unique per marker
        bump('attempts', 'measurement');
        const r = await c.post(`/benefits/${ind.benefit}/indicators/${ind.indicator}/measurements`, { date: day, value: '42', comment: m });
        if (r.status === 303) { acked.measurement.push(m); bump('acked', 'measurement'); } else bump('rejected', 'measurement');
        continue;
      }
      if (kinds.report && w.round && roll >= KINDS.register.weight && roll < KINDS.register.weight + KINDS.report.weight) {
        const m = marker();
        const body = { rag: 'amber', action: 'submit' };
        for (const k of w.round.keys) body[`a-${k}`] = m;
        bump('attempts', 'report');
        const r = await c.post(`/rounds/${w.round.id}/projects/${w.project}`, body);
        if (r.status === 303) { acked.report.push(m); bump('acked', 'report'); } else bump('rejected', 'report');
        continue;
      }
      if (roll < 0.6) {
        const t = w.tools[rand(0, w.tools.length - 1)];
        const p = `/projects/${w.project}/tools/${t.key}`;
        const page = await c.get(p);
        if (page.status !== 200) { bump('rejected', 'tool'); continue; }
        const rev = (page.text.match(/name="rev" value="(\d+)"/) || [, '0'])[1];
        const m = marker();
        bump('attempts', 'tool');
        const r = await c.post(p, { rev, [`f-${t.field}`]: `Lagret under last ${m}` });
        if (r.status === 303) { acked.tool.push(m); bump('acked', 'tool'); }
        else bump('rejected', 'tool'); // 200 = conflict with another worker's save: not applied, by design
      } else if (roll < 0.9 || !exts.length) {
        const m = marker();
        bump('attempts', 'comment');
        const r = await c.post(`/projects/${w.project}/comments`, { body: m });
        if (r.status === 303) { acked.comment.push(m); bump('acked', 'comment'); }
        else bump('rejected', 'comment');
      } else {
        const e = exts[rand(0, exts.length - 1)];
        await extensionWrite(c, w, e);
      }
    } catch (err) {
      // the server went away mid-request: not acknowledged
      bump('failed', 'request');
      await sleep(rand(5, 40));
    }
  }
}

// Drive an extension's form generically (see EXTENSIONS).
async function extensionWrite(c, w, e) {
  const p = e.path(w);
  const page = await c.get(e.formPage ? e.formPage(p) : p);
  const forms = [...page.text.matchAll(/<form\b[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/gi)]
    .filter(f => f[1].replace(/&amp;/g, '&') === p);
  if (!forms.length) { bump('rejected', e.kind + ' (no form found)'); return; }
  const html = forms[0][2];
  const form = {};
  const m = marker();
  let filled = false;
  for (const inp of html.matchAll(/<input\b[^>]*>/gi)) {
    const name = (inp[0].match(/\bname="([^"]+)"/) || [])[1];
    if (!name) continue;
    const type = ((inp[0].match(/\btype="([^"]+)"/) || [, 'text'])[1]).toLowerCase();
    const value = (inp[0].match(/\bvalue="([^"]*)"/) || [, ''])[1];
    if (type === 'hidden') form[name] = value;
    else if (type === 'text' || type === 'search') { form[name] = filled ? 'Tekst fra krasjtesten' : m; filled = true; }
    else if (type === 'date') form[name] = '2026-01-15';
    else if (type === 'number') form[name] = '42';
    else if ((type === 'radio' || type === 'checkbox') && !(name in form)) form[name] = value || 'on';
  }
  for (const ta of html.matchAll(/<textarea\b[^>]*name="([^"]+)"[^>]*>/gi)) { form[ta[1]] = filled ? 'Tekst fra krasjtesten' : m; filled = true; }
  for (const sel of html.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/gi)) {
    const opt = [...sel[2].matchAll(/<option\b[^>]*value="([^"]+)"/gi)][0];
    if (opt) form[sel[1]] = opt[1];
  }
  if (!filled) { bump('rejected', e.kind + ' (no text field)'); return; }
  bump('attempts', e.kind);
  const r = await c.post(p, form);
  if (r.status === 303 && r.location) {
    (acked[e.kind] = acked[e.kind] || []).push({ marker: m, at: r.location });
    bump('acked', e.kind);
  } else bump('rejected', e.kind);
}

// Every acknowledged write must be there. Returns a list of problems.
async function verify(db, base, checkedExt) {
  const problems = [];
  const sessions = new Set(dbio.query(db, 'SELECT id_hash FROM sessions').map(r => r.id_hash));
  for (const l of acked.login) if (!sessions.has(l.hash)) problems.push(`login of ${l.email}: session ${l.hash.slice(0, 12)}… missing`);
  const tools = new Set();
  for (const r of dbio.query(db, `SELECT data FROM tool_revisions WHERE data LIKE '%krasj ${RUN}%'`))
    for (const m of r.data.match(MARK_RE) || []) tools.add(m);
  for (const m of acked.tool) if (!tools.has(m)) problems.push(`tool save "${m}" missing from tool_revisions`);
  const entries = new Set();
  for (const r of dbio.query(db, `SELECT data FROM tool_entries WHERE data LIKE '%krasj ${RUN}%'`))
    for (const m of r.data.match(MARK_RE) || []) entries.add(m);
  const comments = new Set(dbio.query(db, `SELECT body FROM comments WHERE body LIKE 'krasj ${RUN}%'`).map(r => r.body));
  for (const m of acked.comment) if (!comments.has(m)) problems.push(`comment "${m}" missing`);
  if (acked.register.length) {
    const items = new Set(dbio.query(db, `SELECT title FROM register_items WHERE title LIKE 'krasj ${RUN}%'`).map(r => r.title));
    for (const m of acked.register) if (!items.has(m)) problems.push(`register item "${m}" missing`);
  }
  if (acked.measurement.length) {
    const ms = new Set(dbio.query(db, `SELECT comment FROM measurements WHERE comment LIKE 'krasj ${RUN}%'`).map(r => r.comment));
    for (const m of acked.measurement) if (!ms.has(m)) problems.push(`measurement "${m}" missing`);
  }
  if (acked.report.length) {
    const rs = new Set();
    for (const r of dbio.query(db, `SELECT answers FROM status_reports WHERE state = 'submitted' AND answers LIKE '%krasj ${RUN}%'`))
      for (const m of r.answers.match(MARK_RE) || []) rs.add(m);
    for (const m of acked.report) if (!rs.has(m)) problems.push(`status report "${m}" missing`);
  }
  // extension kinds: over HTTP, on the page the 303 pointed to (new ones, and a sample of older ones)
  for (const e of EXTENSIONS) {
    const list = acked[e.kind] || [];
    const from = checkedExt[e.kind] || 0;
    const todo = list.slice(from).concat(list.slice(0, from).filter(() => Math.random() < 0.05));
    for (const a of todo) {
      const r = await current.client.get(a.at.replace(/#.*$/, ''));
      if (r.status !== 200 || !r.text.includes(a.marker)) problems.push(`${e.kind} "${a.marker}" not shown at ${a.at} (${r.status})`);
    }
    checkedExt[e.kind] = list.length;
  }
  return { problems, latestInEntries: entries.size };
}

function integrity(db) {
  if (db.kind === 'sqlite') {
    const out = execFileSync('sqlite3', [db.file, 'PRAGMA integrity_check; PRAGMA foreign_key_check;'], { encoding: 'utf8' }).trim();
    return out === 'ok' ? null : `integrity_check: ${out.slice(0, 500)}`;
  }
  return null;
}

function amcheck(db) {
  try {
    dbio.exec(db, 'CREATE EXTENSION IF NOT EXISTS amcheck;');
    const n = dbio.scalar(db, "SELECT COUNT(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid " +
      "JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE am.amname = 'btree' AND ns.nspname = current_schema()");
    return { ok: true, text: `amcheck bt_index_check(heapallindexed) on ${n} B-tree indexes: ok` };
  } catch (e) {
    const msg = String(e.stderr || e.message).trim().split('\n')[0];
    if (/amcheck/.test(msg) && /not available|could not open extension/.test(msg)) return { ok: true, text: 'amcheck: extension not installed, skipped' };
    return { ok: false, text: 'amcheck: ' + msg };
  }
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `varde-crash-${KIND}-`));
  const M = S.machine();
  let exitCode = 0;
  try {
    const { url, manifest: man } = await dataset(tmp);
    if (!man.writers.length) throw new Error('the data set has no writers');
    const db = dbio.parseDb(url);
    const routes = execFileSync(S.BIN, ['routes'], { encoding: 'utf8' }).trim().split('\n');
    const kinds = {};
    const extNote = [];
    for (const [k, d] of Object.entries(KINDS)) {
      if (routes.some(r => r.startsWith(d.route + ' '))) { kinds[k] = true; extNote.push(`${k}: driven through ${d.route}`); }
      else extNote.push(`${k}: not driven (no route ${d.route} yet)`);
    }
    if (kinds.measurement && !man.writers.some(w => w.indicators && w.indicators.length)) extNote.push('measurement: no indicators in the data set');
    // each writer's project: an open round of a network it is shared with
    if (kinds.report) {
      for (const w of man.writers) {
        const r = dbio.query(db, `SELECT r.id, r.questions FROM status_rounds r JOIN project_shares s ON s.network_id = r.network_id
          WHERE s.project_id = ${Number(w.project)} AND r.closed_at IS NULL ORDER BY r.id LIMIT 1`)[0];
        if (r) w.round = { id: r.id, keys: JSON.parse(r.questions).map(q => q.key) };
      }
      const n = man.writers.filter(w => w.round).length;
      extNote.push(`report: ${n} of ${man.writers.length} writers' projects are in an open round`);
      if (!n) kinds.report = false;
    }
    const exts = [];
    for (const e of EXTENSIONS) {
      const r = routes.find(x => e.route.test(x));
      if (!r) extNote.push(`${e.kind}: not driven (no route yet)`);
      else if (!e.path) extNote.push(`${e.kind}: route ${r} exists, but bench/crashtest.js EXTENSIONS has no path for it yet`);
      else { exts.push(e); extNote.push(`${e.kind}: driven through ${r}`); }
    }
    const port = await S.freePort();
    const start = async () => {
      const v = await S.start(url, { port, threads: 4 });
      // the organisation's administrator, who sees every project the writers use
      v.client = await S.login(v.base, man.user, man.password);
      return v;
    };
    current = await start();
    const workers = [];
    for (let i = 0; i < WORKERS; i++) workers.push(worker(i, man, exts, kinds));
    const restarts = [], problems = [];
    const checkedExt = {};
    let earlyKills = 0;
    for (let k = 1; k <= KILLS; k++) {
      const early = k % 8 === 4; // now and then during start-up
      if (early) {
        // kill a fresh process 0–40 ms after exec, before it answers
        await current.stop('SIGKILL');
        current = null;
        const p = spawn(S.BIN, ['--db', url, '--listen', `127.0.0.1:${port}`, '--quiet', 'serve'], { stdio: 'ignore' });
        await sleep(rand(0, 40));
        p.kill('SIGKILL');
        await new Promise(r => p.exitCode !== null || p.signalCode ? r() : p.on('exit', r));
        earlyKills++;
      } else {
        await sleep(rand(MIN_MS, MAX_MS));
        await current.stop('SIGKILL');
        current = null;
      }
      const t0 = Date.now();
      let v;
      try { v = await start(); } catch (e) { problems.push(`restart after kill ${k} failed: ${e.message}`); break; }
      restarts.push(v.coldMs);
      const bad = integrity(db);
      if (bad) problems.push(`after kill ${k}: ${bad}`);
      current = v;
      const r = await verify(db, v.base, checkedExt);
      for (const p of r.problems) problems.push(`after kill ${k}: ${p}`);
      if (r.problems.length || bad) log(`kill ${k}: ${r.problems.length} lost writes${bad ? ', ' + bad : ''}`);
      if (k % 10 === 0) log(`${k} kills; acknowledged so far: ${Object.entries(stats.acked).map(([a, b]) => `${a} ${b}`).join(', ')} (${Date.now() - t0} ms to restart and check)`);
      if (problems.length > 50) break;
    }
    stopping = true;
    await Promise.all(workers);
    const stop = await current.stop('SIGTERM');
    const finalBad = integrity(db);
    if (finalBad) problems.push('at the end: ' + finalBad);
    let am = null;
    if (db.kind === 'pg') { am = amcheck(db); if (!am.ok) problems.push(am.text); }
    if (stop.code !== 0) problems.push(`clean shutdown at the end: exit ${stop.code} ${stop.sig || ''}`);

    restarts.sort((a, b) => a - b);
    const md = [];
    md.push(`# Varde crash test — ${KIND === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${M.day}`, '');
    md.push(`- Date: ${M.date}; commit ${M.commit}; ${M.varde}; machine: ${M.nproc} cores, ${M.ramGiB} GiB RAM, Linux ${M.kernel} (shared)`);
    md.push(`- ${KILLS} SIGKILLs (${earlyKills} during start-up), ${WORKERS} writers, load ${MIN_MS}–${MAX_MS} ms between kills; data set scale ${SCALE}` +
      (KIND === 'pg' ? '; PostgreSQL of scripts/pg-test.sh (fsync=off: the database server itself is never killed)' : '; SQLite WAL, synchronous=FULL'));
    md.push('', '| Write | attempted | acknowledged | lost after restart |', '|---|--:|--:|--:|');
    const lostBy = k => problems.filter(p => p.includes({ tool: 'tool save', login: 'login of', comment: 'comment "', register: 'register item "' }[k] || `${k} "`)).length;
    for (const k of Object.keys(stats.attempts)) md.push(`| ${k} | ${stats.attempts[k]} | ${stats.acked[k] || 0} | ${lostBy(k)} |`);
    md.push('', `- Requests cut off by a kill (not acknowledged): ${stats.failed.request || 0}; refused or conflicting (not acknowledged, by design): ` +
      (Object.entries(stats.rejected).map(([a, b]) => `${a} ${b}`).join(', ') || 'none'));
    md.push(`- Restart (exec → first 200 on /healthz) after a kill, ${restarts.length} restarts: min ${restarts[0]?.toFixed(1)} ms, ` +
      `median ${restarts[Math.floor(restarts.length / 2)]?.toFixed(1)} ms, max ${restarts[restarts.length - 1]?.toFixed(1)} ms`);
    md.push(`- Integrity: ${KIND === 'sqlite' ? 'PRAGMA integrity_check and foreign_key_check after every restart' : 'server restarted and rows present after every kill; ' + (am ? am.text : '')} — ${problems.some(p => /integrity|amcheck/.test(p)) ? '**FAILED**' : 'passed'}`);
    for (const n of extNote) md.push(`- ${n}`);
    md.push('', problems.length ? `**FAIL: ${problems.length} problem(s):**\n\n${problems.slice(0, 50).map(p => '- ' + p).join('\n')}` : '**PASS**: every acknowledged write survived every kill.');
    const text = md.join('\n') + '\n';
    process.stdout.write('\n' + text);
    const outDir = path.join(__dirname, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `${M.day}-crashtest-${KIND}.md`), text);
    if (problems.length) exitCode = 1;
    if (db.kind === 'pg') execFileSync('psql', [process.env.VARDE_TEST_PG + '/postgres', '-q', '-c', `DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`]);
  } finally {
    stopping = true;
    if (current) await current.stop('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch(e => { console.error('crashtest: ' + (e.stack || e)); process.exit(1); });
