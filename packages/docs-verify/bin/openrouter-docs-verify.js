#!/usr/bin/env node
// The checker's command, under whatever Node runs it (18 or newer): the checker itself runs on
// Node 24, so the blocks run on the Node they are written for. Where this Node is older, the
// checker runs on the Node 24 it brings (the node-<os>-<cpu> package npm installs for this
// machine). In this repository it runs the source; installed (no source is packed), the bundle.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const source = join(here, '..', 'src', 'cli.ts')
const cli = existsSync(source) ? source : join(here, '..', 'dist', 'cli.js')

const brought = () => {
  const name = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`
  try {
    const home = dirname(createRequire(import.meta.url).resolve(`${name}/package.json`))
    return join(home, 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
  } catch {
    console.error(
      `openrouter-docs-verify runs on Node 24; this is Node ${process.versions.node}, and npm has no ${name} package for this machine. Install Node 24 and run it again.`,
    )
    process.exit(2)
  }
}

if (Number(process.versions.node.split('.')[0]) >= 24) {
  await import(cli)
} else {
  const child = spawn(brought(), [cli, ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal)
    else process.exit(code ?? 1)
  })
}
