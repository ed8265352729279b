// yaml.js — a small YAML reader for the subset Varde's methodology files use
// (docs/METHODOLOGY-FORMAT.md): block mappings and sequences, flow mappings
// and sequences, block scalars (| and >), quoted and plain scalars, comments.
// The bench data generator needs only the structure (phases → steps → tools,
// fields → types, options, columns); the server itself reads the files with
// libyaml. Not a general YAML parser: anchors, tags and documents are not
// supported and raise an error rather than being misread.
'use strict';

function stripComment(s) {
  let q = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (q === '"' && ch === '\\') { i++; continue; }
      if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") {
      // a quote only opens a string at the start of a scalar
      const prev = s.slice(0, i).trimEnd();
      if (prev === '' || /[:\-,\[{]$/.test(prev)) q = ch;
    } else if (ch === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) {
      return s.slice(0, i).trimEnd();
    }
  }
  return s.trimEnd();
}

function scalar(s) {
  s = s.trim();
  if (s === '' || s === '~' || s === 'null') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d+\.\d+$/.test(s)) return Number(s);
  if (s[0] === '"') return JSON.parse(s.replace(/\\'/g, "'"));
  if (s[0] === "'") return s.slice(1, -1).replace(/''/g, "'");
  if (/^[&*!]/.test(s)) throw new Error('yaml.js: anchors, aliases and tags are not supported: ' + s);
  return s;
}

// Parse a flow collection or scalar from text; returns [value, rest].
function flow(s) {
  s = s.replace(/^\s+/, '');
  if (s[0] === '{' || s[0] === '[') {
    const close = s[0] === '{' ? '}' : ']';
    const isMap = s[0] === '{';
    const out = isMap ? {} : [];
    s = s.slice(1);
    for (;;) {
      s = s.replace(/^\s+/, '');
      if (s[0] === close) return [out, s.slice(1)];
      if (isMap) {
        const m = s.match(/^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:,}]+):\s*/);
        if (!m) throw new Error('yaml.js: bad flow mapping near: ' + s.slice(0, 40));
        const key = String(scalar(m[1]));
        const [v, rest] = flow(s.slice(m[0].length));
        out[key] = v;
        s = rest;
      } else {
        const [v, rest] = flow(s);
        out.push(v);
        s = rest;
      }
      s = s.replace(/^\s+/, '');
      if (s[0] === ',') s = s.slice(1);
      else if (s[0] !== close) throw new Error('yaml.js: expected , or ' + close + ' near: ' + s.slice(0, 40));
    }
  }
  let m;
  if (s[0] === '"') m = s.match(/^"(?:[^"\\]|\\.)*"/);
  else if (s[0] === "'") m = s.match(/^'(?:[^']|'')*'/);
  else m = s.match(/^[^,\]}]*/);
  return [scalar(m[0]), s.slice(m[0].length)];
}

function balanced(s) {
  let depth = 0, q = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) { if (q === '"' && ch === '\\') i++; else if (ch === q) q = null; continue; }
    if ((ch === '"' || ch === "'") && /(^|[\s,\[{:])$/.test(s.slice(0, i))) q = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return depth <= 0;
}

function parse(text) {
  const raw = text.replace(/\r\n/g, '\n').split('\n');
  const lines = raw.map((l, i) => ({ n: i + 1, raw: l, ind: l.match(/^ */)[0].length, text: stripComment(l).trim() }));
  let pos = 0;
  const skip = () => { while (pos < lines.length && (lines[pos].text === '' || lines[pos].text === '---')) pos++; };

  // Block scalar starting after line `head` (indicator in ind), parent indent pind.
  function blockScalar(ind, pind) {
    const folded = ind[0] === '>';
    const keep = ind.includes('+'), strip = ind.includes('-');
    const body = [];
    let bi = -1;
    while (pos < lines.length) {
      const l = lines[pos];
      if (l.raw.trim() === '') { body.push(''); pos++; continue; }
      if (l.ind <= pind) break;
      if (bi < 0) bi = l.ind;
      body.push(l.raw.slice(bi));
      pos++;
    }
    let trailing = 0;
    while (body.length && body[body.length - 1] === '') { body.pop(); trailing++; }
    let s;
    if (folded) {
      s = '';
      for (let i = 0; i < body.length; i++) {
        const b = body[i];
        if (i === 0) s = b;
        else if (b === '' ) s += '\n';
        else if (body[i - 1] === '' || /^\s/.test(b) || /^\s/.test(body[i - 1])) s += (s.endsWith('\n') ? '' : '\n') + b;
        else s += ' ' + b;
      }
    } else s = body.join('\n');
    if (strip) return s;
    if (keep) return s + '\n'.repeat(trailing + 1);
    return body.length ? s + '\n' : '';
  }

  // The value after "key:" or "- " given its inline text; ind is the parent's indent.
  function value(inline, ind) {
    if (inline === '') {
      skip();
      if (pos >= lines.length) return null;
      const l = lines[pos];
      if (l.ind > ind) return block(l.ind);
      if (l.ind === ind && /^-( |$)/.test(l.text)) return block(l.ind); // sequence at the key's indent
      return null;
    }
    if (/^[|>][+-]?\d*$/.test(inline)) return blockScalar(inline, ind);
    if (inline[0] === '{' || inline[0] === '[') {
      let s = inline;
      while (!balanced(s) && pos < lines.length) { s += ' ' + lines[pos].text; pos++; }
      return flow(s)[0];
    }
    // plain or quoted scalar, possibly continued on more-indented lines
    let s = inline;
    while (pos < lines.length && lines[pos].text !== '' && lines[pos].ind > ind && !/^-( |$)/.test(lines[pos].text) &&
           !/^[^\s"'{[][^:]*:( |$)/.test(lines[pos].text)) {
      s += ' ' + lines[pos].text; pos++;
    }
    return scalar(s);
  }

  function mapping(ind, first) {
    const out = {};
    let l = first;
    for (;;) {
      const m = l.text.match(/^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:]+?):(?: +(.*))?$/);
      if (!m) throw new Error(`yaml.js: line ${l.n}: expected "key: value": ${l.raw}`);
      out[String(scalar(m[1]))] = value((m[2] || '').trim(), ind);
      skip();
      if (pos >= lines.length || lines[pos].ind !== ind || /^-( |$)/.test(lines[pos].text)) return out;
      l = lines[pos++];
    }
  }

  function sequence(ind) {
    const out = [];
    for (;;) {
      skip();
      if (pos >= lines.length || lines[pos].ind !== ind || !/^-( |$)/.test(lines[pos].text)) return out;
      const l = lines[pos++];
      const rest = l.text.slice(1).replace(/^ +/, '');
      const cind = ind + (l.text.length - rest.length === 1 ? 2 : l.raw.indexOf(rest, ind + 1) - ind);
      if (rest === '') out.push(value('', ind));
      else if (/^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'{[][^:]*?):( |$)/.test(rest))
        out.push(mapping(cind, { n: l.n, raw: ' '.repeat(cind) + rest, ind: cind, text: rest }));
      else out.push(value(rest, ind));
    }
  }

  function block(ind) {
    skip();
    const l = lines[pos];
    if (/^-( |$)/.test(l.text)) return sequence(ind);
    pos++;
    return mapping(ind, l);
  }

  skip();
  if (pos >= lines.length) return null;
  return block(lines[pos].ind);
}

module.exports = { parse };
