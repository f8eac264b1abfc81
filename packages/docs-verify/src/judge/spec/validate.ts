// What a request sent, what the mock answered, and what a page's example shows, each held to the
// operation's schemas. Requests and answers as the spec writes them; a page's examples also
// refused fields the spec does not declare.
import { valueAt } from './document.ts'
import { finish, issuesFor, place, type Policy } from './issues.ts'
import type { Judges } from './judge.ts'
import type { OperationEntry } from './operations.ts'
import { checkParameters, type SentParameters } from './parameters.ts'
import { fitOf } from './shape.ts'
import { sseEvents } from './sse.ts'
import { defaultStatus, requestTarget, responseTarget, streamTarget } from './targets.ts'
import type { ExampleCheck, ExampleTarget, SpecIssue } from '../../types.ts'

const AS_WRITTEN: Policy = { required: 'failure', unknown: 'failure' }
const NOT_JSON = /multipart\/|form-urlencoded|octet-stream/i

const parse = (text: string): { value: unknown } | { error: string } => {
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

export function checkRequestOf(
  entry: OperationEntry,
  judges: Judges,
  sent: SentParameters & { body: string },
): SpecIssue[] {
  const issues = checkParameters(entry, judges.written, sent)
  const target = requestTarget(entry)
  const type = sent.headers.find(([key]) => key.toLowerCase() === 'content-type')?.[1] ?? ''
  if (sent.body.trim() === '') {
    if (target?.required) {
      const pointer = `${entry.operation.pointer}/requestBody`
      issues.push(
        place(judges.written, 'failure', '', 'is required: the request has no body', pointer),
      )
    }
    return finish(issues)
  }
  if (!target?.pointer || NOT_JSON.test(type)) return finish(issues)
  const body = parse(sent.body)
  if ('error' in body) {
    // Only a body that says it is JSON is held to be JSON.
    if (/json/i.test(type))
      issues.push(
        place(judges.written, 'failure', '', `is not JSON (${body.error})`, target.pointer),
      )
    return finish(issues)
  }
  issues.push(...issuesFor(judges.written, target.pointer, body.value, AS_WRITTEN))
  // Real clients send fields a spec does not name, and the spec is often silent on them: said,
  // not failed.
  const strict = { required: 'warning', unknown: 'warning' } as const
  issues.push(
    ...issuesFor(judges.strict(), target.pointer, body.value, strict, {
      only: (error) => error.keyword === 'unevaluatedProperties',
    }),
  )
  return finish(issues)
}

export function checkResponseOf(
  entry: OperationEntry,
  judges: Judges,
  status: number,
  contentType: string,
  body: string,
): SpecIssue[] {
  const judge = judges.written
  if (/event-stream/i.test(contentType)) {
    const stream = streamTarget(entry, status)
    if (!stream) return []
    const issues: SpecIssue[] = []
    const seen = new Set<string>()
    sseEvents(body).forEach((event, index) => {
      if (event.data === '[DONE]' || event.data === stream.sentinel) return
      const parsed = parse(event.data)
      const data = 'value' in parsed ? parsed.value : event.data
      const envelope = stream.envelope
      const value = envelope
        ? {
            data,
            ...(envelope.event && event.event !== undefined ? { event: event.event } : {}),
            ...(envelope.id && event.id !== undefined ? { id: event.id } : {}),
          }
        : data
      // The same fault in every chunk is one fault.
      for (const issue of issuesFor(judge, stream.pointer, value, AS_WRITTEN)) {
        const key = issue.field + '\0' + issue.message
        if (seen.has(key)) continue
        seen.add(key)
        issues.push({ ...issue, message: `${issue.message} (in event ${index + 1})` })
      }
    })
    return finish(issues)
  }
  const target = responseTarget(entry, status)
  // A status or a media type the spec does not list: it may be silent, and nothing is judged.
  if (!target) return []
  const parsed = parse(body)
  if ('error' in parsed)
    return [place(judge, 'failure', '', `is not JSON (${parsed.error})`, target.pointer)]
  return issuesFor(judge, target.pointer, parsed.value, AS_WRITTEN)
}

export function checkExampleOf(
  entry: OperationEntry,
  judges: Judges,
  role: ExampleTarget['role'],
  value: unknown,
  options: Omit<ExampleTarget, 'role'> = {},
): ExampleCheck {
  const status = options.status ?? defaultStatus(entry)
  const stream = options.stream ? streamTarget(entry, status) : undefined
  const pointer =
    role === 'request'
      ? requestTarget(entry)?.pointer
      : options.stream
        ? (stream?.envelope?.data ?? stream?.pointer)
        : responseTarget(entry, status)?.pointer
  if (pointer === undefined) {
    const what = role === 'request' ? 'request body' : `${String(status)} response`
    const message = `the spec gives ${entry.operation.method.toUpperCase()} ${entry.operation.path} no JSON ${what}`
    return {
      fit: 0,
      issues: [place(judges.written, 'warning', '', message, entry.operation.pointer)],
    }
  }
  const policy: Policy =
    role === 'request'
      ? { required: 'failure', unknown: 'failure' }
      : { required: 'warning', unknown: 'failure', abridged: true }
  const issues = issuesFor(judges.strict(), pointer, value, policy)
  const valid = !issues.some((issue) => issue.severity === 'failure')
  const root = entry.document.value
  return { fit: fitOf(root, valueAt(root, pointer), value, valid), issues }
}
