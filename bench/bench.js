#!/usr/bin/env node
// bench.js — make bench: measure Varde's key pages on the large data set and
// compare each with nginx serving the very same bytes as a static file.
//
//   node bench/bench.js sqlite         (the data set is cached in bench/data/)
//   scripts/pg-test.sh node bench/bench.js pg
//
// Per page: requests/s, p50 and p99 at 64 connections (wrk), nginx's req/s for
// the saved page and the ratio, the bytes a browser with an empty cache
// transfers (HTML + every referenced stylesheet, script, image) and the number
// of requests. Per run: cold start (exec → first 200 on /healthz), peak
// resident memory (VmHWM). Targets are printed as PASS/MISS; the exit status
// is 0 whatever the figures (a slow machine never fails the build).
//
// Settings (environment): BENCH_SECONDS (10 per measurement), BENCH_WARMUP (1),
// BENCH_CONNECTIONS (64), BENCH_SCALE (1 = the full data set), BENCH_THREADS
// (varde --threads, default: Varde's own default), BENCH_PIN (1: server on
// CPU 1, wrk on CPU 0; 0: no pinning), BENCH_REGEN=1 (rebuild the data set).
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
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP = Number(process.env.BENCH_WARMUP || 1);
const CONNS = Number(process.env.BENCH_CONNECTIONS || 64);
const SCALE = Number(process.env.BENCH_SCALE || 1);
const THREADS = process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : null;
const PIN = (process.env.BENCH_PIN || (os.cpus().length >= 2 ? '1' : '0')) === '1';
const SRV_CPU = PIN ? os.cpus().length - 1 : null;
const WRK_CPU = PIN ? 0 : null;
const BENCH = __dirname;

const TARGET = { ratio: 0.5, p99ms: 10, memMiB: 64, coldMs: 200, pageKB: 60 };

const log = (...m) => console.error('bench:', ...m);

