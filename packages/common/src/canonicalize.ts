import { anyKeyPattern, type RequestEntry } from '@conformance/openrouter-mock'

// A request reduced to what the API acts on, so requests from different languages compare equal
// exactly when they mean the same thing. Each rule says why; the reports print the profile.
export type CanonicalRequest = {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
}

export type Canonicalized = { request: CanonicalRequest; warnings: string[] }

export const keyPlaceholder = '<OPENROUTER_API_KEY>'
// Any other OpenRouter key a request carries (a docs snippet's management key): never printed
// whole, and equal across tabs that each got their own.
export const otherKeyPlaceholder = '<ANOTHER_OPENROUTER_KEY>'

// Dropped headers: transport and client identity, which differ by runtime and mean nothing to
// OpenRouter. Anything not listed here is compared.
export const droppedHeaders: Record<string, string> = {
  'user-agent': 'names the client library and runtime, different in every style by design',
  'x-stainless-*': "the OpenAI SDKs' telemetry (language, OS, retry count, timeout)",
  accept: "OpenRouter picks JSON or SSE from the body's `stream`, never from Accept",
  'accept-encoding': 'transport compression, negotiated per runtime',
  'accept-language': 'sent by some fetch implementations; OpenRouter ignores it',
  'sec-fetch-mode': "Node's fetch adds it; browsers' CORS metadata, meaningless to the API",
  connection: 'hop-by-hop transport header',
  'keep-alive': 'hop-by-hop transport header',
  host: 'always openrouter.ai: every cell calls the same URL',
  'content-length': 'framing; the body itself is compared',
  'transfer-encoding': 'framing; the body itself is compared',
  'cookie (empty)': '@openrouter/sdk sends an empty Cookie header; an empty cookie carries nothing',
  'content-type (no body)': 'describes a body; a GET without one means nothing by it',
}

export const renamedHeaders: Record<string, { to: string; why: string }> = {
  'x-title': {
    to: 'x-openrouter-title',
    why: 'X-Title is the legacy alias of X-OpenRouter-Title: equal in meaning, reported as a warning',
  },
}

export const bodyRules: Record<string, string> = {
  'stream: false':
    'false is the default, and OpenRouter treats it as absent (@openrouter/sdk always sends it)',
  'JSON structure': 'bodies are compared parsed, so key order and whitespace do not matter',
  'content: [one text part]':
    "a message whose content is a single text part (the Vercel AI SDK's provider sends system messages so) means the same as that text as a string, which the other styles send",
  'service_tier: "auto"':
    "auto is the spec's default tier, so it means the same as no tier (the OpenRouter SDKs always send it on /responses)",
  'responses store: false':
    'on /responses the spec allows only false, its default: OpenRouter keeps no responses (the OpenRouter SDKs always send it)',
  'tool_choice: "auto" beside tools':
    'auto is the default whenever tools are given, so OpenRouter treats it as absent (the AI SDK always sends it)',
  'message fields set to null':
    "an assistant message sent back as the SDK returned it carries the reply's empty fields (refusal: null, reasoning: null); null means absent, so they are dropped (content is kept: null content beside tool calls is what every style sends)",
  'tool result that is JSON':
    "a tool message's JSON content is compared re-serialized compactly: Python's json.dumps spaces it, JavaScript's JSON.stringify does not, and the model reads the same data",
  'embeddings input: [one string]':
    "OpenRouter embeds each string of a list, so a list of one string (the AI SDK's embed sends so) gets the same single embedding as the string itself",
}

const isDropped = (name: string, value: string, hasBody: boolean) =>
  name.startsWith('x-stainless-') ||
  name in droppedHeaders ||
  (name === 'cookie' && value.trim() === '') ||
  (name === 'content-type' && !hasBody)

const parseBody = (raw: string): unknown => {
  if (raw === '') return null
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

type Message = { role?: unknown; content?: unknown; [field: string]: unknown }
const isOneTextPart = (content: unknown): content is [{ type: 'text'; text: string }] =>
  Array.isArray(content) &&
  content.length === 1 &&
  Object.keys(content[0] ?? {})
    .sort()
    .join() === 'text,type' &&
  content[0].type === 'text' &&
  typeof content[0].text === 'string'

const compactJson = (text: string) => {
  try {
    const value = JSON.parse(text) as unknown
    return value !== null && typeof value === 'object' ? JSON.stringify(value) : text
  } catch {
    return text
  }
}

const canonicalMessage = (message: Message): Message => {
  const fields = Object.entries(message).filter(
    ([name, value]) => value !== null || name === 'content',
  )
  const canonical: Message = Object.fromEntries(fields)
  if (isOneTextPart(canonical.content)) canonical.content = canonical.content[0].text
  if (canonical.role === 'tool' && typeof canonical.content === 'string')
    canonical.content = compactJson(canonical.content)
  return canonical
}

const isOneString = (input: unknown): input is [string] =>
  Array.isArray(input) && input.length === 1 && typeof input[0] === 'string'

const canonicalBody = (body: unknown, path: string): unknown => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body
  const { stream, ...rest } = body as Record<string, unknown>
  const canonical = stream === false ? rest : { ...(body as Record<string, unknown>) }
  if (Array.isArray(canonical.messages))
    canonical.messages = (canonical.messages as Message[]).map(canonicalMessage)
  if (canonical.tool_choice === 'auto' && Array.isArray(canonical.tools))
    delete canonical.tool_choice
  if (canonical.service_tier === 'auto') delete canonical.service_tier
  if (path.endsWith('/responses') && canonical.store === false) delete canonical.store
  if (path.endsWith('/embeddings') && isOneString(canonical.input))
    canonical.input = canonical.input[0]
  return canonical
}

const sortKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).sort(([a], [b]) => a.localeCompare(b)))

export const canonicalize = (
  entry: Pick<RequestEntry, 'method' | 'path' | 'rawHeaders' | 'body'>,
  key?: string,
): Canonicalized => {
  const warnings: string[] = []
  const hasBody = entry.body !== ''
  const headers: Record<string, string> = {}
  for (const [rawName, rawValue] of entry.rawHeaders) {
    let name = rawName.toLowerCase()
    const value = (key ? rawValue.replaceAll(key, keyPlaceholder) : rawValue).replace(
      anyKeyPattern,
      otherKeyPlaceholder,
    )
    if (isDropped(name, value, hasBody)) continue
    const rename = renamedHeaders[name]
    if (rename) {
      warnings.push(`sends ${rawName}, the legacy alias of ${rename.to}`)
      name = rename.to
    }
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value
  }
  return {
    request: {
      method: entry.method,
      path: entry.path,
      headers: sortKeys(headers),
      body: canonicalBody(parseBody(entry.body), entry.path),
    },
    warnings,
  }
}
