#!/usr/bin/env node
// gen.js — build a large, realistic Varde data set for make bench, crashtest
// and soak.
//
//   node bench/gen.js --db sqlite:PATH|postgresql://… [--scale 1] [--manifest FILE]
//
// At --scale 1: 400 organisations, 10,000 projects with case files filled in
// across all phases (tool_entries as src/project/entry.h describes, for the
// real tools of the built-in methodologies, read from methodology_versions
// after `varde migrate`), teams, revisions, step status, gate decisions,
// comments with mentions, activity, 200,000 research and insight items with
// the links between them, 50,000 benefits with indicators, targets and
// 1,000,000 measurements, and 20 networks with shared projects and quarterly
// status-report rounds. A part whose tables the schema does not have yet is
// skipped and reported (EXTENSIONS below). Text is Norwegian, made from word
// lists with a fixed seed, so every run builds the same data.
//
// How: `varde migrate` creates the schema; one site administrator is made
// with `varde user add` and its password set through the one-time link over
// HTTP, so its argon2id hash is the server's own; every generated user gets
// that hash (so the bench can log in as anyone with BENCH_PASSWORD). Rows go
// in bulk in one transaction: multi-row INSERTs piped into sqlite3, or COPY
// FROM STDIN piped into psql.
//
// The manifest (JSON) tells the bench tools whom to log in as and which
// project, tool and organisations to measure.
'use strict';
require('./lib/snapshot'); // before ./lib/server: a private copy of build/varde
const fs = require('node:fs');
const path = require('node:path');
const dbio = require('./lib/dbio');
const yaml = require('./lib/yaml');
const W = require('./lib/words');
const server = require('./lib/server');

const PASSWORD = process.env.BENCH_PASSWORD || 'benk og bord til alle brukere';
const BENCH_ADMIN = 'bench@varde.local';
const BENCH_USER = 'benk@varde.local';

function args() {
  const a = { scale: 1, manifest: null, db: null };
  const v = process.argv.slice(2);
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '--db') a.db = v[++i];
    else if (v[i] === '--scale') a.scale = Number(v[++i]);
    else if (v[i] === '--manifest') a.manifest = v[++i];
    else throw new Error('unknown argument ' + v[i]);
  }
  if (!a.db) throw new Error('usage: gen.js --db URL [--scale N] [--manifest FILE]');
  return a;
}

const log = (...m) => console.error('gen:', ...m);

// The methodologies as the server knows them: phases with their steps and
// tools (each tool belongs to the first phase that uses it), and tools with
// their fields, checklist and questions.
function loadMethodologies(db) {
  const out = [];
  for (const row of dbio.query(db, 'SELECT id, key, files FROM methodology_versions ORDER BY id')) {
    const files = JSON.parse(row.files);
    const phases = [], tools = {};
    for (const [name, text] of Object.entries(files)) {
      if (/(^|\/)phases\/[^/]+\.yaml$/.test(name)) phases.push(yaml.parse(text));
      else if (/(^|\/)tools\/[^/]+\.yaml$/.test(name)) { const t = yaml.parse(text); tools[t.key] = t; }
    }
    phases.sort((a, b) => a.order - b.order);
    const seen = new Set();
    const ph = phases.map(p => {
      const own = [];
      for (const s of p.steps || []) for (const t of s.tools || []) if (!seen.has(t) && tools[t]) { seen.add(t); own.push(t); }
      return { key: p.key, steps: (p.steps || []).map(s => s.key), exit: (p.exit_criteria || []).map(x => x.key), tools: own };
    });
    out.push({ id: Number(row.id), key: row.key, phases: ph, tools });
  }
  return out;
}

// A value for a field of the given type (see src/project/entry.h).
function fieldValue(g, f, area, team, links, now) {
  switch (f.type) {
    case 'text': return g.phrase(area);
    case 'longtext': return g.longtext(area);
    case 'number': return g.chance(0.7) ? g.int(1, 500) : Math.round(g.int(1, 100000) / 7) / 10;
    case 'money': return g.int(1, 400) * 5000;
    case 'percent': return g.int(0, 100);
    case 'date': return isoDate(now - g.int(-200, 900) * 86400);
    case 'choice': case 'scale': return (f.options && f.options.length) ? g.pick(f.options).key : null;
    case 'multichoice': {
      if (!f.options || !f.options.length) return null;
      const v = f.options.filter(() => g.chance(0.4)).map(o => o.key);
      return v.length ? v : [f.options[0].key];
    }
    case 'yesno': return g.chance(0.65) ? 'yes' : 'no';
    case 'member': return team.length ? String(g.pick(team)) : null;
    case 'table': {
      const rows = [];
      const n = g.int(1, 5);
      for (let i = 0; i < n; i++) {
        const r = {};
        for (const c of f.columns || []) {
          const v = fieldValue(g, c.type === 'longtext' ? { ...c, type: 'text' } : c, area, team, links, now);
          if (v !== null && g.chance(0.9)) r[c.key] = v;
        }
        rows.push(r);
      }
      return rows;
    }
    case 'link': {
      const pool = links[f.register] || [];
      if (!pool.length) return null;
      const n = f.multiple ? g.int(1, Math.min(4, pool.length)) : 1;
      const v = new Set();
      for (let i = 0; i < n; i++) v.add(String(g.pick(pool)));
      return [...v];
    }
    default: return null;
  }
}

