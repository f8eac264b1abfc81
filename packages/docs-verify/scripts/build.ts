#!/usr/bin/env node
// Builds what `npm pack` ships: the checker, with the mock and the code it shares with the
// matrix, bundled into one file (dist/cli.js) by esbuild; every npm package it uses stays a
// dependency, installed beside it. The mock's operation table is copied beside the bundle.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  dependencies: Record<string, string>
}
const operationTable = fileURLToPath(
  new URL('../../openrouter-mock/generated/operations.json', import.meta.url),
)

rmSync(`${root}dist`, { recursive: true, force: true })
mkdirSync(`${root}generated`, { recursive: true })
copyFileSync(operationTable, `${root}generated/operations.json`)
await build({
  entryPoints: [`${root}src/cli.ts`],
  outfile: `${root}dist/cli.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Marking a package external marks its subpaths too (`msw/node`).
  external: Object.keys(manifest.dependencies),
  logLevel: 'warning',
  plugins: [
    {
      // The mock finds its operation table beside its source; bundled, it is beside the bundle.
      name: 'operation-table',
      setup: (esbuild) =>
        esbuild.onLoad(
          { filter: /openrouter-mock[\\/]src[\\/]operations[\\/]table\.ts$/ },
          (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(
              "'../../generated/operations.json'",
              "'../generated/operations.json'",
            ),
            loader: 'ts',
          }),
        ),
    },
  ],
})
console.log(`built ${root}dist/cli.js`)
