#!/usr/bin/env node
// The `briefbot` command: runs the compiled CLI (npm install builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('briefbot: not built yet; run `npm run build` (npm install does it) first\n');
  process.exit(1);
}
const { main } = await import(cli);
await main();
