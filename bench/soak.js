#!/usr/bin/env node
// soak.js — make soak: a long run over a mix of pages, looking for errors,
// crashes and memory growth.
//
//   node bench/soak.js sqlite
//   scripts/pg-test.sh node bench/soak.js pg
//
// SOAK_REQUESTS (1,000,000) requests at SOAK_CONNECTIONS (128) connections,
// wrk with a Lua script rotating over a weighted mix of pages as one
// logged-in member of a median-sized organisation: roadmaps and tool pages
// of several projects, tool history, registers, evidence chains and
// benefit plans, the dashboard, the portfolio, the organisation's benefits,
// search, the case bank, the public guide, the account page and a stylesheet. VmRSS is sampled every
// second. Pass: zero errors (non-2xx/3xx answers and socket errors), zero
// crashes (the server is up at the end and stops cleanly), and resident
// memory grows by less than 5 % from the second quarter of the run to the
// last (mean of the samples in each).
//
// Uses the bench data set (bench/data/, SOAK_SCALE, default 1; built by
// bench/gen.js when missing).
'use strict';
require('./lib/snapshot'); // before ./lib/server: a private copy of build/varde
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync, spawnSync } = require('node:child_process');
const dbio = require('./lib/dbio');
const S = require('./lib/server');
const wrk = require('./lib/wrk');

const KIND = process.argv[2] || 'sqlite';
const REQUESTS = Number(process.env.SOAK_REQUESTS || 1000000);
const CONNS = Number(process.env.SOAK_CONNECTIONS || 128);
const SCALE = Number(process.env.SOAK_SCALE || 1);
const log = (...m) => console.error('soak:', ...m);

