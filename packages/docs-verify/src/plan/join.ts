import type { JoinStatement, Joined } from '../types.ts'
import { dropNames } from './statements.ts'

export type JoinBlock = {
  group: number
  title: string
  // Its language family (JavaScript and TypeScript are one): blocks join only within one.
  family: 'javascript' | 'python'
  // The block's page line, named in reports as what it ran after.
  line: number
  // A page's hidden setup (the `setup` directive): every later block of its family runs after it.
  setup?: boolean
  // Undefined where the block cannot take part (it does not parse, or is not JavaScript, TypeScript
  // or Python): nothing joins it, and it joins nothing.
  statements?: JoinStatement[]
}

const definesName = (statement: JoinStatement, name: string) =>
  statement.defines.includes(name) || statement.assigns.includes(name)

// How a page is joined, as a reader who followed it top to bottom has it: a block that uses names
// it does not define runs after the top-level statements of earlier blocks that define them, and
// what those statements need in turn, not after whole blocks. Its own declarations win; of two
// earlier blocks that define a name, the nearest does (the same tab title in earlier groups first).
// A statement's own block is searched first for what it needs. Tabs of one group are
// alternatives, so a block never joins its siblings, nor another language.
export const joinPage = (blocks: JoinBlock[]): Joined[] =>
  blocks.map((block, b) => {
    const own = new Set((block.statements ?? []).flatMap((statement) => statement.defines))
    const selected = new Set<string>()
    const unresolved = new Set<string>()
    const key = (i: number, s: number) => `${i}:${s}`

    const definer = (name: string, from: number, before: number) => {
      const home = blocks[from]!.statements ?? []
      if (from !== b) {
        // Its own block first: the nearest statement before it, else a later declaration (a
        // function declared further down the same block).
        const earlier = home.findLastIndex((s, index) => index < before && definesName(s, name))
        if (earlier >= 0) return { i: from, s: earlier }
        const later = home.findIndex((s, index) => index > before && s.defines.includes(name))
        if (later >= 0) return { i: from, s: later }
      }
      const candidates = blocks
        .map((other, i) => ({ other, i }))
        .filter(
          ({ other, i }) =>
            i < from &&
            other.group < blocks[from]!.group &&
            other.family === block.family &&
            other.statements?.some((s) => definesName(s, name)),
        )
      const chosen =
        candidates.filter(({ other }) => other.title === block.title).at(-1) ?? candidates.at(-1)
      if (!chosen) return undefined
      return {
        i: chosen.i,
        s: chosen.other.statements!.findLastIndex((s) => definesName(s, name)),
      }
    }

    const need = (statement: JoinStatement, from: number, before: number) => {
      for (const name of statement.uses) {
        if (own.has(name)) continue
        const found = definer(name, from, before)
        if (!found) {
          if (statement.values.includes(name)) unresolved.add(name)
          continue
        }
        if (found.i === b || selected.has(key(found.i, found.s))) continue
        selected.add(key(found.i, found.s))
        need(blocks[found.i]!.statements![found.s]!, found.i, found.s)
      }
    }
    // A setup block's every statement comes first, as the author asked, and what each needs.
    blocks.forEach((other, i) => {
      if (!other.setup || i >= b || other.family !== block.family || !block.statements) return
      other.statements?.forEach((statement, s) => {
        if (selected.has(key(i, s))) return
        selected.add(key(i, s))
        need(statement, i, s)
      })
    })
    for (const statement of block.statements ?? []) need(statement, b, Infinity)

    const order = [...selected]
      .map((entry) => entry.split(':').map(Number) as [number, number])
      .sort(([i1, s1], [i2, s2]) => i1 - i2 || s1 - s2)
    const texts = withoutDuplicates(
      order.map(([i, s]) => blocks[i]!.statements![s]!),
      own,
      block.family,
    )
    const prefix = texts.length > 0 ? `${texts.join('\n')}\n` : ''
    return {
      prefix,
      prefixLines: prefix.split('\n').length - 1,
      joinedWith: [...new Set(order.map(([i]) => blocks[i]!.line))],
      unresolved: [...unresolved].sort(),
    }
  })

// In JavaScript a module declares each name once: of the statements joined, a name the block
// declares itself, or that an earlier joined statement declared, is dropped where it can be (an
// import's binding, one of several declarators) and the statement is dropped where it cannot.
// Python rebinds freely, and only the same statement twice (two on one line) is written once.
const withoutDuplicates = (
  statements: JoinStatement[],
  own: Set<string>,
  family: string,
): string[] => {
  if (family !== 'javascript') return [...new Set(statements.map((statement) => statement.text))]
  const declared = new Set(own)
  const texts: string[] = []
  for (const statement of statements) {
    const taken = statement.defines.filter((name) => declared.has(name))
    const text = taken.length > 0 ? dropNames(statement.text, taken) : statement.text
    if (text === undefined) continue
    for (const name of statement.defines) declared.add(name)
    texts.push(text)
  }
  return texts
}
