// browser.js — Playwright (playwright-core) driving Debian's Chromium, plus
// axe-core checks at WCAG 2.1 A and AA. Never downloads a browser.
'use strict';
const path = require('node:path');
const assert = require('node:assert/strict');
const WEB = path.resolve(__dirname, '..', '..', 'web', 'node_modules');
const { chromium } = require(path.join(WEB, 'playwright-core'));
const AxeBuilder = require(path.join(WEB, '@axe-core/playwright')).default;

const CHROMIUM = process.env.CHROMIUM || (require('node:fs').existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// Run axe on the page and fail with a readable list of violations.
async function checkA11y(page, label) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const v = r.violations.map(x => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(v, [], `axe violations on ${label || page.url()}`);
  return r.passes.length;
}

module.exports = { launch, checkA11y };
