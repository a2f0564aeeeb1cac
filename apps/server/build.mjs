// Bundles the server with esbuild: our workspace libs (TypeScript sources) go into the
// bundle; npm dependencies stay external and are loaded from node_modules at run time.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'

const root = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
)
const external = [
  ...Object.keys(root.dependencies ?? {}),
  ...Object.keys(root.devDependencies ?? {}),
]

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
}
await build({
  ...shared,
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/main.js', import.meta.url).pathname,
})
// The optimization worker (auto-design, rebalance) runs in its own thread: its own bundle,
// written beside main.js where `optimizeWorkerEntry()` looks for it.
await build({
  ...shared,
  entryPoints: [
    new URL('../../libs/api/src/optimize/worker-main.ts', import.meta.url)
      .pathname,
  ],
  outfile: new URL('./dist/optimize-worker.js', import.meta.url).pathname,
})