// The data set: SQLite files are cached in bench/data/ (rebuilt when the
// generator or the schema changed); PostgreSQL gets a fresh database on the
// cluster scripts/pg-test.sh started.
async function dataset(tmp) {
  if (KIND === 'sqlite') {
    const dir = path.join(BENCH, 'data');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `sqlite-${SCALE}.db`), man = path.join(dir, `sqlite-${SCALE}.json`);
    const inputs = ['gen.js', 'lib/words.js', 'lib/dbio.js'].map(f => path.join(BENCH, f))
      .concat(['src/db/migrate.c', 'src/project/entry.c', 'src/project/project.c'].map(f => path.join(S.ROOT, f)));
    const newest = Math.max(...inputs.map(f => fs.statSync(f).mtimeMs));
    if (process.env.BENCH_REGEN === '1' || !fs.existsSync(man) || !fs.existsSync(file) || fs.statSync(man).mtimeMs < newest) {
      log(`generating the data set (scale ${SCALE}) into ${path.relative(S.ROOT, file)}`);
      gen(`sqlite:${file}`, man);
    }
    // Work on a copy: the write benchmark and the sessions change the file.
    const work = path.join(tmp, 'varde.db');
    execFileSync('cp', ['--reflink=auto', file, work]);
    return { url: `sqlite:${work}`, manifest: JSON.parse(fs.readFileSync(man, 'utf8')) };
  }
  const pg = process.env.VARDE_TEST_PG;
  if (!pg) throw new Error('PostgreSQL mode runs under scripts/pg-test.sh (VARDE_TEST_PG is not set)');
  const name = 'bench_' + crypto.randomBytes(4).toString('hex');
  execFileSync('psql', [pg + '/postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
  const man = path.join(tmp, 'manifest.json');
  log(`generating the data set (scale ${SCALE}) into PostgreSQL database ${name}`);
  gen(`${pg}/${name}`, man);
  return { url: `${pg}/${name}`, manifest: JSON.parse(fs.readFileSync(man, 'utf8')) };
}

function gen(url, manifest) {
  const r = spawnSync(process.execPath, [path.join(BENCH, 'gen.js'), '--db', url, '--scale', String(SCALE), '--manifest', manifest],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('data generator failed');
}

// Pages to measure: the key pages, and those of features that exist only
// once their routes do (registers, evidence chain, benefits with their
// indicator charts, network overview, search).
function pages(man, routes, db) {
  const P = man.project;
  const list = [
    { name: 'Roadmap (project)', path: `/projects/${P}` },
    { name: 'Tool page', path: `/projects/${P}/tools/${man.tool}` },
    { name: `Portfolio (median org, ${man.orgMedianProjects} projects)`, path: `/orgs/${man.orgMedian}/portfolio` },
    { name: `Portfolio (largest org, ${man.orgLargestProjects} projects)`, path: `/orgs/${man.orgLargest}/portfolio` },
    { name: 'Dashboard (admin of the largest org)', path: '/dashboard' },
  ];
  const skipped = [];
  const has = r => routes.some(x => x.startsWith(r + ' '));
  const opt = (route, name, p, need = true) => {
    if (!has(route)) skipped.push(`${name}: no route ${route} yet`);
    else if (!need) skipped.push(`${name}: route exists, but the data set has nothing to show (bench/gen.js)`);
    else list.push({ name, path: p });
  };
  opt('GET /projects/:id/registers/:token', 'Register: insights', `/projects/${P}/registers/insight`);
  opt('GET /projects/:id/chain', 'Evidence chain', `/projects/${P}/chain`);
  const chart = routes.find(r => /^GET \S*chart/.test(r));
  if (chart) skipped.push(`Indicator chart: a route ${chart} exists; add it to bench/bench.js pages()`);
  opt('GET /benefits/:id', 'Benefit with indicator chart', `/benefits/${man.benefit}`, !!man.benefit);
  opt('GET /projects/:id/benefits', 'Benefit plan (project)', `/projects/${P}/benefits`);
  opt('GET /orgs/:id/benefits', 'Benefits (median org)', `/orgs/${man.orgMedian}/benefits`);
  opt('GET /networks/:id', 'Network overview', `/networks/${man.network}`, !!man.network);
  // `varde routes` prints "METHOD PATH handler".
  const search = routes.find(r => /^GET \/search(\s|$)/.test(r) || /^GET \/projects\/:id\/search(\s|$)/.test(r));
  if (search) list.push({ name: 'Search', path: search.split(' ')[1].replace(':id', P) + '?q=brukerne' });
  else skipped.push('Search: no route GET /search yet');
  void db;
  return { list, skipped };
}

const fmt = (n, d = 0) => n === null || n === undefined || Number.isNaN(n) ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const ms = us => fmt(us / 1000, 2);
const kb = b => fmt(b / 1000, 1); // KB = 1000 bytes, as the target
const pm = ok => ok === null ? '—' : ok ? 'PASS' : '**MISS**';

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `varde-bench-${KIND}-`));
  const M = S.machine();
  try {
    const { url, manifest: man } = await dataset(tmp);
    const db = dbio.parseDb(url);
    const routes = execFileSync(S.BIN, ['routes'], { encoding: 'utf8' }).trim().split('\n');
    const threadArgs = THREADS ? { threads: THREADS } : {};

    // Cold start: three starts, the median; the last one stays up.
    const colds = [];
    let v;
    for (let i = 0; i < 3; i++) {
      if (v) { const r = await v.stop(); if (r.code !== 0) throw new Error('varde did not stop cleanly: ' + v.stderr()); }
      v = await S.start(url, { ...threadArgs, cpu: SRV_CPU });
      colds.push(v.coldMs);
    }
    colds.sort((a, b) => a - b);
    const cold = colds[1];
    log(`cold start ${colds.map(x => x.toFixed(1)).join(' / ')} ms`);

    const c = await S.login(v.base, man.user, man.password);
    const cookie = c.cookieHeader();
    const { list, skipped } = pages(man, routes, db);
    const ng = await wrk.nginx(path.join(tmp, 'nginx'), { cpu: SRV_CPU });
    const rows = [];
    try {
      for (const [i, pg] of list.entries()) {
        const w = await wrk.weight(v.base, pg.path, cookie);
        if (w.status !== 200) { skipped.push(`${pg.name}: ${pg.path} answered ${w.status}`); continue; }
        const file = `page${i}.html`;
        fs.writeFileSync(path.join(ng.www, file), w.html);
        fs.chmodSync(path.join(ng.www, file), 0o644);
        const lua = wrk.script({ headers: { Cookie: cookie } });
        if (WARMUP) await wrk.run(v.base + pg.path, { connections: CONNS, seconds: WARMUP, lua, cpu: WRK_CPU, tmp });
        const rv = await wrk.run(v.base + pg.path, { connections: CONNS, seconds: SECONDS, lua, cpu: WRK_CPU, tmp });
        if (WARMUP) await wrk.run(`${ng.base}/${file}`, { connections: CONNS, seconds: WARMUP, cpu: WRK_CPU, tmp });
        const rn = await wrk.run(`${ng.base}/${file}`, { connections: CONNS, seconds: SECONDS, cpu: WRK_CPU, tmp });
        rows.push({ ...pg, kind: 'read', v: rv, n: rn, w, hwm: v.status().VmHWM / 1024 });
        log(`${pg.name}: ${fmt(rv.rps)} req/s p50 ${ms(rv.p50)} p99 ${ms(rv.p99)} ms; nginx ${fmt(rn.rps)} req/s; ${kb(w.total)} KB in ${w.requests} requests`);
      }
      // Form save: POST the tool form with the session's CSRF token; every
      // save writes a revision (the same text each time, so never a conflict).
      const savePath = `/projects/${man.project}/tools/${man.saveTool}`;
      const page = await c.get(savePath);
      const rev = (page.text.match(/name="rev" value="(\d+)"/) || [, '0'])[1];
      const body = new URLSearchParams({ csrf: c.csrf, rev, [`f-${man.saveField}`]: 'Benken lagrer skjemaet på nytt' }).toString();
      const first = await c.post(savePath, { rev, [`f-${man.saveField}`]: 'Benken lagrer skjemaet på nytt' });
      if (first.status !== 303) throw new Error(`form save answered ${first.status}, not 303`);
      const lua = wrk.script({ method: 'POST', body, expect: 303,
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } });
      const before = Number(dbio.scalar(db, `SELECT COUNT(*) FROM tool_revisions WHERE project_id = ${man.project} AND tool_key = '${man.saveTool}'`));
      const rp = await wrk.run(v.base + savePath, { connections: CONNS, seconds: SECONDS, lua, cpu: WRK_CPU, tmp });
      const after = Number(dbio.scalar(db, `SELECT COUNT(*) FROM tool_revisions WHERE project_id = ${man.project} AND tool_key = '${man.saveTool}'`));
      rows.push({ name: 'Form save (POST tool form)', path: savePath, kind: 'write', v: rp, saved: after - before, hwm: v.status().VmHWM / 1024 });
      log(`form save: ${fmt(rp.rps)} req/s p50 ${ms(rp.p50)} p99 ${ms(rp.p99)} ms; ${rp.unexpected} not 303; ${after - before} revisions written`);
    } finally {
      await ng.stop();
    }
    const st = v.status();
    const stop = await v.stop();
    const hwm = st.VmHWM / 1024;

    // ---- report
    const md = [];
    const dbDesc = KIND === 'sqlite' ? `SQLite ${M.sqlite} (WAL, synchronous=FULL)` : `PostgreSQL ${M.pg} (throwaway cluster of scripts/pg-test.sh: fsync=off)`;
    md.push(`# Varde bench — ${KIND === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${M.day}`, '');
    md.push(`- Date: ${M.date}; commit ${M.commit}; ${M.varde}`);
    md.push(`- Machine: ${M.nproc} cores (${M.cpu}), ${M.ramGiB} GiB RAM, Linux ${M.kernel}; **shared 2-core machine: other engineers were building and testing at the same time** (load average at the end: ${M.load})`);
    md.push(`- Database: ${dbDesc}`);
    md.push(`- Load: wrk ${M.wrk}, ${CONNS} connections, 1 thread, ${SECONDS} s per measurement after ${WARMUP} s warm-up, keep-alive; ` +
      (PIN ? `wrk pinned to CPU ${WRK_CPU}, server (Varde or nginx) pinned to CPU ${SRV_CPU}` : 'no CPU pinning') +
      `; varde ${THREADS ? '--threads ' + THREADS : 'with its default thread count'}, libmicrohttpd ${M.mhd}`);
    md.push(`- Baseline: nginx ${M.nginx}, 1 worker, sendfile, no access log, serving the page Varde rendered (same bytes) as a static file`);
    const cnt = man.counts;
    md.push(`- Data set (bench/gen.js, scale ${man.scale}, built in ${man.seconds} s, ${fmt(man.bytes / 2 ** 20)} MiB): ` +
      ['orgs', 'users', 'projects', 'project_members', 'tool_entries', 'tool_revisions', 'comments', 'activity', 'register_items', 'register_links']
        .filter(k => cnt[k]).map(k => `${fmt(cnt[k])} ${k}`).join(', '));
    for (const s of man.skipped || []) md.push(`  - ${s}`);
    md.push('');
    md.push(`| Page | req/s | p50 ms | p99 ms | nginx req/s | Varde/nginx | Transferred KB (requests) | VmHWM after, MiB | ≥ ${TARGET.ratio * 100} % of nginx | p99 < ${TARGET.p99ms} ms | < ${TARGET.pageKB} KB |`);
    md.push('|---|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|:-:|');
    const misses = [];
    for (const r of rows) {
      // socket errors, plus answers other than the expected one (POST) or ≥ 400 (GET)
      const errs = r.v.connect + r.v.read + r.v.write + r.v.timeout + (r.kind === 'write' ? r.v.unexpected : r.v.status);
      const ratio = r.n ? r.v.rps / r.n.rps : null;
      const okRatio = r.kind === 'read' ? ratio >= TARGET.ratio : null;
      const okP99 = r.v.p99 / 1000 < TARGET.p99ms;
      const okKB = r.w ? r.w.total < TARGET.pageKB * 1000 : null;
      if (okRatio === false) misses.push(`${r.name}: ${fmt(ratio * 100)} % of nginx`);
      if (!okP99) misses.push(`${r.name}: p99 ${ms(r.v.p99)} ms`);
      if (okKB === false) misses.push(`${r.name}: ${kb(r.w.total)} KB`);
      md.push(`| ${r.name}<br>\`${r.path}\`${errs ? ` (${errs} errors)` : ''} | ${fmt(r.v.rps)} | ${ms(r.v.p50)} | ${ms(r.v.p99)} | ` +
        `${r.n ? fmt(r.n.rps) : 'n/a'} | ${ratio === null ? 'n/a' : fmt(ratio * 100) + ' %'} | ` +
        `${r.w ? `${kb(r.w.total)} (${r.w.requests})` : 'n/a'} | ${fmt(r.hwm, 1)} | ${pm(okRatio)} | ${pm(okP99)} | ${pm(okKB)} |`);
    }
    md.push('');
    const okMem = hwm < TARGET.memMiB, okCold = cold < TARGET.coldMs;
    if (!okMem) misses.push(`peak memory ${fmt(hwm, 1)} MiB`);
    if (!okCold) misses.push(`cold start ${fmt(cold, 1)} ms`);
    md.push(`| Server | measured | target | |`);
    md.push('|---|--:|--:|:-:|');
    md.push(`| Peak resident memory (VmHWM) | ${fmt(hwm, 1)} MiB | < ${TARGET.memMiB} MiB | ${pm(okMem)} |`);
    md.push(`| Cold start (exec → first 200 on /healthz), median of 3 | ${fmt(cold, 1)} ms (${colds.map(x => fmt(x, 1)).join(', ')}) | < ${TARGET.coldMs} ms | ${pm(okCold)} |`);
    md.push(`| Clean shutdown (SIGTERM) | exit ${stop.code}${stop.sig ? ' ' + stop.sig : ''} | 0 | ${pm(stop.code === 0)} |`);
    md.push('');
    md.push('Page weight, detail (bytes as transferred: HTML as Varde sends it, uncompressed; assets gzip-compressed; the HTML gzip-compressed, as nginx in front would send it, in brackets):', '');
    for (const r of rows.filter(x => x.w))
      md.push(`- ${r.name}: HTML ${kb(r.w.htmlWire)} KB (gzip ${kb(r.w.htmlGzip)} KB)` +
        r.w.assets.map(a => ` + \`${a.url}\` ${kb(a.wire)} KB`).join(''));
    const save = rows.find(r => r.kind === 'write');
    if (save) md.push('', `Form save: ${fmt(save.v.requests)} POSTs, ${save.v.unexpected} answered other than 303, ${save.saved} revisions written${save.saved !== save.v.requests - save.v.unexpected ? ' (wrk counts requests cut off at the end of the run too)' : ''}.`);
    if (skipped.length) { md.push('', 'Not measured:'); for (const s of skipped) md.push(`- ${s}`); }
    md.push('', misses.length ? `**${misses.length} target(s) missed:** ${misses.join('; ')}. See docs/QUALITY.md for the reasons.` : 'All targets met.');
    const text = md.join('\n') + '\n';
    process.stdout.write('\n' + text);
    const outDir = path.join(BENCH, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const out = path.join(outDir, `${M.day}-${KIND}.md`);
    fs.writeFileSync(out, text);
    log(`results written to ${path.relative(S.ROOT, out)}`);
    if (db.kind === 'pg') execFileSync('psql', [process.env.VARDE_TEST_PG + '/postgres', '-q', '-c', `DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch(e => { console.error('bench: ' + (e.stack || e)); process.exit(1); });
