#!/usr/bin/env node
import { readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { textDiff } from '@conformance/common'
import { docsDir } from '../paths.ts'
import { staleEmbeds, syncPage } from './embed.ts'

// `docs:check` fails when a code block in docs/ differs from the example file it embeds;
// `docs:sync` rewrites those blocks from their files.
const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } })
const pages = readdirSync(docsDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => join(docsDir, name))

let stale = 0
for (const page of pages) {
  if (values.write) {
    writeFileSync(page, syncPage(page))
    continue
  }
  for (const embed of staleEmbeds(page)) {
    stale++
    console.error(
      `${relative(process.cwd(), page)}:${embed.code.position?.start.line}: differs from ${embed.source}`,
    )
    console.error(
      textDiff(embed.expected + '\n', embed.code.value + '\n', [embed.source, 'the page']).replace(
        /^/gm,
        '    ',
      ),
    )
  }
}
if (values.write) console.log(`synced ${pages.length} page(s) from their example files`)
else if (stale > 0) {
  console.error(`${stale} embedded block(s) out of date: run \`pnpm docs:sync\``)
  process.exitCode = 1
} else console.log(`${pages.length} page(s): every embedded block matches its example file`)
