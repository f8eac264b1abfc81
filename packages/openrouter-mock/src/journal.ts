import { maskKey } from './keys.ts'

export type Transport = 'direct' | 'proxy'

export type RecordedResponse = { status: number; headers: Record<string, string>; body: string }

// A request as it reached the mock: header names as the client wrote them, in order.
export type RequestEntry = {
  kind: 'request'
  id: number
  time: string
  via: Transport
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
  host: string
  port: number
  reason: string
}

export type JournalEntry = RequestEntry | RefusedEntry

type NewEntry = Omit<RequestEntry, 'id' | 'time'> | Omit<RefusedEntry, 'id' | 'time'>

export class Journal {
  readonly #entries: JournalEntry[] = []

  record(entry: NewEntry): JournalEntry {
    const recorded = {
      ...entry,
      id: this.#entries.length + 1,
      time: new Date().toISOString(),
    } as JournalEntry
    this.#entries.push(recorded)
    return recorded
  }

  entries(filter: { key?: string } = {}): JournalEntry[] {
    if (filter.key === undefined) return [...this.#entries]
    return this.#entries.filter((entry) => entry.kind === 'request' && entry.key === filter.key)
  }

  requests(filter: { key?: string } = {}): RequestEntry[] {
    return this.entries(filter).filter((entry) => entry.kind === 'request')
  }

  refused(): RefusedEntry[] {
    return this.#entries.filter((entry) => entry.kind === 'refused')
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
