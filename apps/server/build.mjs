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

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/main.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
})
