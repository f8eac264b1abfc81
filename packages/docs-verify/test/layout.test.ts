import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// The checker's layout is its architecture: stages in order (parse → plan → run → judge →
// report), each importing only itself, the stages before it and the shared modules at the top
// (types.ts, which holds types only, and the checker's own environment); only the pipeline
// (check-site.ts), the command line (cli.ts) and the library's entry (index.ts) wire stages
// together. No module imports itself back through another.
const src = fileURLToPath(new URL('../src/', import.meta.url))
const stages = ['parse', 'plan', 'run', 'judge', 'report']
const shared = ['types.ts', 'assets.ts', 'toolbox.ts', 'python.ts']
const wiring = ['check-site.ts', 'cli.ts', 'index.ts']

const modules = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .sort()
const importsOf = (module: string) =>
  [
    ...readFileSync(join(src, module), 'utf8').matchAll(
      /^(?:import|export)[^'"]*from '(\.[^']+)'/gm,
    ),
  ].map((match) => relative(src, resolve(dirname(join(src, module)), match[1]!)))
const graph = new Map(modules.map((module) => [module, importsOf(module)]))
const stageOf = (module: string) => stages.indexOf(module.split('/')[0]!)

it('stages import only themselves, the stages before them and the shared modules', () => {
  const wrong = modules.flatMap((module) =>
    graph.get(module)!.flatMap((imported) => {
      if (wiring.includes(module)) return []
      if (shared.includes(imported)) return []
      const [from, to] = [stageOf(module), stageOf(imported)]
      const allowed = from >= 0 && to >= 0 && to <= from
      return allowed ? [] : [`${module} → ${imported}`]
    }),
  )
  expect(wrong).toEqual([])
})

it('types.ts holds types only: it imports nothing but types', () => {
  const text = readFileSync(join(src, 'types.ts'), 'utf8')
  expect(text.match(/^import (?!type )/gm)).toBeNull()
  expect(text.match(/^export (?!type )/gm)).toBeNull()
})

it('no import cycles', () => {
  const cycles: string[] = []
  const visiting: string[] = []
  const done = new Set<string>()
  const visit = (module: string) => {
    if (done.has(module)) return
    const at = visiting.indexOf(module)
    if (at >= 0) {
      cycles.push([...visiting.slice(at), module].join(' → '))
      return
    }
    visiting.push(module)
    for (const imported of graph.get(module) ?? []) visit(imported)
    visiting.pop()
    done.add(module)
  }
  for (const module of modules) visit(module)
  expect(cycles).toEqual([])
})
