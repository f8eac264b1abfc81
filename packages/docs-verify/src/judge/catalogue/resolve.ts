import { distance } from 'fastest-levenshtein'
import { variants as mockVariants } from '@conformance/openrouter-mock'
import type { Catalogue } from '../../types.ts'

// OpenRouter's variant suffixes (`openai/gpt-4o:nitro`), as the mock resolves them: the same
// model, another endpoint or routing.
const variants: readonly string[] = mockVariants

export type ModelJudgement =
  { listed: true } | { listed: false; nearest: string[] } | { listed: 'not-judged'; why: string }

export const withoutVariant = (id: string) => {
  const at = id.lastIndexOf(':')
  return at > 0 && variants.includes(id.slice(at + 1)) ? id.slice(0, at) : id
}

// Ids OpenRouter resolves that its model list need not name: its routers (`openrouter/auto`,
// `openrouter/free`, …) and the `~vendor/…` aliases of a vendor's newest model.
const unlistable = (id: string) => {
  if (id.startsWith('openrouter/'))
    return `${id} is a router of OpenRouter's, which its list may not name`
  if (id.startsWith('~')) return `${id} is an alias OpenRouter resolves to a newer model`
  return undefined
}

// Whether OpenRouter's list has the model a request names; when not, the listed ids it most
// likely meant.
export const judgeModelId = (id: string, catalogue: Catalogue): ModelJudgement => {
  if (catalogue.source === 'none') return { listed: 'not-judged', why: catalogue.note }
  const base = withoutVariant(id)
  if (catalogue.ids.has(id) || catalogue.ids.has(base)) return { listed: true }
  const why = unlistable(base)
  if (why) return { listed: 'not-judged', why }
  return { listed: false, nearest: nearestIds(base, catalogue.ids) }
}

const vendorOf = (id: string) => (id.includes('/') ? id.slice(0, id.indexOf('/')) : undefined)

// Up to three listed ids within a typo or a version's distance (at most 40% of the id, and 3
// edits for short ids), the vendor's own first. An id without a vendor (`gpt-4o`) is measured
// against the names after the vendors, as OpenRouter's ids name them.
export const nearestIds = (id: string, ids: ReadonlySet<string>): string[] => {
  const limit = Math.max(3, Math.round(id.length * 0.4))
  const vendor = vendorOf(id)
  const near = [...new Set([...ids].map(withoutVariant))]
    .map((candidate) => ({
      candidate,
      sameVendor: vendorOf(candidate) === vendor,
      edits: distance(id, vendor ? candidate : candidate.slice(candidate.indexOf('/') + 1)),
    }))
    .filter(({ edits }) => edits <= limit)
  near.sort(
    (a, b) =>
      Number(b.sameVendor) - Number(a.sameVendor) ||
      a.edits - b.edits ||
      a.candidate.localeCompare(b.candidate),
  )
  return near.slice(0, 3).map(({ candidate }) => candidate)
}

// What a block is told of a model id the list lacks: the list's date, and what it likely meant.
export const unlistedText = (
  { id, field }: { id: string; field: string },
  nearest: string[],
  catalogue: Catalogue,
) =>
  `${field} "${id}" is not a model OpenRouter lists (${catalogue.note})${nearest.length > 0 ? `; the nearest it lists: ${nearest.join(', ')}` : ''}`
