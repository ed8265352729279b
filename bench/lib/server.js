// server.js — start and stop `varde serve` for the bench tools, time its cold
// start, read its memory from /proc, log in over HTTP; plus the machine facts
// every result file records.
'use strict';
const { spawn, execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client, setPassword, linkFrom } = require('../../tests/lib/varde.js');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.resolve(ROOT, process.env.VARDE_BIN || 'build/varde');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// One GET with a fresh connection; resolves to the status (0 on a socket error).
function probe(port, p = '/healthz') {
  return new Promise(resolve => {
    const req = http.get({ host: '127.0.0.1', port, path: p, agent: false }, res => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

function cli(dbUrl, args) {
  const r = spawnSync(BIN, ['--db', dbUrl, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Start `varde serve`; resolves once /healthz answers 200, with the cold start
// time: from spawn to the first 200 (polled every millisecond).
async function start(dbUrl, { port, threads, cpu, extra = [], env = {}, timeoutMs = 30000 } = {}) {
  port = port || await freePort();
  const args = ['--db', dbUrl, '--listen', `127.0.0.1:${port}`, '--base-url', `http://127.0.0.1:${port}`, '--quiet'];
  if (threads) args.push('--threads', String(threads));
  args.push(...extra, 'serve');
  const cmd = cpu !== undefined && cpu !== null ? 'taskset' : BIN;
  const argv = cmd === 'taskset' ? ['-c', String(cpu), BIN, ...args] : args;
  const t0 = process.hrtime.bigint();
  const proc = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', d => { stderr += d; if (stderr.length > 1e6) stderr = stderr.slice(-5e5); });
  proc.stdout.on('data', () => {});
  const exited = new Promise(resolve => proc.on('exit', (code, sig) => resolve({ code, sig })));
  let coldMs = null;
  for (;;) {
    const st = await probe(port);
    if (st === 200) { coldMs = Number(process.hrtime.bigint() - t0) / 1e6; break; }
    if (proc.exitCode !== null || proc.signalCode) throw new Error(`varde exited during start-up: ${stderr}`);
    if (Number(process.hrtime.bigint() - t0) / 1e6 > timeoutMs) { proc.kill('SIGKILL'); throw new Error('varde did not start: ' + stderr); }
    await new Promise(r => setTimeout(r, 1));
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    proc, port, base, coldMs, exited,
    pid: proc.pid,
    stderr: () => stderr,
    status: () => procStatus(proc.pid),
    alive: () => proc.exitCode === null && !proc.signalCode,
    async stop(sig = 'SIGTERM') {
      if (proc.exitCode === null && !proc.signalCode) proc.kill(sig);
      return exited;
    },
  };
}

// VmRSS / VmHWM etc. of a process, in KiB.
function procStatus(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const out = {};
    for (const m of s.matchAll(/^(Vm\w+|Threads):\s+(\d+)/gm)) out[m[1]] = Number(m[2]);
    return out;
  } catch (e) { return {}; }
}

// Log in as a user; returns the Client (cookie jar with the session, and the
// CSRF token of the last page it read).
async function login(base, email, password) {
  const c = new Client(base);
  const r = await c.login(email, password);
  if (r.status !== 303) throw new Error(`login ${email}: ${r.status}`);
  return c;
}

// Facts about this machine and checkout for the result files.
function machine() {
  const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch (e) { return '?'; } };
  let commit = sh('git', ['rev-parse', '--short', 'HEAD']);
  if (commit !== '?' && sh('git', ['status', '--porcelain', '--untracked-files=no'])) commit += ' (+ uncommitted changes)';
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [, '?'])[1];
  const ver = cmd => sh('sh', ['-c', cmd]).split('\n')[0];
  return {
    date: sh('date', ['-u', '+%Y-%m-%d %H:%M UTC']),
    day: sh('date', ['-u', '+%Y-%m-%d']),
    nproc: os.cpus().length,
    cpu,
    ramGiB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    kernel: os.release(),
    commit,
    varde: sh(BIN, ['--version']),
    sqlite: ver('sqlite3 --version | cut -d" " -f1'),
    pg: ver('ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1 | xargs -I{} {}/postgres --version | cut -d" " -f3'),
    mhd: ver("dpkg-query -W -f='${Version}' libmicrohttpd12 2>/dev/null || dpkg-query -W -f='${Version}' libmicrohttpd-dev"),
    wrk: ver("dpkg-query -W -f='${Version}' wrk"),
    nginx: ver("nginx -v 2>&1 | sed 's/.*nginx\\///'"),
    load: os.loadavg().map(x => x.toFixed(2)).join(' '),
  };
}

module.exports = { ROOT, BIN, freePort, probe, cli, start, procStatus, login, machine, Client, setPassword, linkFrom };