async function dataset(tmp) {
  if (KIND === 'sqlite') {
    const dir = path.join(__dirname, 'data');
    const file = path.join(dir, `sqlite-${SCALE}.db`), man = path.join(dir, `sqlite-${SCALE}.json`);
    if (!fs.existsSync(man) || !fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true });
      gen(`sqlite:${file}`, man);
    }
    const work = path.join(tmp, 'varde.db');
    execFileSync('cp', ['--reflink=auto', file, work]);
    return { url: `sqlite:${work}`, manifest: JSON.parse(fs.readFileSync(man, 'utf8')) };
  }
  const pg = process.env.VARDE_TEST_PG;
  if (!pg) throw new Error('PostgreSQL mode runs under scripts/pg-test.sh (VARDE_TEST_PG is not set)');
  const name = 'soak_' + crypto.randomBytes(4).toString('hex');
  execFileSync('psql', [pg + '/postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
  const man = path.join(tmp, 'manifest.json');
  gen(`${pg}/${name}`, man);
  return { url: `${pg}/${name}`, manifest: JSON.parse(fs.readFileSync(man, 'utf8')) };
}

function gen(url, manifest) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'gen.js'), '--db', url, '--scale', String(SCALE), '--manifest', manifest],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('data generator failed');
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `varde-soak-${KIND}-`));
  const M = S.machine();
  let exitCode = 0;
  let v;
  try {
    const { url, manifest: man } = await dataset(tmp);
    const db = dbio.parseDb(url);
    const org = man.orgMedian;
    // A member of the median organisation who is on several teams there.
    const who = dbio.query(db, `SELECT u.email, u.id, COUNT(*) AS n FROM users u JOIN memberships m ON m.user_id = u.id AND m.org_id = ${org}
      JOIN project_members pm ON pm.user_id = u.id WHERE m.role = 'member' AND u.disabled = 0 AND u.email <> '${man.user}' GROUP BY u.email, u.id ORDER BY n DESC, u.id LIMIT 1`)[0];
    const projects = dbio.query(db, `SELECT p.id, e.tool_key FROM projects p JOIN tool_entries e ON e.project_id = p.id
      WHERE p.org_id = ${org} AND p.deleted_at IS NULL AND p.visibility = 'org' ORDER BY p.id, e.tool_key`);
    const byProject = new Map();
    for (const r of projects) { if (!byProject.has(r.id)) byProject.set(r.id, []); byProject.get(r.id).push(r.tool_key); }
    const pids = [...byProject.keys()].slice(0, 8);
    const paths = [];
    for (const p of pids) {
      const tools = byProject.get(p);
      paths.push(`/projects/${p}`, `/projects/${p}`);
      for (const t of tools.slice(0, 3)) paths.push(`/projects/${p}/tools/${t}`);
      paths.push(`/projects/${p}/tools/${tools[0]}/history`);
    }
    // Registers, the evidence chain and benefits of the first few projects.
    for (const p of pids.slice(0, 4))
      paths.push(`/projects/${p}/registers/insight`, `/projects/${p}/registers/research`, `/projects/${p}/chain`, `/projects/${p}/benefits`);
    paths.push('/dashboard', '/dashboard', `/orgs/${org}/portfolio`, `/orgs/${org}/benefits`, '/account', '/guide', '/guide/veikart',
      '/guide/veikart/phases/innsikt', '/search?q=tjenesten', '/cases');
    v = await S.start(url, { threads: process.env.SOAK_THREADS ? Number(process.env.SOAK_THREADS) : undefined });
    const c = await S.login(v.base, who.email, man.password);
    const home = await c.get('/dashboard');
    const css = (home.text.match(/href="(\/assets\/[^"]+\.css)"/) || [])[1];
    if (css) paths.push(css);
    for (const p of new Set(paths)) {
      const r = await c.get(p);
      if (r.status !== 200) throw new Error(`${p} answered ${r.status} before the soak`);
    }
    log(`${REQUESTS} requests over ${paths.length} paths (${new Set(paths).size} distinct) as ${who.email}, ${CONNS} connections`);

    // sample VmRSS every second
    const samples = [];
    const t0 = Date.now();
    let crashed = null;
    const timer = setInterval(() => {
      const st = v.status();
      if (st.VmRSS) samples.push({ t: (Date.now() - t0) / 1000, rss: st.VmRSS });
      if (!v.alive() && !crashed) crashed = `varde exited during the soak: ${v.stderr().slice(-2000)}`;
    }, 1000);
    const threads = 2;
    const doneFile = path.join(tmp, 'done-');
    const lua = wrk.script({ paths, headers: { Cookie: c.cookieHeader(), 'Accept-Encoding': 'gzip' }, limitPerThread: Math.ceil(REQUESTS / threads), doneFile });
    let r;
    try {
      r = await wrk.run(v.base + '/', { connections: CONNS, threads, seconds: 4 * 3600, lua, tmp, timeout: '30s', doneFile });
    } finally {
      clearInterval(timer);
    }
    const secs = (Date.now() - t0) / 1000;
    const alive = v.alive();
    const hwm = v.status().VmHWM;
    const stop = await v.stop();
    v = null;
    if (!alive && !crashed) crashed = 'varde was not running at the end';
    const q = samples.length / 4;
    const mean = a => a.reduce((s, x) => s + x.rss, 0) / Math.max(1, a.length);
    const q2 = mean(samples.slice(Math.floor(q), Math.floor(2 * q))), q4 = mean(samples.slice(Math.floor(3 * q)));
    const growth = (q4 - q2) / q2 * 100;
    const errors = r.errors + r.unexpected - r.status; // unexpected already counts status >= 400
    const okErr = errors === 0, okCrash = !crashed && stop.code === 0, okMem = samples.length >= 8 && growth < 5;
    const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
    const md = [];
    md.push(`# Varde soak — ${KIND === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${M.day}`, '');
    md.push(`- Date: ${M.date}; commit ${M.commit}; ${M.varde}; machine: ${M.nproc} cores, ${M.ramGiB} GiB RAM, Linux ${M.kernel} (shared, no CPU pinning)`);
    md.push(`- ${fmt(r.requests)} requests in ${fmt(secs)} s (${fmt(r.rps)} req/s), ${CONNS} connections, wrk ${M.wrk} with 2 threads; ` +
      `${paths.length} paths rotated (roadmaps, tool pages and history of ${pids.length} projects, registers, evidence chains and benefit plans of 4, dashboard, portfolio and benefits of a ${man.orgMedianProjects}-project organisation, search, the case bank, account, guide, a stylesheet), logged in as a member`);
    md.push(`- Latency: p50 ${(r.p50 / 1000).toFixed(2)} ms, p90 ${(r.p90 / 1000).toFixed(2)} ms, p99 ${(r.p99 / 1000).toFixed(2)} ms, max ${(r.max / 1000).toFixed(0)} ms`);
    md.push(`- Data set: scale ${man.scale} (${fmt(man.counts.projects || 0)} projects)`);
    md.push('', '| Check | measured | target | |', '|---|--:|--:|:-:|');
    md.push(`| Errors (non-2xx/3xx: ${r.unexpected}; socket: connect ${r.connect}, read ${r.read}, write ${r.write}, timeout ${r.timeout}) | ${errors} | 0 | ${okErr ? 'PASS' : '**MISS**'} |`);
    md.push(`| Crashes | ${crashed ? 1 : 0}${stop.code !== 0 ? ` (exit ${stop.code} ${stop.sig || ''})` : ''} | 0 | ${okCrash ? 'PASS' : '**MISS**'} |`);
    md.push(`| VmRSS growth, 2nd quarter → last quarter | ${growth.toFixed(2)} % (${fmt(q2 / 1024, 1)} → ${fmt(q4 / 1024, 1)} MiB; ${samples.length} samples) | < 5 % | ${okMem ? 'PASS' : '**MISS**'} |`);
    md.push(`| Peak resident memory (VmHWM) | ${fmt(hwm / 1024, 1)} MiB | | |`);
    if (crashed) md.push('', '```', crashed, '```');
    const text = md.join('\n') + '\n';
    process.stdout.write('\n' + text);
    const outDir = path.join(__dirname, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `${M.day}-soak-${KIND}.md`), text);
    if (!okErr || !okCrash || !okMem) exitCode = 1;
    if (db.kind === 'pg') execFileSync('psql', [process.env.VARDE_TEST_PG + '/postgres', '-q', '-c', `DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`]);
  } finally {
    if (v) await v.stop('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch(e => { console.error('soak: ' + (e.stack || e)); process.exit(1); });
