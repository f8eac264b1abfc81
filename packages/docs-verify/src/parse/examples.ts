import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser'

// JSON a page shows as an example, read as a reader reads it: comments, trailing commas and `...`
// elisions are an illustration's, not errors. An elided part is never judged: the example says it
// leaves something out there.
export type JsonExample = {
  value: unknown
  // The block line (1-based) of a field, by its path ('messages/0/role'), or of the whole value.
  lineOf: (field: string) => number
  // Whether a field is at or inside a part the example elides (`"tools": [...]`, `{ ... }`).
  elided: (field: string) => boolean
}

// `...` or `…` outside a string: as a value, a member, an array item, or a line of its own.
const elision = /(\.\.\.|…)/

// The example's text with each elision blanked to something JSON reads (a value becomes `null`,
// a member or item disappears), and where each was.
const withoutElisions = (code: string) => {
  const offsets: number[] = []
  let out = ''
  let inString = false
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!
    if (inString) {
      out += char
      if (char === '\\') out += code[++i] ?? ''
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') {
      inString = true
      out += char
      continue
    }
    const rest = code.slice(i, i + 3)
    const match = elision.exec(rest)
    if (match?.index === 0) {
      offsets.push(out.length)
      // A value after a colon stays a value; anywhere else the elision is a member or an item.
      const before = out.trimEnd()
      const value = before.endsWith(':')
      out += value ? 'null' : ' '.repeat(match[1]!.length)
      i += match[1]!.length - 1
      continue
    }
    out += char
  }
  return { text: out, offsets }
}

const segmentsOf = (field: string) =>
  field === '' ? [] : field.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part))

const contains = (node: Node, offset: number) =>
  offset >= node.offset && offset <= node.offset + node.length

// Reads a JSON example, or says why it is not JSON (with the block line).
export const readJsonExample = (code: string): JsonExample | { problem: string; line: number } => {
  const { text, offsets } = withoutElisions(code)
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false })
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length
  if (errors.length > 0 || !root) {
    const first = errors[0]
    return {
      problem: first ? printParseErrorCode(first.error) : 'empty',
      line: lineAt(first?.offset ?? 0),
    }
  }
  // The node of a field, or its nearest ancestor the example has (a field it leaves out).
  const nodeOf = (field: string) => {
    const segments = segmentsOf(field)
    for (let n = segments.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, segments.slice(0, n))
      if (node) return { node }
    }
    return { node: root }
  }
  const valueOf = (node: Node): unknown => {
    if (node.type === 'object')
      return Object.fromEntries(
        (node.children ?? []).map((member) => [
          member.children![0]!.value as string,
          valueOf(member.children![1]!),
        ]),
      )
    if (node.type === 'array') return (node.children ?? []).map(valueOf)
    return node.value
  }
  return {
    value: valueOf(root),
    lineOf: (field) => {
      const { node } = nodeOf(field)
      // A member's line is its key's, where a reader looks for a field.
      return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset)
    },
    elided: (field) => {
      // The field itself, or the nearest part the example has where it leaves the field out.
      const { node } = nodeOf(field)
      if (node.type === 'null' && offsets.includes(node.offset)) return true
      // A container with an elision among its own members leaves out what it does not show
      // (one deeper down leaves out only what is there).
      return (
        (node.type === 'object' || node.type === 'array') &&
        offsets.some(
          (offset) =>
            contains(node, offset) &&
            !(node.children ?? []).some((child) => contains(child, offset)),
        )
      )
    },
  }
}

// One event of a server-sent-events transcript, with the block line of its `data:`.
// An event whose data does not parse keeps why: a transcript with broken JSON is the page's bug.
export type StreamEvent = { event?: string; data: unknown; line: number; problem?: string }

const fieldLine = /^(data|event|id|retry):\s?(.*)$/

// A transcript of server-sent events (`data: {…}` lines, as a stream's answer shows them): its
// events; or undefined when the block is anything else (a command, prose, a single JSON value).
// Every line must be an SSE line or blank, and one at least carries JSON data.
export const readStreamExample = (code: string): StreamEvent[] | undefined => {
  const events: StreamEvent[] = []
  let name: string | undefined
  const lines = code.split('\n')
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith(':')) continue
    const field = fieldLine.exec(line)
    if (!field) return undefined
    if (field[1] === 'event') name = field[2]
    if (field[1] !== 'data') continue
    const data = field[2]!.trim()
    // A sentinel (`[DONE]`) or plain text is not an event's JSON.
    if (!data.startsWith('{') && !/^\[\s*[[{"\d]/.test(data)) continue
    const read = readJsonExample(data)
    const event = name ? { event: name } : {}
    events.push(
      'problem' in read
        ? { ...event, data: undefined, line: index + 1, problem: read.problem }
        : { ...event, data: read.value, line: index + 1 },
    )
    name = undefined
  }
  return events.some((event) => !event.problem) ? events : undefined
}
