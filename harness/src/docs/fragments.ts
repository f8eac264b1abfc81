import type { Names } from './names.ts'
import type { Runner } from './runners.ts'

export type PageBlock = { group: number; title: string; runner: Runner; names?: Names }

// Which earlier blocks each block runs after, as a reader who followed the page would have run
// them: for each name it uses and does not bind, the block of an earlier group, in the same
// language family, that defines it (the same tab title first, else the nearest), and in turn what
// that block needs. Tabs of one group are alternatives, so a block never joins its siblings.
export const joinPlan = (blocks: PageBlock[]): number[][] => {
  const definerOf = (name: string, of: number, title: string) => {
    const candidates = blocks
      .map((block, j) => ({ block, j }))
      .filter(
        ({ block, j }) =>
          j < of &&
          block.group < blocks[of]!.group &&
          block.runner === blocks[of]!.runner &&
          block.names?.defines.includes(name),
      )
    return (candidates.filter(({ block }) => block.title === title).at(-1) ?? candidates.at(-1))?.j
  }
  return blocks.map((block, i) => {
    const chosen = new Set<number>()
    const need = (of: number) => {
      for (const name of blocks[of]!.names?.uses ?? []) {
        const definer = definerOf(name, of, block.title)
        if (definer === undefined || chosen.has(definer)) continue
        chosen.add(definer)
        need(definer)
      }
    }
    need(i)
    return [...chosen].sort((a, b) => a - b)
  })
}
