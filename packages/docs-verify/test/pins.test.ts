import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

// The checker runs a docs block on the clients the conformance matrix proves: the same versions
// as the example workspaces pin. And what it lets a block import, it depends on.
const manifest = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>
    toolbox?: string[]
  }
const checker = manifest('../package.json')

it.each([
  ['@openrouter/sdk', 'openrouter-sdk-ts'],
  ['openai', 'openai-sdk-ts'],
  ['ai', 'vercel-ai-sdk-ts'],
  ['@openrouter/ai-sdk-provider', 'vercel-ai-sdk-ts'],
])('%s is the version examples/%s pins', (name, style) => {
  expect(checker.dependencies[name]).toBe(
    manifest(`../../../examples/${style}/package.json`).dependencies[name],
  )
})

it('every package of the toolbox is a dependency', () => {
  expect(checker.toolbox!.filter((name) => !(name in checker.dependencies))).toEqual([])
})
