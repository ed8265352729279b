// dbio.js — talk to the bench database from outside the server: run a query
// and get rows back (the sqlite3 and psql command-line clients), list the
// tables, and bulk-load rows (multi-row INSERTs piped into sqlite3; COPY FROM
// STDIN piped into psql).
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const { once } = require('node:events');

// A database from a Varde URL: sqlite:PATH or postgresql://…
function parseDb(url) {
  if (url.startsWith('sqlite:')) return { url, kind: 'sqlite', file: url.slice(7) };
  if (/^postgres(ql)?:\/\//.test(url)) return { url, kind: 'pg' };
  throw new Error('unknown database URL: ' + url);
}

// Rows of a query as objects.
function query(db, sql) {
  if (db.kind === 'sqlite') {
    const out = execFileSync('sqlite3', ['-json', db.file, sql], { encoding: 'utf8', maxBuffer: 1 << 30 });
    return out.trim() ? JSON.parse(out) : [];
  }
  const out = execFileSync('psql', [db.url, '-qAt', '-v', 'ON_ERROR_STOP=1', '-c',
    `SELECT COALESCE(json_agg(t), '[]') FROM (${sql}) t`], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return JSON.parse(out.trim() || '[]');
}

// One value (first column of the first row), or null.
function scalar(db, sql) {
  const r = query(db, sql);
  if (!r.length) return null;
  return Object.values(r[0])[0];
}

// Run SQL for its effect.
function exec(db, sql) {
  if (db.kind === 'sqlite') return execFileSync('sqlite3', ['-bail', db.file], { input: sql, encoding: 'utf8' });
  return execFileSync('psql', [db.url, '-qAt', '-v', 'ON_ERROR_STOP=1'], { input: sql, encoding: 'utf8' });
}

function tables(db) {
  const rows = db.kind === 'sqlite'
    ? query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
    : query(db, "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()");
  return new Set(rows.map(r => r.name));
}

function sqlLit(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  return "'" + String(v).replace(/'/g, "''") + "'";
}

function copyLit(v) {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

// A bulk loader: rows are queued per table with add(), and flush() writes
// them, table by table in the order they were first declared (so foreign keys
// point backwards), into one long transaction. close() commits.
class Loader {
  constructor(db) {
    this.db = db;
    this.tables = new Map();
    this.bytes = 0;
    this.counts = {};
    if (db.kind === 'sqlite') {
      this.proc = spawn('sqlite3', ['-bail', db.file], { stdio: ['pipe', 'ignore', 'pipe'] });
    } else {
      this.proc = spawn('psql', [db.url, '-qAt', '-v', 'ON_ERROR_STOP=1'], { stdio: ['pipe', 'ignore', 'pipe'] });
    }
    this.stderr = '';
    this.proc.stderr.on('data', d => { this.stderr += d; });
    this.done = new Promise(resolve => this.proc.on('exit', code => resolve(code)));
    this.proc.stdin.on('error', () => { /* reported through the exit code */ });
  }
  async write(s) {
    this.bytes += s.length;
    try {
      if (!this.proc.stdin.write(s)) await Promise.race([once(this.proc.stdin, 'drain'), this.done]);
    } catch (e) { await this.done; }
    if (this.proc.exitCode !== null) { await this.done; throw new Error('bulk load failed: ' + this.stderr.slice(0, 2000)); }
  }
  async begin() {
    if (this.db.kind === 'sqlite') {
      // Loading is not the app's workload: no journal and no fsync while the
      // data goes in; the file is switched back to WAL at the end.
      await this.write('PRAGMA journal_mode=DELETE;\nPRAGMA synchronous=OFF;\nPRAGMA cache_size=-262144;\n' +
        'PRAGMA foreign_keys=OFF;\nBEGIN;\n');
    } else {
      // replica mode skips the foreign-key triggers during COPY (the generator
      // writes parents before children anyway); needs a superuser, as the
      // throwaway cluster of scripts/pg-test.sh has.
      await this.write("BEGIN;\nSET LOCAL session_replication_role = replica;\nSET LOCAL synchronous_commit = off;\n");
    }
  }
  declare(name, cols) {
    if (!this.tables.has(name)) this.tables.set(name, { cols, rows: [] });
  }
  add(name, row) {
    const t = this.tables.get(name);
    if (!t) throw new Error('undeclared table ' + name);
    t.rows.push(row);
  }
  pending() {
    let n = 0;
    for (const t of this.tables.values()) n += t.rows.length;
    return n;
  }
  async flush() {
    for (const [name, t] of this.tables) {
      if (!t.rows.length) continue;
      this.counts[name] = (this.counts[name] || 0) + t.rows.length;
      if (this.db.kind === 'sqlite') {
        const head = `INSERT INTO ${name} (${t.cols.join(', ')}) VALUES\n`;
        for (let i = 0; i < t.rows.length; i += 200) {
          const part = t.rows.slice(i, i + 200).map(r => '(' + r.map(sqlLit).join(',') + ')');
          await this.write(head + part.join(',\n') + ';\n');
        }
      } else {
        let s = `COPY ${name} (${t.cols.join(', ')}) FROM STDIN;\n`;
        for (const r of t.rows) {
          s += r.map(copyLit).join('\t') + '\n';
          if (s.length > 1 << 20) { await this.write(s); s = ''; }
        }
        await this.write(s + '\\.\n');
      }
      t.rows = [];
    }
  }
  async close(idTables = []) {
    await this.flush();
    if (this.db.kind === 'sqlite') {
      await this.write('COMMIT;\nPRAGMA journal_mode=WAL;\n');
    } else {
      let s = 'COMMIT;\n';
      for (const t of idTables)
        s += `SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT MAX(id) FROM ${t}), 1));\n`;
      await this.write(s + 'ANALYZE;\n');
    }
    this.proc.stdin.end();
    const code = await this.done;
    if (code !== 0) throw new Error('bulk load failed: ' + this.stderr);
  }
}

module.exports = { parseDb, query, scalar, exec, tables, Loader };
