import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docsDir } from '../paths.ts'
import { staleEmbeds, syncPage } from './embed.ts'

const page = (block: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'embed-'))
  writeFileSync(join(dir, 'hello.ts'), "console.log('hello')\n")
  const file = join(dir, 'page.mdx')
  writeFileSync(file, `<CodeGroup>\n\n{/* embed: hello.ts */}\n${block}\n\n</CodeGroup>\n`)
  return file
}

describe('embedded code blocks', () => {
  it('a block that differs from its file is stale; sync rewrites it and keeps the info string', () => {
    const file = page('```typescript title="Hello" lines\nconsole.log("drifted")\n```')
    expect(staleEmbeds(file).map((embed) => embed.source)).toEqual(['hello.ts'])
    const synced = syncPage(file)
    expect(synced).toContain('```typescript title="Hello" lines\nconsole.log(\'hello\')\n```')
    writeFileSync(file, synced)
    expect(staleEmbeds(file)).toEqual([])
  })

  it('a marker not followed by a fence is an error, not a silent pass', () => {
    expect(() => staleEmbeds(page('Some prose.'))).toThrow(
      'an embed marker must stand right before a fence',
    )
  })

  it("the project's own docs embed every tab, and every one is current", () => {
    const embeds = staleEmbeds(join(docsDir, 'authentication.mdx'))
    expect(embeds).toEqual([])
  })
})
