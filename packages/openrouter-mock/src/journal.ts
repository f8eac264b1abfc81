import { maskKey } from './keys.ts'

export type Transport = 'direct' | 'proxy'

export type RecordedResponse = { status: number; headers: Record<string, string>; body: string }

// A request as it reached the mock: header names as the client wrote them, in order.
export type RequestEntry = {
  kind: 'request'
  id: number
  time: string
  via: Transport
  // Which proxy listener it came through, when a caller opened its own (see `openProxy`).
  tag?: string
  method: string
  url: string
  path: string
  rawHeaders: [string, string][]
  body: string
  json?: unknown
  key?: string
  response?: RecordedResponse
  // Set when the client went away or the body could not be read.
  problem?: string
}

// A connection the proxy refused because it asked for a host other than openrouter.ai.
export type RefusedEntry = {
  kind: 'refused'
  id: number
  time: string
  tag?: string
  host: string
  port: number
  reason: string
}

export type JournalEntry = RequestEntry | RefusedEntry

export type JournalFilter = { key?: string; tag?: string; after?: number }

type NewEntry = Omit<RequestEntry, 'id' | 'time'> | Omit<RefusedEntry, 'id' | 'time'>

// Memory stays bounded: a harness drops a tag's entries once it has judged them (`forget`), and
// past `capacity` the oldest entries go first, so a mock left running keeps the recent ones.
export class Journal {
  readonly #entries = new Map<number, JournalEntry>()
  readonly capacity: number
  #lastId = 0

  // A person reading a running mock's journal wants the recent requests, not all of them.
  constructor(capacity = 1_000) {
    this.capacity = capacity
  }

  record(entry: NewEntry): JournalEntry {
    this.#lastId += 1
    const recorded = { ...entry, id: this.#lastId, time: new Date().toISOString() } as JournalEntry
    this.#entries.set(recorded.id, recorded)
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
    return recorded
  }

  // A key selects the requests made with it; a tag selects everything through that proxy;
  // `after` an id selects what came since (a reader's paging cursor).
  entries(filter: JournalFilter = {}): JournalEntry[] {
    return [...this.#entries.values()].filter(
      (entry) =>
        (filter.key === undefined || (entry.kind === 'request' && entry.key === filter.key)) &&
        (filter.tag === undefined || entry.tag === filter.tag) &&
        (filter.after === undefined || entry.id > filter.after),
    )
  }

  forget(filter: { tag: string }) {
    for (const [id, entry] of this.#entries) if (entry.tag === filter.tag) this.#entries.delete(id)
  }

  get size() {
    return this.#entries.size
  }

  requests(filter: JournalFilter = {}): RequestEntry[] {
    return this.entries(filter).filter((entry) => entry.kind === 'request')
  }

  refused(filter: { tag?: string } = {}): RefusedEntry[] {
    return this.entries(filter).filter((entry) => entry.kind === 'refused')
  }
}

// The journal as it leaves the process: keys and Authorization values masked.
export const publicEntry = (entry: JournalEntry): JournalEntry => {
  if (entry.kind !== 'request' || entry.key === undefined) return entry
  const key = entry.key
  return {
    ...entry,
    key: maskKey(key),
    rawHeaders: entry.rawHeaders.map(([name, value]) => [
      name,
      value.replaceAll(key, maskKey(key)),
    ]),
  }
}