function isoDate(t) { return new Date(t * 1000).toISOString().slice(0, 10); }

// Sorted-key JSON, as the server writes it (json_dumps with JSON_SORT_KEYS).
function sortedJson(v) {
  if (Array.isArray(v)) return '[' + v.map(sortedJson).join(',') + ']';
  if (v && typeof v === 'object') return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + sortedJson(v[k])).join(',') + '}';
  return JSON.stringify(v);
}

// An entry for a tool, filled to roughly `fill` (0–1).
function makeEntry(g, tool, fill, area, team, links, now) {
  const fields = {}, checklist = {}, answers = {};
  for (const f of tool.fields || []) {
    if (!(f.required ? g.chance(Math.min(1, fill + 0.2)) : g.chance(fill))) continue;
    const v = fieldValue(g, f, area, team, links, now);
    if (v !== null && v !== undefined) fields[f.key] = v;
  }
  for (const c of tool.checklist || []) if (g.chance(fill)) checklist[c.key] = true;
  for (const q of tool.questions || []) if (g.chance(fill * 0.7)) answers[q.key] = g.paragraph(area, 1, 3);
  return { answers, checklist, fields };
}

// The first part of an entry (an earlier revision of it).
function partial(e, frac) {
  const cut = o => Object.fromEntries(Object.entries(o).slice(0, Math.ceil(Object.keys(o).length * frac)));
  return { answers: cut(e.answers), checklist: cut(e.checklist), fields: cut(e.fields) };
}

function esc(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }

// ---- EXTENSION POINTS ------------------------------------------------------
// Parts that features being built right now will add. Each names the tables it
// needs; while one is missing, the part is skipped and the generator says so.
// When the migration lands, write gen(ctx) (ctx: loader L, the rng helpers g,
// projects [{id, org, team, ...}], users, now, scale) and adjust `tables` to
// the real names. (Benefits were one of these; they are now generated in the
// project loop above, from migration 6.)
const EXTENSIONS = [
  { name: 'networks', want: n => `${Math.max(1, Math.round(20 * n))} networks with status-report rounds`,
    tables: ['networks', 'network_orgs', 'network_people', 'network_themes', 'network_measures', 'project_shares',
      'project_measures', 'status_rounds', 'status_reports'], gen: genNetworks },
];

