import { isBuiltin } from 'node:module'
import { tokenizer, type Token } from 'acorn'
import { illustrationOf } from './illustrations.ts'
import { importablePackages } from '../toolbox.ts'
import { readStreamExample } from '../parse/examples.ts'
import type { ExampleKind, Fence, Runner } from '../types.ts'

// Fence languages that are TypeScript, not JavaScript: they run from a .ts file.
export const isTypeScript = (language: string) => ['typescript', 'ts', 'tsx'].includes(language)

// A block the checker judges without running it: an example of a call's JSON, or of a stream's
// events, held to the site's published spec (judge/examples.ts).
export type Plan = { runner: Runner } | { skip: string } | { example: ExampleKind }

const typescript = new Set(['typescript', 'ts', 'tsx', 'javascript', 'js', 'jsx', 'mjs'])
const python = new Set(['python', 'py', 'python3'])
const shell = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'curl'])
const json = new Set(['json', 'jsonc', 'json5'])
const data = new Set([
  'yaml',
  'yml',
  'toml',
  'xml',
  'txt',
  'text',
  'plaintext',
  'output',
  'http',
  'sse',
  'diff',
  'markdown',
  'md',
  'mdx',
  'html',
  'csv',
  'env',
  'dotenv',
])

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!

// The bare packages a JavaScript or TypeScript block imports, read from its tokens (`import … 'x'`,
// `from 'x'`, `require('x')`, `import('x')`); type annotations do not disturb a tokenizer.
export const importedPackages = (code: string): string[] | undefined => {
  const sources: string[] = []
  try {
    // acorn's Token type omits `value`, which string and name tokens carry.
    const tokens = [
      ...tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' }),
    ] as (Token & { value?: unknown })[]
    tokens.forEach((token, i) => {
      if (token.type.label !== 'string') return
      const before = tokens[i - 1]
      const opener = before?.type.label === '(' ? tokens[i - 2] : undefined
      if (
        before?.type.keyword === 'import' ||
        before?.value === 'from' ||
        opener?.value === 'require' ||
        opener?.type.keyword === 'import'
      ) {
        sources.push(String(token.value))
      }
    })
  } catch {
    return undefined
  }
  return [
    ...new Set(
      sources
        // Node's own modules come with every runtime (`fs`, `fs/promises`, `node:buffer`).
        .filter((source) => !source.startsWith('.') && !isBuiltin(source))
        .map(packageName),
    ),
  ]
}

const installCommand =
  /^\s*(npm|pnpm|yarn|bun|deno|npx|pip3?|uv|poetry|brew|apt(-get)?)\b.*\b(install|add|i)\b/

// A shell block that only installs packages is setup for the reader, not a program to check.
const onlyInstalls = (code: string) => {
  const commands = code.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'))
  return commands.length > 0 && commands.every((line) => installCommand.test(line))
}

// Which runner a block needs, decided by its language and its content; or why it is not run.
export const planFence = (block: Pick<Fence, 'language' | 'code' | 'line'>): Plan => {
  const language = block.language
  if (json.has(language)) return { example: 'json' }
  if ((data.has(language) || shell.has(language)) && readStreamExample(block.code))
    return { example: 'stream' }
  const illustration = illustrationOf(block.code, {
    fenceLine: block.line,
    ...(typescript.has(language) ? { javaScript: { typescript: isTypeScript(language) } } : {}),
  })
  if (illustration && (typescript.has(language) || python.has(language) || shell.has(language)))
    return { skip: illustration }
  if (typescript.has(language)) {
    const packages = importedPackages(block.code)
    const missing = packages?.filter((name) => !importablePackages.includes(name)) ?? []
    if (missing.length > 0)
      return {
        skip: `imports ${missing.join(', ')}, which the checker does not provide (what it provides: the toolbox of packages/docs-verify/package.json)`,
      }
    return { runner: 'typescript' }
  }
  if (python.has(language)) return { runner: 'python' }
  if (shell.has(language)) {
    if (onlyInstalls(block.code)) return { skip: 'an install command, not a program' }
    if (!/\bcurl\b/.test(block.code)) return { skip: 'a shell snippet that calls no API (no curl)' }
    return { runner: 'shell' }
  }
  if (data.has(language)) return { skip: `not a program (${language})` }
  if (!language) return { skip: 'no language on the fence' }
  return { skip: `no runner for ${language}` }
}
