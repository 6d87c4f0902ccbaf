// Bundle the dashboard's script into the Python package (src/newsgraph/api/static/app.js), where
// the API serves it beside the hand-written index.html and app.css (those need no build, so they
// live only there). The bundle is committed so that `pip install newsgraph` needs no Node.
// `npm run build` (or `--watch` while developing).

import { build, context } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// --outdir DIR builds elsewhere (the tests use it to check that the committed bundle is current).
const at = process.argv.indexOf('--outdir');
const out = at > 0 ? process.argv[at + 1] : join(here, '..', 'src', 'newsgraph', 'api', 'static');

const options = {
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  outfile: join(out, 'app.js'),
  logLevel: 'info',
};

await mkdir(out, { recursive: true });
if (process.argv.includes('--watch')) {
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
