import type { BlockResult, Progress } from '../types.ts'
import { isFailure } from './summary.ts'

type Stream = { isTTY?: boolean; write: (text: string) => unknown }

const duration = (seconds: number) =>
  seconds >= 90 ? `${Math.round(seconds / 60)} min` : `${Math.max(1, Math.round(seconds))} s`

// A whole-site run says how far it is, on stderr: pages and blocks done of all, failures so far,
// blocks per second and the time left. On a terminal one line is rewritten as blocks finish; in
// a CI log a line is written every few seconds.
export const progressReporter = (
  stream: Stream,
  { everyMs = 5_000, now = () => Date.now() }: { everyMs?: number; now?: () => number } = {},
): Progress & { done: () => void } => {
  const started = now()
  let totals = { pages: 0, blocks: 0 }
  const left = new Map<string, number>()
  let blocks = 0
  let pages = 0
  let failures = 0
  let written = 0
  let last = ''
  const line = () => {
    const seconds = (now() - started) / 1000
    const rate = seconds > 0 ? blocks / seconds : 0
    const eta =
      blocks < totals.blocks && rate > 0
        ? `, about ${duration((totals.blocks - blocks) / rate)} left`
        : ''
    return `docs:verify: ${blocks}/${totals.blocks} blocks, ${pages}/${totals.pages} pages, ${failures} failure${failures === 1 ? '' : 's'}, ${rate.toFixed(1)} blocks/s${eta}`
  }
  const write = (force = false) => {
    if (stream.isTTY) stream.write(`\r${line()}\x1b[K`)
    else if ((force || now() - written >= everyMs) && line() !== last) {
      last = line()
      stream.write(`${last}\n`)
      written = now()
    }
  }
  return {
    planned: (counted) => {
      totals = { pages: counted.pages.size, blocks: counted.blocks }
      for (const [page, count] of counted.pages) left.set(page, count)
      pages = [...left.values()].filter((count) => count === 0).length
      written = now()
    },
    judged: (result: BlockResult) => {
      blocks += 1
      if (isFailure(result)) failures += 1
      const remaining = (left.get(result.page) ?? 1) - 1
      left.set(result.page, remaining)
      if (remaining === 0) pages += 1
      write()
    },
    done: () => {
      if (totals.blocks === 0) return
      write(true)
      if (stream.isTTY) stream.write('\n')
    },
  }
}
