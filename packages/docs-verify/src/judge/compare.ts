import { differences, type CanonicalRequest } from '@conformance/common'
import type { Comparison } from '../types.ts'

type Sender = { title: string; request: CanonicalRequest; warnings: string[] }

// What the tabs of one group send differently from each other, by canonical request.
export const compareTabs = (senders: Sender[]): Comparison => {
  const headers: string[] = []
  const names = [
    ...new Set(senders.flatMap((sender) => Object.keys(sender.request.headers))),
  ].sort()
  for (const name of names) {
    const byValue = Map.groupBy(senders, (sender) => sender.request.headers[name] ?? '')
    if (byValue.size < 2) continue
    const parts = [...byValue.entries()].map(
      ([value, group]) =>
        `${value === '' ? 'missing from' : `${JSON.stringify(value)} from`} ${group.map((sender) => sender.title).join(', ')}`,
    )
    headers.push(`${name}: ${parts.join('; ')}`)
  }
  for (const sender of senders) {
    for (const warning of sender.warnings) headers.push(`${sender.title} ${warning}`)
  }
  const [first, ...rest] = senders
  const bodies = rest.flatMap((sender) => {
    const sides = [`${first!.title} sends`, `${sender.title} sends`]
    const found = differences(
      { method: first!.request.method, path: first!.request.path, body: first!.request.body },
      { method: sender.request.method, path: sender.request.path, body: sender.request.body },
      '',
      sides,
    )
    return found
  })
  return { headers, bodies }
}