// Networks (migration 7): each owned by an organisation, with 8–25 member
// organisations, a leader and a coach, themes, joint measures, shared
// projects, and quarterly status rounds answered by every shared project.
// The JSON of status_rounds.questions ([{key, text}]) and
// status_reports.answers ({key: text}) is a guess made before the network
// pages existed: align it with src/ when they land.
async function genNetworks({ L, g, orgs, now, scale, manifest, benchUserId }) {
  L.declare('networks', ['id', 'name', 'description', 'owner_org_id', 'period_start', 'period_end', 'methodology_key', 'created_by', 'created_at']);
  L.declare('network_orgs', ['network_id', 'org_id', 'role']);
  L.declare('network_people', ['network_id', 'user_id', 'role']);
  L.declare('network_themes', ['id', 'network_id', 'name', 'description']);
  L.declare('network_measures', ['id', 'network_id', 'kind', 'name', 'description']);
  L.declare('project_shares', ['project_id', 'network_id', 'theme_id', 'challenge', 'shared_by', 'shared_at']);
  L.declare('project_measures', ['project_id', 'measure_id', 'progress', 'note', 'updated_by', 'updated_at']);
  L.declare('status_rounds', ['id', 'network_id', 'title', 'due_date', 'questions', 'opened_by', 'opened_at', 'closed_at', 'summary', 'summary_by', 'summary_at']);
  L.declare('status_reports', ['id', 'round_id', 'project_id', 'version', 'answers', 'rag', 'state', 'created_by', 'created_at', 'submitted_by', 'submitted_at']);
  const N = Math.max(1, Math.round(20 * scale));
  const ids = { theme: 1, measure: 1, round: 1, report: 1 };
  const counts = { networks: 0, shares: 0, rounds: 0, reports: 0 };
  const topics = ['Velferdsteknologi', 'Heltidskultur', 'Barn og unge', 'Klimatilpasning', 'Digital innbyggerdialog', 'Rus og psykisk helse',
    'Leve hele livet', 'Inkludering i arbeidslivet', 'Smart drift av bygg', 'Samskaping med frivilligheten'];
  const questions = [{ key: 'progress', text: 'Hva har dere fått til siden sist?' }, { key: 'obstacles', text: 'Hva hindrer dere nå?' },
    { key: 'help', text: 'Hva trenger dere fra nettverket?' }, { key: 'next', text: 'Hva er neste steg?' }];
  for (let n = 1; n <= N; n++) {
    const owner = orgs[(n * 17) % orgs.length];
    const start = now - g.int(200, 900) * 86400;
    const creator = owner.users[0].id;
    L.add('networks', [n, `${topics[(n - 1) % topics.length]}${n > topics.length ? ' ' + Math.ceil(n / topics.length) : ''} – innovasjonsnettverk`,
      g.paragraph('other', 2, 4), owner.id, isoDate(start), isoDate(start + 3 * 365 * 86400), 'veikart', creator, start]);
    counts.networks++;
    const members = new Set([owner.id]);
    if (n === 1) members.add(1); // the bench user's organisation takes part in the first network
    const nm = Math.min(orgs.length, g.int(8, 25));
    while (members.size < nm) members.add(g.pick(orgs).id);
    for (const oid of members) L.add('network_orgs', [n, oid, oid === owner.id ? 'partner' : g.chance(0.7) ? 'pilot' : 'experience']);
    L.add('network_people', [n, creator, 'leader']);
    if (owner.users[1]) L.add('network_people', [n, owner.users[1].id, 'coach']);
    if (n === 1 && benchUserId !== owner.users[0].id && benchUserId !== (owner.users[1] || {}).id) L.add('network_people', [n, benchUserId, 'coach']);
    const themes = [];
    for (let k = g.int(3, 5); k > 0; k--) { themes.push(ids.theme); L.add('network_themes', [ids.theme++, n, g.phrase('health'), g.paragraph('health', 1, 2)]); }
    const measures = [];
    for (let k = g.int(3, 6); k > 0; k--) { measures.push(ids.measure); L.add('network_measures', [ids.measure++, n, g.chance(0.6) ? 'joint' : 'toolbox', g.phrase('other'), g.paragraph('other', 1, 2)]); }
    const shared = [];
    for (const oid of members) {
      const o = orgs[oid - 1];
      for (const pr of (o.projects || []).slice(0, g.int(1, 3))) {
        shared.push(pr);
        L.add('project_shares', [pr.id, n, g.pick(themes), g.sentence('health'), pr.leader, start + g.int(1, 100) * 86400]);
        for (const m of measures) if (g.chance(0.6)) L.add('project_measures', [pr.id, m, g.int(0, 10) * 10, g.sentence('health'), pr.leader, now - g.int(1, 90) * 86400]);
        counts.shares++;
      }
    }
    const nrounds = Math.min(12, Math.max(1, Math.floor((now - start) / (91 * 86400))));
    for (let r = 0; r < nrounds; r++) {
      const rid = ids.round++;
      const opened = start + r * 91 * 86400, closed = r < nrounds - 1 ? opened + 30 * 86400 : null;
      L.add('status_rounds', [rid, n, `Statusrapport ${r + 1}`, isoDate(opened + 21 * 86400), JSON.stringify(questions), creator, opened,
        closed, closed ? g.paragraph('other', 2, 4) : null, closed ? creator : null, closed]);
      counts.rounds++;
      for (const pr of shared) {
        if (!closed && g.chance(0.4)) continue; // the open round: not everyone has reported yet
        const answers = {};
        for (const q of questions) answers[q.key] = g.paragraph('health', 1, 3);
        const submitted = !closed && g.chance(0.3) ? null : opened + g.int(1, 25) * 86400;
        L.add('status_reports', [ids.report++, rid, pr.id, 1, sortedJson(answers), g.pick(['green', 'green', 'amber', 'red']),
          submitted ? 'submitted' : 'draft', pr.leader, opened + 86400, submitted ? pr.leader : null, submitted]);
        counts.reports++;
      }
    }
    if (!manifest.network) manifest.network = n;
  }
  return `${counts.networks} networks, ${counts.shares} shared projects, ${counts.rounds} status rounds, ${counts.reports} status reports`;
}

async function benchAdminHash(db) {
  const port = await server.freePort();
  const made = server.cli(db.url, ['--base-url', `http://127.0.0.1:${port}`, 'user', 'add', BENCH_ADMIN, 'Benk Administrator', '--admin']);
  if (made.status !== 0) throw new Error('varde user add: ' + made.stderr);
  const v = await server.start(db.url, { port });
  try {
    await server.setPassword(v.base, server.linkFrom(made.stdout), PASSWORD);
  } finally {
    await v.stop();
  }
  const hash = dbio.scalar(db, `SELECT password_hash FROM users WHERE email = '${BENCH_ADMIN}'`);
  if (!hash || !hash.startsWith('$argon2id$')) throw new Error('no password hash for the bench administrator');
  return hash;
}

