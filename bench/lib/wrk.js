// wrk.js — run wrk with a generated Lua script and read its results as JSON;
// start nginx on a free port serving saved pages (the static baseline);
// measure a page's weight with the assets it references.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const { freePort, probe } = require('./server');

// The Lua done() every script ends with: one line of JSON on stdout.
// Threads' own counters (non-expected statuses) are summed through
// thread:get(); latency in microseconds.
const DONE_LUA = `
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function done(summary, latency, requests)
  local unexpected = 0
  for _, t in ipairs(threads) do unexpected = unexpected + (t:get("unexpected") or 0) end
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"unexpected":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout, unexpected,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`;

const luaStr = s => '"' + String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';

// A script: GET (optionally rotating over paths), or POST a form body.
// expect: the one status that counts as success (others are counted in
// "unexpected"); limit: stop each thread after this many responses.
// wrk keeps running for its whole -d duration even when every thread has
// stopped, so with limitPerThread each thread also creates doneFile + its id;
// run() watches for them and ends wrk with SIGINT.
function script({ method = 'GET', paths, body, headers = {}, expect, limitPerThread, doneFile } = {}) {
  let s = '';
  s += `wrk.method = ${luaStr(method)}\n`;
  for (const [k, v] of Object.entries(headers)) s += `wrk.headers[${luaStr(k)}] = ${luaStr(v)}\n`;
  if (body !== undefined) s += `wrk.body = ${luaStr(body)}\n`;
  if (paths && paths.length) {
    s += `local paths = {${paths.map(luaStr).join(', ')}}\nlocal i = math.random(#paths)\n`;
    s += 'function request()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n';
  }
  if (expect || limitPerThread) {
    s += 'unexpected = 0\nlocal n = 0\n';
    s += 'function response(status, headers, body)\n';
    if (expect) s += `  if status ~= ${Number(expect)} then unexpected = unexpected + 1 end\n`;
    else s += '  if status >= 400 then unexpected = unexpected + 1 end\n';
    if (limitPerThread) {
      s += `  n = n + 1\n  if n == ${Number(limitPerThread)} then\n`;
      if (doneFile) s += `    local f = io.open(${luaStr(doneFile)} .. id, "w")\n    if f then f:close() end\n`;
      s += '    wrk.thread:stop()\n  end\n';
    }
    s += 'end\n';
  }
  return s + DONE_LUA;
}

// Run wrk; resolves to the parsed JSON plus req/s. cpu: pin wrk to a core.
function run(url, { connections = 64, threads = 1, seconds = 10, lua, cpu, tmp, timeout = '10s', doneFile }) {
  const file = path.join(tmp, `wrk-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.lua`);
  fs.writeFileSync(file, lua || script());
  const argv = ['-t' + threads, '-c' + connections, '-d' + seconds + 's', '--timeout', timeout, '-s', file, url];
  const cmd = cpu !== undefined && cpu !== null ? 'taskset' : 'wrk';
  const args = cmd === 'taskset' ? ['-c', String(cpu), 'wrk', ...argv] : argv;
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', d => { out += d; });
    p.stderr.on('data', d => { err += d; });
    let watch = null;
    if (doneFile) {
      watch = setInterval(() => {
        let n = 0;
        for (let i = 1; i <= threads; i++) if (fs.existsSync(doneFile + i)) n++;
        if (n === threads) { clearInterval(watch); p.kill('SIGINT'); }
      }, 200);
    }
    p.on('exit', code => {
      if (watch) clearInterval(watch);
      fs.rmSync(file, { force: true });
      const m = out.match(/^WRKJSON (.*)$/m);
      if (code !== 0 || !m) return reject(new Error(`wrk failed (${code}): ${err}${out}`));
      const r = JSON.parse(m[1]);
      r.rps = r.requests / (r.duration_us / 1e6);
      r.errors = r.connect + r.read + r.write + r.timeout + r.status;
      resolve(r);
    });
  });
}

// nginx serving files from a folder, one worker, as lean as a static server
// is usually run: sendfile, no access log, keep-alive without a request cap.
async function nginx(dir, { cpu } = {}) {
  const port = await freePort();
  const www = path.join(dir, 'www');
  fs.mkdirSync(www, { recursive: true });
  for (const d of ['tmp', 'logs']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(www, 0o755);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, `# generated by bench/lib/wrk.js
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; }
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${www};
  }
}
`);
  const argv = ['-e', `${dir}/logs/error.log`, '-p', dir, '-c', conf];
  const cmd = cpu !== undefined && cpu !== null ? 'taskset' : 'nginx';
  const p = spawn(cmd, cmd === 'taskset' ? ['-c', String(cpu), 'nginx', ...argv] : argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  p.stderr.on('data', d => { err += d; });
  const exited = new Promise(resolve => p.on('exit', resolve));
  for (let i = 0; ; i++) {
    if (await probe(port, '/') !== 0) break;
    if (p.exitCode !== null || i > 500) { p.kill('SIGKILL'); throw new Error('nginx did not start: ' + err); }
    await new Promise(r => setTimeout(r, 10));
  }
  return {
    port, www, base: `http://127.0.0.1:${port}`,
    async stop() { if (p.exitCode === null) p.kill('SIGQUIT'); await exited; },
  };
}

// GET as a browser would (gzip accepted); resolves to status, headers, the
// bytes as transferred and the decoded body.
function fetchRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip', ...headers }, agent: false }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode, headers: res.headers, wire: raw.length, body });
      });
    });
    req.on('error', reject);
  });
}

// A page's weight: the HTML plus every stylesheet, script, image and icon it
// references (each fetched once, as a browser with an empty cache would).
async function weight(base, pagePath, cookie) {
  const page = await fetchRaw(base + pagePath, { cookie });
  const html = page.body.toString('utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = (m[0].match(/\bhref="([^"]+)"/) || [])[1];
    const rel = (m[0].match(/\brel="([^"]+)"/) || [, ''])[1];
    if (href && /stylesheet|icon|preload|modulepreload|manifest/.test(rel)) refs.add(href);
  }
  for (const m of html.matchAll(/<(?:script|img|source)\b[^>]*\bsrc="([^"]+)"/gi)) refs.add(m[1]);
  const assets = [];
  for (const r of refs) {
    if (/^(https?:)?\/\//.test(r) && !r.startsWith(base)) { assets.push({ url: r, wire: 0, external: true }); continue; }
    const u = new URL(r.replace(/&amp;/g, '&'), base + pagePath).toString();
    const a = await fetchRaw(u, { cookie });
    assets.push({ url: r, status: a.status, wire: a.wire, size: a.body.length });
  }
  const assetBytes = assets.reduce((s, a) => s + a.wire, 0);
  return {
    status: page.status, html, htmlWire: page.wire, htmlGzip: zlib.gzipSync(page.body).length, assets,
    total: page.wire + assetBytes, requests: 1 + assets.length,
  };
}

module.exports = { script, run, nginx, fetchRaw, weight };
