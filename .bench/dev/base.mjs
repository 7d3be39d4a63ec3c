import { loadBriefingIndex } from '/work/main/dist/src/index/load.js';
import { readCorpus, extractAll } from '/work/main/dist/src/index/load.js';
import { assembleArticles } from '/work/main/dist/src/index/assemble.js';
import { CorpusIndex } from '/work/main/dist/src/index/corpusIndex.js';
const dir = process.argv[2];
let t = performance.now();
const lap = (m) => { const n = performance.now(); console.log(m, (n - t).toFixed(0), 'ms'); t = n; };
const { docs, warnings } = await readCorpus(dir); lap('read ' + docs.length);
const x = extractAll(docs, warnings); lap('extract');
const arts = assembleArticles(x); lap('assemble');
const idx = new CorpusIndex({ corpusDir: dir, articles: arts, warnings, loadedAt: new Date() }); lap('index');
idx.brief(); lap('default brief');
const m = process.memoryUsage(); console.log('heap', (m.heapUsed/1e6).toFixed(0), 'rss', (m.rss/1e6).toFixed(0));
console.log('sentences', arts.reduce((s,a)=>s+a.sentences.length,0), 'claims', idx.figures().length, 'quotes', idx.quotes().length, 'entities', idx.entities().length, 'tl', idx.timeline().events.length, idx.timeline().undated.length);
const json = JSON.stringify(x); console.log('json MB', (json.length/1e6).toFixed(1));
for (const q of ['killed', 'ministry of health', 'casualties', 'xyzzy']) { t = performance.now(); idx.search(q); lap('search ' + q); }
t = performance.now(); idx.figures({topic: 'army'}); lap('figures topic');
t = performance.now(); idx.brief({topic: 'army'}); lap('brief topic');
t = performance.now(); idx.suggest('topic', 'a'); lap('suggest a');
