// Bundle the dashboard into the Python package (src/newsgraph/api/static/), where the API
// serves it: index.html at /, the rest under /static/. The output is committed so that
// `pip install newsgraph` needs no Node. `npm run build` (or `--watch` while developing).

import { build, context } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
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

async function copyStatic() {
  await copyFile(join(here, 'src', 'index.html'), join(out, 'index.html'));
  await copyFile(join(here, 'src', 'app.css'), join(out, 'app.css'));
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await copyStatic();
if (process.argv.includes('--watch')) {
  const ctx = await context({
    ...options,
    plugins: [{ name: 'copy-static', setup: (b) => b.onEnd(copyStatic) }],
  });
  await ctx.watch();
} else {
  await build(options);
}
