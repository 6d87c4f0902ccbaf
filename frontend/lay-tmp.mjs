import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
cytoscape.use(fcose);
const [N, E] = [200, +process.argv[2]];
let seed = 1; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const els = [];
for (let i = 0; i < N; i++) els.push({ data: { id: 'A' + i } });
const seen = new Set();
while (seen.size < E) { const a = Math.floor(rnd() * N), b = Math.floor(rnd() * N); if (a === b) continue; const k = a < b ? a + '-' + b : b + '-' + a; if (seen.has(k)) continue; seen.add(k); els.push({ data: { id: k, source: 'A' + a, target: 'A' + b, sign: rnd() > 0.5 ? 1 : -1 } }); }
for (const opts of [
  { quality: 'default' },
  { quality: 'draft' },
  { quality: 'default', idealEdgeLength: (e) => (e.data('sign') > 0 ? 60 : 160), edgeElasticity: (e) => (e.data('sign') > 0 ? 0.45 : 0.05) },
  { quality: 'default', numIter: 500 },
  { quality: 'default', samplingType: true, sampleSize: 25 },
  { quality: 'default', uniformNodeDimensions: true, packComponents: false },
]) {
  const cy = cytoscape({ headless: true, elements: els, styleEnabled: true });
  const t = performance.now();
  cy.layout({ name: 'fcose', animate: false, randomize: true, ...opts }).run();
  console.log(JSON.stringify(Object.keys(opts).map(k => k + '=' + (typeof opts[k] === 'function' ? 'fn' : opts[k]))), Math.round(performance.now() - t), 'ms');
}
