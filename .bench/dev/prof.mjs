import { readCorpus, extractAll } from '/work/main/dist/src/index/load.js';
const { docs, warnings } = await readCorpus(process.argv[2]);
const sub = docs.slice(0, 300);
extractAll(sub.slice(0, 50), []);
const t = performance.now(); extractAll(sub, warnings); console.log('per article ms', ((performance.now() - t) / sub.length).toFixed(2));