async function main() {
  const a = args();
  const db = dbio.parseDb(a.db);
  const S = a.scale;
  const t0 = Date.now();
  if (db.kind === 'sqlite') for (const suf of ['', '-wal', '-shm', '-journal']) fs.rmSync(db.file + suf, { force: true });
  else if (dbio.scalar(db, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()") > 0)
    throw new Error('the PostgreSQL database is not empty: give gen.js a fresh database');
  const mig = server.cli(db.url, ['migrate']);
  if (mig.status !== 0) throw new Error('varde migrate: ' + mig.stderr);
  const hash = await benchAdminHash(db);
  const methods = loadMethodologies(db);
  const byKey = Object.fromEntries(methods.map(m => [m.key, m]));
  const have = dbio.tables(db);
  log(`schema ready, ${methods.length} methodologies (${methods.map(m => m.key).join(', ')}), ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const g = W.make(W.rng(20260101));
  const now = Math.floor(Date.UTC(2026, 0, 15) / 1000);
  const firstUser = Number(dbio.scalar(db, 'SELECT MAX(id) FROM users')) + 1; // before the loader locks the file
  const L = new dbio.Loader(db);
  await L.begin();
  L.declare('users', ['id', 'email', 'name', 'password_hash', 'site_admin', 'lang', 'disabled', 'created_at', 'password_changed_at']);
  L.declare('orgs', ['id', 'name', 'kind', 'orgnr', 'kommunenr', 'created_at']);
  L.declare('memberships', ['user_id', 'org_id', 'role', 'created_at']);
  L.declare('org_methodologies', ['org_id', 'methodology_key']);
  L.declare('projects', ['id', 'org_id', 'title', 'challenge', 'goals', 'service_area', 'methodology_version_id', 'start_date',
    'planned_end', 'visibility', 'current_phase', 'status', 'rag', 'rag_comment', 'created_by', 'created_at', 'updated_at', 'deleted_at']);
  L.declare('project_members', ['project_id', 'user_id', 'role', 'guest', 'created_at']);
  const regs = have.has('register_items') && have.has('register_links') && have.has('register_revisions');
  if (regs) {
    L.declare('register_items', ['id', 'project_id', 'reg', 'title', 'data', 'revision', 'pii', 'retention_date', 'created_by',
      'created_at', 'updated_by', 'updated_at', 'deleted_at', 'tombstone']);
    L.declare('register_revisions', ['id', 'item_id', 'revision', 'title', 'data', 'changed', 'user_id', 'at']);
    L.declare('register_links', ['project_id', 'src_id', 'dst_id']);
  }
  const bens = ['benefits', 'indicators', 'indicator_targets', 'measurements'].every(t => have.has(t));
  if (bens) {
    L.declare('benefits', ['item_id', 'project_id', 'owner_id']);
    L.declare('indicators', ['id', 'benefit_id', 'name', 'unit', 'direction', 'source', 'method', 'frequency', 'baseline_value',
      'baseline_date', 'baseline_how', 'target_value', 'target_date', 'created_at', 'updated_at', 'deleted_at']);
    L.declare('indicator_targets', ['indicator_id', 'day', 'value']);
    L.declare('measurements', ['id', 'indicator_id', 'day', 'value', 'unit', 'comment', 'user_id', 'created_at']);
  }
  L.declare('tool_entries', ['project_id', 'tool_key', 'data', 'revision', 'not_relevant', 'not_relevant_reason', 'updated_by', 'updated_at']);
  L.declare('tool_revisions', ['id', 'project_id', 'tool_key', 'revision', 'data', 'not_relevant', 'not_relevant_reason', 'changed', 'user_id', 'at']);
  L.declare('step_status', ['project_id', 'step_key', 'status', 'updated_by', 'updated_at']);
  L.declare('gate_decisions', ['id', 'project_id', 'phase_key', 'decision', 'to_phase', 'criteria', 'reason', 'decided_by', 'decided_at']);
  L.declare('comments', ['id', 'project_id', 'tool_key', 'user_id', 'body', 'body_html', 'at']);
  L.declare('mentions', ['comment_id', 'user_id', 'seen_at']);
  L.declare('activity', ['id', 'project_id', 'user_id', 'action', 'object', 'at']);

  // ---- organisations and users
  const NORG = Math.max(2, Math.round(400 * S));
  const NPROJ = Math.max(NORG, Math.round(10000 * S));
  const NITEMS = Math.round(200000 * S);
  const names = W.orgNames(NORG);
  const weights = names.map((_, i) => 1 / Math.pow(i + 6, 0.85));
  const wsum = weights.reduce((x, y) => x + y, 0);
  const projCount = weights.map(w => Math.max(1, Math.floor(NPROJ * w / wsum)));
  for (let i = 0, rest = NPROJ - projCount.reduce((x, y) => x + y, 0); rest > 0; i = (i + 1) % NORG, rest--) projCount[i]++;
  const counties = ['03', '11', '15', '18', '31', '32', '33', '34', '39', '40', '42', '46', '50', '55', '56'];
  const orgs = [];
  let uid = firstUser;
  const emails = new Set([BENCH_ADMIN, BENCH_USER]);
  const benchUserId = uid++;
  L.add('users', [benchUserId, BENCH_USER, 'Benedikte Benk', hash, 0, null, 0, now - 400 * 86400, now - 400 * 86400]);
  const methodKeys = methods.map(m => m.key);
  for (let i = 0; i < NORG; i++) {
    const id = i + 1;
    const frac = i / NORG;
    const kind = frac < 0.85 ? 'municipality' : frac < 0.9 ? 'county' : frac < 0.95 ? 'cooperation' : frac < 0.98 ? 'agency' : 'other';
    const nm = names[i];
    const full = kind === 'municipality' ? `${nm} kommune` : kind === 'county' ? `${nm} fylkeskommune`
      : kind === 'cooperation' ? `${nm}regionen interkommunale samarbeid` : kind === 'agency' ? `Statens senter for ${nm.toLowerCase()}` : `${nm} innovasjonsnettverk`;
    const knr = kind === 'municipality' ? g.pick(counties) + String(g.int(1, 99)).padStart(2, '0') : null;
    L.add('orgs', [id, full, kind, g.chance(0.9) ? W.orgnr(id) : null, knr, now - g.int(300, 900) * 86400]);
    const chosen = methodKeys.filter(k => k === 'veikart' || g.chance(0.3));
    for (const k of chosen) L.add('org_methodologies', [id, k]);
    const domain = W.ascii(nm) + (kind === 'municipality' ? '.kommune.no' : '.no');
    const nusers = Math.min(400, Math.max(6, Math.ceil(projCount[i] * 1.3) + 4));
    const users = [];
    for (let k = 0; k < nusers; k++) {
      const first = g.pick(W.FIRST), last = g.pick(W.LAST);
      let email = `${W.ascii(first)}.${W.ascii(last)}@${domain}`;
      for (let n = 2; emails.has(email); n++) email = `${W.ascii(first)}.${W.ascii(last)}${n}@${domain}`;
      emails.add(email);
      const id2 = uid++;
      const created = now - g.int(30, 800) * 86400;
      L.add('users', [id2, email, `${first} ${last}`, hash, 0, g.chance(0.05) ? 'en' : null, g.chance(0.01) ? 1 : 0, created, created]);
      L.add('memberships', [id2, id, k < 2 ? 'admin' : 'member', created]);
      users.push({ id: id2, name: `${first} ${last}`, email });
    }
    orgs.push({ id, name: full, users, methods: chosen, nproj: projCount[i] });
  }
  L.add('memberships', [benchUserId, 1, 'admin', now - 400 * 86400]);
  orgs[0].users.push({ id: benchUserId, name: 'Benedikte Benk', email: BENCH_USER });
  await L.flush();

  // ---- projects with their case files
  const areas = W.AREAS;
  const ids = { project: 1, rev: 1, gate: 1, comment: 1, activity: 1, item: 1, itemrev: 1, indicator: 1, meas: 1 };
  const manifest = { password: PASSWORD, admin: BENCH_ADMIN, user: BENCH_USER, scale: S, orgLargest: 1, writers: [] };
  const itemsPerProject = NITEMS / NPROJ;
  const NBEN = Math.round(50000 * S), NMEAS = Math.round(1000000 * S);
  const benPerProject = NBEN / NPROJ / 0.75; // projects past their first phase have them
  let nBen = 0, nMeas = 0, nItems = 0;
  let projects = 0;
  for (const org of orgs) {
    for (let k = 0; k < org.nproj; k++) {
      const pid = ids.project++;
      const bench = pid === 1;
      const m = bench ? byKey.veikart || methods[0] : byKey[g.pick(org.methods)] || methods[0];
      const area = bench ? 'health' : g.pick(areas);
      const nph = m.phases.length;
      const r = g.int(0, 99);
      const st = bench || r < 78 ? 'active' : r < 83 ? 'paused' : r < 86 ? 'stopped' : r < 95 ? 'closed' : 'archived';
      const phase = bench ? Math.min(3, nph - 1) : (st === 'closed' || st === 'archived') ? nph - 1 : Math.min(nph - 1, Math.floor(Math.pow(g.int(0, 999) / 1000, 1.3) * nph));
      const created = now - g.int(20, 1400) * 86400;
      const updated = Math.min(now - 3600, created + g.int(1, Math.max(2, (now - created) / 86400)) * 86400);
      // team
      const pool = org.users;
      const size = Math.min(pool.length, g.int(3, 9));
      const team = [];
      const picked = new Set();
      if (bench) { team.push({ u: org.users[org.users.length - 1], role: 'leader' }); picked.add(benchUserId); }
      while (team.length < size) {
        const u = g.pick(pool);
        if (picked.has(u.id)) continue;
        picked.add(u.id);
        const roles = ['owner', 'leader', 'driver'];
        team.push({ u, role: team.length < 3 && !bench ? roles[team.length] : team.length === 0 ? 'owner' : g.chance(0.15) ? 'observer' : g.chance(0.2) ? 'driver' : 'member' });
      }
      if (bench && !team.some(t => t.role === 'owner')) team[1].role = 'owner';
      if (!bench && pid % 10 === 3 && orgs.length > 1) {
        const other = orgs[(org.id + 7) % orgs.length];
        const u = g.pick(other.users);
        if (!picked.has(u.id)) { picked.add(u.id); team.push({ u, role: 'member', guest: 1 }); }
      }
      // Benk follows some other projects of the largest organisation too.
      if (!bench && org.id === 1 && k % 4 === 0 && !picked.has(benchUserId)) { picked.add(benchUserId); team.push({ u: org.users[org.users.length - 1], role: 'member' }); }
      const leader = (team.find(t => t.role === 'leader') || team[0]).u.id;
      const teamIds = team.map(t => t.u.id);
      const start = isoDate(created + g.int(0, 20) * 86400);
      L.add('projects', [pid, org.id, bench ? 'Trygg hjemkomst etter sykehusopphold' : g.title(area), g.paragraph(area, 2, 5), g.paragraph(area, 1, 3), area, m.id,
        start, g.chance(0.8) ? isoDate(created + g.int(120, 900) * 86400) : null, g.chance(0.88) || bench ? 'org' : 'team',
        m.phases[phase].key, st, g.chance(0.6) ? 'green' : g.chance(0.75) ? 'amber' : 'red', g.chance(0.3) ? g.sentence(area) : null,
        leader, created, updated, !bench && g.chance(0.003) ? now - g.int(1, 20) * 86400 : null]);
      for (const t of team) L.add('project_members', [pid, t.u.id, t.role, t.guest || 0, created + g.int(0, 30) * 86400]);
      if (st === 'active') (org.projects = org.projects || []).push({ id: pid, leader });
      const acts = [[created, leader, 'project-created', null]];
      for (const t of team) acts.push([created + g.int(0, 30) * 86400, leader, 'member-added', t.u.name]);
      // registers: research that led to insights
      const links = {};
      if (regs) {
        const progress = (phase + 1) / nph;
        // more items the further the project has come; 0.85 calibrates the
        // mean to itemsPerProject, the cap keeps the total at NITEMS
        const want = bench ? 40 : Math.round(itemsPerProject * 0.85 * 2 * progress * (0.5 + g.int(0, 100) / 100));
        const nitems = Math.max(0, Math.min(want, NITEMS - nItems));
        nItems += nitems;
        const research = [], insight = [];
        for (let i = 0; i < nitems; i++) {
          const iid = ids.item++;
          const isRes = g.chance(0.55) || (i === 0);
          const reg = isRes ? 'research' : 'insight';
          const pii = isRes && g.chance(0.06) ? 'health' : '';
          const by = g.pick(teamIds), at = created + g.int(5, Math.max(6, (updated - created) / 86400)) * 86400;
          // fields as src/register/register.c defines the two registers
          const title = isRes ? `${g.pick(['Intervju', 'Observasjon', 'Undersøkelse', 'Statistikk', 'Verksted'])}: ${g.phrase(area).toLowerCase()}` : g.phrase(area);
          const fields = isRes
            ? { title, method: g.pick(['interview', 'observation', 'diary', 'workshop', 'survey', 'statistics']), date: isoDate(at),
                participants: g.sentence(area), consent: 'yes', consent_how: 'Muntlig, notert i intervjuguiden', consent_when: isoDate(at), notes: g.longtext(area) }
            : { headline: title, background: g.paragraph(area, 1, 4), finding: g.sentence(area) + ' ' + g.paragraph(area, 0, 2), matters: g.paragraph(area, 1, 2) };
          if (!isRes && research.length) {
            const src = new Set();
            for (let n = g.int(1, Math.min(3, research.length)); src.size < n;) src.add(g.pick(research));
            fields.research = [...src].map(String);
            for (const sid of src) L.add('register_links', [pid, sid, iid]);
          }
          if (pii) fields.retention = isoDate(at + 365 * 86400);
          const data = sortedJson({ fields });
          const rev = g.int(1, 3);
          L.add('register_items', [iid, pid, reg, title, data, rev, pii, pii ? isoDate(at + 365 * 86400) : null, by, at, by, at + (rev - 1) * 86400, null, 0]);
          for (let rv = 1; rv <= rev; rv++) {
            const d = rv === rev ? data : sortedJson({ fields: { ...fields, [isRes ? 'notes' : 'finding']: (isRes ? fields.notes : fields.finding).split('. ')[0] } });
            L.add('register_revisions', [ids.itemrev++, iid, rv, title, d, rv === 1 ? '["created"]' : '["f:finding"]', by, at + (rv - 1) * 86400]);
          }
          (isRes ? research : insight).push(iid);
        }
        links.research = research;
        links.insight = insight;
      }
      const projIndicators = [];
      // benefits (register items with an owner), their indicators, targets
      // and measurements: src/db/migrate.c migration 6
      if (bens && regs && phase >= 1) {
        const want = bench ? 6 : Math.round(benPerProject * 2 * (phase / (nph - 1)) * (0.5 + g.int(0, 100) / 100));
        const nb = Math.max(0, Math.min(want, NBEN - nBen));
        for (let i = 0; i < nb; i++) {
          const iid = ids.item++;
          nBen++;
          const by = g.pick(teamIds), at = created + g.int(30, Math.max(31, (updated - created) / 86400)) * 86400;
          const name = `${g.pick(['Færre', 'Kortere', 'Mindre', 'Bedre', 'Raskere', 'Økt'])} ${g.pick(['reisetid', 'ventetid', 'sykefravær', 'dobbeltregistrering', 'brukertilfredshet', 'kvalitet i vedtakene', 'kostnader til vikarer', 'henvendelser til servicetorget'])}`;
          const fields = { name, description: g.paragraph(area, 1, 3), type: g.pick(['avoided-costs', 'saved-time', 'quality', 'budget', 'freed-resources', 'other-actors', 'unpriced']),
            beneficiary: ['users', 'staff', 'municipality'].filter(() => g.chance(0.5)), goal: g.phrase(area), measures: g.paragraph(area, 1, 2),
            status: g.pick(['identified', 'planned', 'in-realisation', 'realised']) };
          if (!fields.beneficiary.length) fields.beneficiary = ['users'];
          const data = sortedJson({ fields });
          L.add('register_items', [iid, pid, 'benefit', name, data, 1, '', null, by, at, by, at, null, 0]);
          L.add('register_revisions', [ids.itemrev++, iid, 1, name, data, '["created"]', by, at]);
          L.add('benefits', [iid, pid, g.pick(teamIds)]);
          const nind = g.chance(0.25) ? 2 : 1;
          for (let k = 0; k < nind; k++) {
            const ind = ids.indicator++;
            const unit = g.pick(['timer per uke', 'dager', 'prosent', 'antall', 'kroner', 'minutter']);
            const dir = /tilfredshet|kvalitet/.test(name) ? 'higher' : 'lower';
            const base = g.int(20, 500);
            const target = dir === 'higher' ? Math.round(base * 1.3) : Math.round(base * 0.7);
            const freq = g.chance(0.8) ? 'monthly' : 'weekly';
            const start = at + g.int(0, 60) * 86400;
            L.add('indicators', [ind, iid, `${name} (${unit})`, unit, dir, g.pick(['Fagsystemet', 'Spørreundersøkelse', 'Økonomisystemet', 'Manuell telling']),
              g.sentence(area), freq, base, isoDate(start), g.sentence(area), target, isoDate(start + 730 * 86400), at, at, null]);
            L.add('indicator_targets', [ind, isoDate(start + 365 * 86400), Math.round((base + target) / 2)]);
            L.add('indicator_targets', [ind, isoDate(start + 730 * 86400), target]);
            // 6–28 measurements (1,000,000 over 50,000 benefits at scale 1), one per period
            const nm = Math.max(0, Math.min(g.int(6, 28), NMEAS - nMeas));
            let v = base;
            for (let m = 0; m < nm; m++) {
              const sd = new Date(start * 1000);
              const day = freq === 'monthly' ? new Date(Date.UTC(sd.getUTCFullYear(), sd.getUTCMonth() + m, 1)).toISOString().slice(0, 10)
                : isoDate(start + m * 7 * 86400);
              v = Math.max(0, v + (target - base) / 24 + g.int(-10, 10) * base / 200);
              L.add('measurements', [ids.meas++, ind, day, Math.round(v * 10) / 10, unit, g.chance(0.2) ? g.sentence(area) : '', by, start + m * 86400]);
              nMeas++;
            }
            if (bench && !manifest.benefit) { manifest.benefit = iid; manifest.indicator = ind; }
            projIndicators.push({ benefit: iid, indicator: ind });
          }
        }
      }
      // tool entries, revisions, steps and gates along the phases passed
      const filledTools = [];
      for (let pi = 0; pi <= phase; pi++) {
        const P = m.phases[pi];
        const cur = pi === phase && st !== 'closed' && st !== 'archived';
        for (const tk of P.tools) {
          const tool = m.tools[tk];
          if (cur ? !g.chance(0.55) : !g.chance(0.9)) continue;
          const nr = !cur && g.chance(0.05);
          const entry = nr ? { answers: {}, checklist: {}, fields: {} } : makeEntry(g, tool, cur ? 0.3 + g.int(0, 50) / 100 : 0.75 + g.int(0, 25) / 100, area, teamIds.map(String), links, now);
          const data = sortedJson(entry);
          const rev = g.int(1, 3);
          const by = g.pick(teamIds);
          const at = Math.min(updated, created + g.int(1, Math.max(2, (updated - created) / 86400)) * 86400);
          const reason = nr ? g.sentence(area) : null;
          L.add('tool_entries', [pid, tk, data, rev, nr ? 1 : 0, reason, by, at]);
          const changed = JSON.stringify(Object.keys(entry.fields).slice(0, 4).map(x => 'f:' + x));
          for (let rv = 1; rv <= rev; rv++) {
            // earlier revisions held part of what is there now
            const d = rv === rev ? data : sortedJson(partial(entry, rv / rev));
            L.add('tool_revisions', [ids.rev++, pid, tk, rv, d, nr ? 1 : 0, reason, changed, by, at - (rev - rv) * 3600]);
            if (rv > rev - 2) acts.push([at - (rev - rv) * 3600, by, 'tool-saved', tk]);
          }
          filledTools.push(tk);
        }
        const cur2 = pi === phase;
        P.steps.forEach((sk, si) => {
          let status = null;
          if (!cur2 || st === 'closed' || st === 'archived') status = g.chance(0.05) ? 'skipped' : 'done';
          else if (si < P.steps.length / 2) status = 'done';
          else if (si < P.steps.length / 2 + 1) status = 'in-progress';
          if (status) L.add('step_status', [pid, sk, status, g.pick(teamIds), created + g.int(1, 300) * 86400]);
        });
        if (pi < phase || (cur2 && (st === 'paused' || st === 'stopped'))) {
          const crit = {};
          for (const x of P.exit) crit[x] = g.chance(0.9);
          const dec = pi < phase ? 'continue' : st === 'paused' ? 'pause' : 'stop';
          const at = created + Math.round((updated - created) * (pi + 1) / (phase + 2));
          L.add('gate_decisions', [ids.gate++, pid, P.key, dec, dec === 'continue' ? m.phases[pi + 1].key : null, sortedJson(crit), g.paragraph(area, 1, 3), leader, at]);
          acts.push([at, leader, 'gate-decision', P.key]);
        }
      }
      // comments and mentions
      const ncom = bench ? 12 : g.int(0, 12);
      for (let i = 0; i < ncom; i++) {
        const cid = ids.comment++;
        const by = g.pick(team);
        const tool = filledTools.length && g.chance(0.6) ? g.pick(filledTools) : null;
        let body = g.paragraph(area, 1, 3);
        let mention = null;
        if (g.chance(0.25)) { mention = g.pick(team); if (mention.u.id !== by.u.id) body = `@${mention.u.name} ${body}`; else mention = null; }
        const at = created + g.int(1, Math.max(2, (updated - created) / 86400)) * 86400;
        L.add('comments', [cid, pid, tool, by.u.id, body, `<p>${esc(body)}</p>\n`, at]);
        if (mention) L.add('mentions', [cid, mention.u.id, g.chance(0.7) ? at + 86400 : null]);
        acts.push([at, by.u.id, 'commented-on', tool]);
      }
      if (g.chance(0.4)) acts.push([updated, leader, 'status-set', g.pick(['green', 'amber', 'red'])]);
      acts.sort((x, y) => x[0] - y[0]);
      for (const [at, u, action, obj] of acts) L.add('activity', [ids.activity++, pid, u, action, obj, at]);

      if (org.id === 1 && manifest.writers.length < 16 && st === 'active' && !team.some(t => t.guest)) {
        const tools = [];
        for (const tk of Object.keys(m.tools)) {
          const f = (m.tools[tk].fields || []).find(x => x.type === 'text' || x.type === 'longtext');
          if (f) tools.push({ key: tk, field: f.key });
        }
        manifest.writers.push({ project: pid, members: team.filter(t => t.role !== 'observer' && !t.guest).map(t => t.u.email),
          tools: tools.slice(0, 12), indicators: projIndicators });
      }
      if (bench) {
        manifest.project = pid;
        manifest.tool = m.phases[Math.min(1, nph - 1)].tools.find(t => filledTools.includes(t)) || filledTools[0];
        const tl = m.tools[manifest.tool];
        manifest.toolField = (tl.fields.find(f => f.type === 'longtext' || f.type === 'text') || {}).key;
        manifest.saveTool = m.phases[phase].tools.find(t => (m.tools[t].fields || []).some(f => f.type === 'text')) || manifest.tool;
        manifest.saveField = (m.tools[manifest.saveTool].fields.find(f => f.type === 'text') || {}).key;
      }
      if (++projects % 250 === 0) await L.flush();
      if (projects % 2000 === 0) log(`${projects} projects, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  // The median organisation by number of projects.
  const sorted = [...orgs].sort((x, y) => x.nproj - y.nproj);
  manifest.orgMedian = sorted[Math.floor(sorted.length / 2)].id;
  if (manifest.orgMedian !== 1) L.add('memberships', [benchUserId, manifest.orgMedian, 'member', now - 300 * 86400]);
  manifest.orgLargestProjects = orgs[0].nproj;
  manifest.orgMedianProjects = sorted[Math.floor(sorted.length / 2)].nproj;

  // ---- extension points
  manifest.skipped = [];
  for (const ext of EXTENSIONS) {
    const missing = ext.tables.filter(t => !have.has(t));
    if (missing.length) {
      const msg = `${ext.name}: skipped (${ext.want(S)}): table ${missing.join(', ')} missing`;
      log(msg);
      manifest.skipped.push(msg);
    } else if (!ext.gen) {
      const msg = `${ext.name}: skipped (${ext.want(S)}): tables exist but bench/gen.js has no generator for them yet (EXTENSIONS)`;
      log(msg);
      manifest.skipped.push(msg);
    } else {
      const msg = await ext.gen({ L, g, orgs, now, scale: S, ids, manifest, benchUserId });
      log(`${ext.name}: ${msg}`);
    }
  }

  await L.close([...L.tables].filter(([, t]) => t.cols[0] === 'id').map(([name]) => name));
  // Store each entry's progress as the server does at save (the loader
  // writes rows directly): what an operator's upgrade does, too.
  const scored = server.cli(db.url, ['migrate']);
  if (scored.status !== 0) throw new Error('varde migrate: ' + scored.stderr);
  log(scored.stdout.trim());
  if (!regs) manifest.skipped.push('registers: skipped: table register_items/register_links/register_revisions missing');
  if (!bens) manifest.skipped.push('benefits: skipped: tables benefits/indicators/indicator_targets/measurements missing');
  manifest.counts = L.counts;
  manifest.seconds = Math.round((Date.now() - t0) / 100) / 10;
  if (db.kind === 'sqlite') manifest.bytes = fs.statSync(db.file).size;
  else manifest.bytes = Number(dbio.scalar(db, 'SELECT pg_database_size(current_database())'));
  log(`done in ${manifest.seconds} s: ${Object.entries(L.counts).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
      `${(manifest.bytes / 2 ** 20).toFixed(0)} MiB`);
  if (a.manifest) fs.writeFileSync(a.manifest, JSON.stringify(manifest, null, 1) + '\n');
  else process.stdout.write(JSON.stringify(manifest, null, 1) + '\n');
}

main().catch(e => { console.error('gen: ' + (e.stack || e)); process.exit(1); });
