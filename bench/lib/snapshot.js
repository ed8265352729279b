// snapshot.js — run the bench tools on a private copy of the varde binary.
// Other engineers rebuild build/varde while a long run is going on; a copy
// taken at the start keeps one run on one binary. Sets VARDE_BIN for this
// process and its children (bench/gen.js, tests/lib/varde.js); the copy is
// removed when the process exits. Require it before ./server.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.VARDE_BIN_SNAPSHOT) {
  const root = path.resolve(__dirname, '..', '..');
  const src = path.resolve(root, process.env.VARDE_BIN || 'build/varde');
  const dst = path.join(os.tmpdir(), `varde-bench-bin-${process.pid}`);
  for (let i = 0; ; i++) {
    try { fs.copyFileSync(src, dst); fs.chmodSync(dst, 0o755); break; } catch (e) {
      if (i > 50) throw new Error(`cannot copy ${src}: ${e.message} (run make build/varde)`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // being relinked: wait
    }
  }
  process.env.VARDE_BIN = dst;
  process.env.VARDE_BIN_SNAPSHOT = dst;
  process.on('exit', () => { try { fs.rmSync(dst, { force: true }); } catch (e) { /* ignore */ } });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => process.exit(130));
