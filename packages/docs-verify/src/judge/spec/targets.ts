// Where an operation's schemas are: its JSON request body, its responses by status, and the
// events of a stream. Pointers into the document, for Ajv to compile and issues to name.
import { isJson, pointerTo, resolveRef } from './document.ts'
import { partsOf } from './shape.ts'
import type { OperationEntry } from './operations.ts'
import type { ExampleTarget } from '../../types.ts'

const isJsonType = (type: string) => /^application\/json\b|[/+]json\b/i.test(type)
const isStreamType = (type: string) => /event-stream/i.test(type)

// The media type of a content map that fits, and the pointer of its schema.
function mediaOf(content: unknown, at: string, fits: (type: string) => boolean) {
  if (!isJson(content)) return undefined
  const type = Object.keys(content).find(fits)
  const media = type === undefined ? undefined : content[type]
  if (!isJson(media) || media.schema === undefined) return undefined
  return { media, pointer: `${at}${pointerTo('content', type ?? '', 'schema')}` }
}

export function requestTarget(entry: OperationEntry) {
  const root = entry.document.value
  const body = resolveRef(root, entry.value.requestBody, `${entry.operation.pointer}/requestBody`)
  if (!isJson(body.node)) return undefined
  const found = mediaOf(body.node.content, body.pointer, isJsonType)
  return { pointer: found?.pointer, required: body.node.required === true }
}

// The response for a status: its own, else its range's (`2XX`), else the default.
function responseOf(entry: OperationEntry, status: number | 'default') {
  const root = entry.document.value
  const responses = resolveRef(root, entry.value.responses, `${entry.operation.pointer}/responses`)
  if (!isJson(responses.node)) return undefined
  const range = `${String(status)[0]}XX`
  const keys =
    status === 'default' ? ['default'] : [String(status), range, range.toLowerCase(), 'default']
  const key = keys.find((candidate) =>
    isJson((responses.node as Record<string, unknown>)[candidate]),
  )
  if (key === undefined) return undefined
  const { node, pointer } = resolveRef(
    root,
    responses.node[key],
    `${responses.pointer}${pointerTo(key)}`,
  )
  return isJson(node) ? { node, pointer } : undefined
}

export function responseTarget(entry: OperationEntry, status: number | 'default') {
  const response = responseOf(entry, status)
  return response && mediaOf(response.node.content, response.pointer, isJsonType)
}

// A stream's schema, and whether it is an envelope of the event (`{ data, event? }`): then an
// event's data is its `data` property.
export function streamTarget(entry: OperationEntry, status: number | 'default') {
  const response = responseOf(entry, status)
  const found = response && mediaOf(response.node.content, response.pointer, isStreamType)
  if (!found) return undefined
  const root = entry.document.value
  const parts = partsOf(root, found.media.schema, found.pointer)
  const declares = (name: string) =>
    parts.find(({ node }) => isJson(node.properties) && name in node.properties)
  const data = declares('data')
  const sentinel = found.media['x-speakeasy-sse-sentinel']
  return {
    pointer: found.pointer,
    ...(typeof sentinel === 'string' ? { sentinel } : {}),
    envelope: data && {
      data: `${data.pointer}/properties/data`,
      event: declares('event') !== undefined,
      id: declares('id') !== undefined,
    },
  }
}

// A response's status as a number: `2XX` stands for 200 where the spec lists no 200 itself.
function statusOf(code: string, codes: string[]): number | 'default' | undefined {
  if (/^\d{3}$/.test(code)) return Number(code)
  if (code === 'default') return 'default'
  const first = /^([1-5])XX$/i.exec(code)?.[1]
  return first && !codes.includes(`${first}00`) ? Number(first) * 100 : undefined
}

function statusesOf(entry: OperationEntry) {
  const responses = resolveRef(entry.document.value, entry.value.responses, '').node
  const codes = isJson(responses) ? Object.keys(responses) : []
  return codes.flatMap((code) => statusOf(code, codes) ?? [])
}

export function targetsOf(entry: OperationEntry): ExampleTarget[] {
  const targets: ExampleTarget[] = []
  if (requestTarget(entry)?.pointer) targets.push({ role: 'request' })
  for (const status of statusesOf(entry)) {
    if (responseTarget(entry, status)) targets.push({ role: 'response', status })
    if (streamTarget(entry, status)) targets.push({ role: 'response', status, stream: true })
  }
  return targets
}

// The status an example stands for where the caller names none: the first success listed.
export function defaultStatus(entry: OperationEntry): number | 'default' {
  const statuses = statusesOf(entry)
  return (
    statuses.find((status) => typeof status === 'number' && status >= 200 && status < 300) ??
    'default'
  )
}
