import type { TabResult } from './check-page.ts'

// What kind of docs bug a failure is, so a docs team can sort a site's failures: read from the
// verdict and the block's own error line.
export type Cause =
  | "the SDK's own error"
  | 'a type error'
  | 'a syntax error'
  | 'a name nothing on the page defines'
  | 'a request the API rejects'
  | 'a crash after the answer'
  | 'a crash before sending'
  | 'hangs'
  | 'sends nothing'
  | 'calls another operation'
  | 'a template that cannot be rendered'

export const causeOf = (tab: TabResult): Cause | undefined => {
  const error = tab.evidence?.error ?? ''
  switch (tab.verdict) {
    case 'type-error':
      return 'a type error'
    case 'rejected-request':
      return 'a request the API rejects'
    case 'hung':
      return 'hangs'
    case 'sent-nothing':
      return 'sends nothing'
    case 'wrong-operation':
      return 'calls another operation'
    case 'unrenderable':
      return 'a template that cannot be rendered'
    case 'crashed':
      return 'a crash after the answer'
    case 'failed-before-sending':
      if (/\b\w*ValidationError\b/.test(error)) return "the SDK's own error"
      if (/SyntaxError|IndentationError|ERR_INVALID_TYPESCRIPT_SYNTAX/.test(error))
        return 'a syntax error'
      if (/ReferenceError: .+ is not defined|NameError: name /.test(error))
        return 'a name nothing on the page defines'
      return 'a crash before sending'
    default:
      return undefined
  }
}

// How many failures of each cause, most first: the site summary's second line.
export const countByCause = (failures: TabResult[]) =>
  [...Map.groupBy(failures, (tab) => causeOf(tab) ?? 'other').entries()]
    .map(([cause, tabs]) => ({ cause, count: tabs.length }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
