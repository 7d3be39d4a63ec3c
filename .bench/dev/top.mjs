import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]; const f = readdirSync(dir).filter(x=>x.endsWith('.cpuprofile')).sort().pop();
const p = JSON.parse(readFileSync(dir + '/' + f));
const self = new Map(); const byId = new Map(p.nodes.map(n => [n.id, n]));
const dt = p.timeDeltas; const total = dt.reduce((a,b)=>a+b,0);
const cnt = new Map(); p.samples.forEach((s, i) => cnt.set(s, (cnt.get(s) ?? 0) + dt[i]));
for (const [id, t] of cnt) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + t); }
// inclusive by function name
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of cnt) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } cur = parent.get(cur); } }
console.log('SELF'); [...self].sort((a,b)=>b[1]-a[1]).slice(0, +process.argv[3] || 25).forEach(([k,t]) => console.log((100*t/total).toFixed(1).padStart(5), k));
console.log('INCLUSIVE'); [...incl].sort((a,b)=>b[1]-a[1]).slice(0, +process.argv[3] || 25).forEach(([k,t]) => console.log((100*t/total).toFixed(1).padStart(5), k));
