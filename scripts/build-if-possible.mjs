// Runs by `npm install` (prepare): compiles TypeScript when the compiler is installed.
// A production install (`npm ci --omit=dev`) has no compiler and ships dist/ instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.log('briefbot: TypeScript not installed (production install); using the prebuilt dist/');
  process.exit(0);
}
const r = spawnSync(process.execPath, [tsc, '-p', '.'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
