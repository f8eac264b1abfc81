#!/usr/bin/env node
// Records the newest published version of every package a docs block may import (the examples'
// clients and the docs toolbox), with the day it was checked: a page that uses an export or an
// option the newest version lacks is told so. Asks the npm registry; run it by hand when the pins
// move (`node scripts/published.ts`), never in a test.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { toolboxDir } from '../src/paths.ts'
import { importablePackages } from '../src/docs/workspace.ts'

const newest: Record<string, string> = {}
for (const name of Object.keys(importablePackages).sort()) {
  const { stdout } = await execa('npm', ['view', name, 'version'])
  newest[name] = stdout.trim()
}
const file = join(toolboxDir, 'published.json')
const checked = new Date().toISOString().slice(0, 10)
writeFileSync(file, `${JSON.stringify({ checked, newest }, null, 2)}\n`)
console.log(`wrote ${file}: ${Object.keys(newest).length} packages, as of ${checked}`)
