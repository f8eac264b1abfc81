#!/usr/bin/env node
// Records the newest published version of every package a docs block may import (the checker's
// toolbox), with the day it was checked: a page that uses an export or an
// option the newest version lacks is told so. Asks the npm registry; run it by hand when the pins
// move (`node scripts/published.ts`), never in a test.
import { writeFileSync } from 'node:fs'
import { execa } from 'execa'
import { publishedFile } from '../src/assets.ts'
import { importablePackages } from '../src/toolbox.ts'

const newest: Record<string, string> = {}
for (const name of [...importablePackages].sort()) {
  const { stdout } = await execa('npm', ['view', name, 'version'])
  newest[name] = stdout.trim()
}
const checked = new Date().toISOString().slice(0, 10)
writeFileSync(publishedFile, `${JSON.stringify({ checked, newest }, null, 2)}\n`)
console.log(`wrote ${publishedFile}: ${Object.keys(newest).length} packages, as of ${checked}`)
