import { isBuiltin } from 'node:module'
import { tokenizer, type Token } from 'acorn'
import { illustrationOf } from './illustrations.ts'
import type { Tab } from './parse-page.ts'
import { importablePackages, isTypeScript } from './workspace.ts'

export type Runner = 'typescript' | 'python' | 'shell'

export type Plan = { runner: Runner } | { skip: string }

const typescript = new Set(['typescript', 'ts', 'tsx', 'javascript', 'js', 'jsx', 'mjs'])
const python = new Set(['python', 'py', 'python3'])
const shell = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'curl'])
const data = new Set([
  'json',
  'jsonc',
  'json5',
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

// Packages a TypeScript tab may import: each resolves to the version pinned by our example workspaces.
export const providedPackages = Object.keys(importablePackages)

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!

// The bare packages a JavaScript or TypeScript tab imports, read from its tokens (`import … 'x'`,
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

// A shell tab that only installs packages is setup for the reader, not a program to check.
const onlyInstalls = (code: string) => {
  const commands = code.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'))
  return commands.length > 0 && commands.every((line) => installCommand.test(line))
}

// Which runner a tab needs, decided by its language and its content; or why it is not run.
export const planTab = (tab: Tab): Plan => {
  const language = tab.language
  const illustration = illustrationOf(tab.code, {
    fenceLine: tab.line,
    ...(typescript.has(language) ? { javaScript: { typescript: isTypeScript(language) } } : {}),
  })
  if (illustration && (typescript.has(language) || python.has(language) || shell.has(language)))
    return { skip: illustration }
  if (typescript.has(language)) {
    const packages = importedPackages(tab.code)
    const missing = packages?.filter((name) => !providedPackages.includes(name)) ?? []
    if (missing.length > 0)
      return {
        skip: `imports ${missing.join(', ')}, which the checker does not provide (what it provides: packages/docs-toolbox)`,
      }
    return { runner: 'typescript' }
  }
  if (python.has(language)) return { runner: 'python' }
  if (shell.has(language)) {
    if (onlyInstalls(tab.code)) return { skip: 'an install command, not a program' }
    if (!/\bcurl\b/.test(tab.code)) return { skip: 'a shell snippet that calls no API (no curl)' }
    return { runner: 'shell' }
  }
  if (data.has(language)) return { skip: `not a program (${language})` }
  if (!language) return { skip: 'no language on the fence' }
  return { skip: `no runner for ${language}` }
}
