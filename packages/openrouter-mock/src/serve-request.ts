import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { getResponse, type RequestHandler } from 'msw'
import { bearerToken } from './auth.ts'
import { errorBody, messages } from './errors.ts'
import type { Journal, RequestEntry, Transport } from './journal.ts'

// OpenRouter's real cap is not published; 4 MiB is far above any chat a docs snippet sends.
export const maxBodyBytes = 4 * 1024 * 1024

export type ServeOptions = {
  handlers: readonly RequestHandler[]
  journal: Journal
  via: Transport
  tag?: string
  // Where requests arrive: a fixed origin, or one read from each request's `Host`.
  origin: string | ((host: string | undefined) => string)
  // Requests under these paths are the mock's own controls and stay out of the journal.
  unjournaledPrefix?: string
}

type Body = { bytes: Buffer; tooLarge: boolean }

const readBody = async (incoming: IncomingMessage): Promise<Body> => {
  const chunks: Buffer[] = []
  let size = 0
  // A body over the cap is still drained, so the client can read the 413 we answer with.
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= maxBodyBytes) chunks.push(chunk)
  }
  return { bytes: Buffer.concat(chunks), tooLarge: size > maxBodyBytes }
}

const headerPairs = (raw: readonly string[]): [string, string][] => {
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!])
  return pairs
}

const jsonError = (status: number, message: string) =>
  Response.json(errorBody(status, message), { status })

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

// Turns a Node request into a Fetch Request, asks the msw handlers, streams the answer back and
// journals both sides. Nothing a client sends makes it throw: failures become OpenRouter errors.
export const createRequestListener =
  (options: ServeOptions) => async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = incoming.url ?? '/'
    const rawHeaders = headerPairs(incoming.rawHeaders)
    const entry: Omit<RequestEntry, 'id' | 'time' | 'kind'> = {
      via: options.via,
      ...(options.tag === undefined ? {} : { tag: options.tag }),
      method: incoming.method ?? 'GET',
      url: new URL(
        path,
        typeof options.origin === 'string' ? options.origin : options.origin(incoming.headers.host),
      ).href,
      path,
      rawHeaders,
      body: '',
      key: bearerToken(incoming.headers.authorization ?? null),
    }
    const journaled = !(options.unjournaledPrefix && path.startsWith(options.unjournaledPrefix))

    let response: Response
    try {
      const body = await readBody(incoming)
      entry.body = body.bytes.toString('utf8')
      entry.json = parseJson(entry.body)
      response = body.tooLarge
        ? jsonError(413, messages.payloadTooLarge)
        : await respond(options.handlers, entry, rawHeaders, body.bytes)
    } catch (error) {
      entry.problem = `could not read the request: ${(error as Error).message}`
      response = jsonError(400, 'Invalid request')
    }

    const recorded = await send(response, outgoing)
    if (!recorded.complete)
      entry.problem ??= 'the client closed the connection before the response ended'
    entry.response = recorded.response
    if (journaled) options.journal.record({ kind: 'request', ...entry })
  }

const respond = async (
  handlers: readonly RequestHandler[],
  entry: { method: string; url: string },
  rawHeaders: [string, string][],
  body: Buffer,
): Promise<Response> => {
  let request: Request
  try {
    const headers = new Headers()
    for (const [name, value] of rawHeaders) headers.append(name, value)
    const hasBody = body.length > 0 && entry.method !== 'GET' && entry.method !== 'HEAD'
    request = new Request(entry.url, {
      method: entry.method,
      headers,
      body: hasBody ? body : undefined,
    })
  } catch (error) {
    return jsonError(400, `Invalid request: ${(error as Error).message}`)
  }
  try {
    return (await getResponse([...handlers], request)) ?? jsonError(404, messages.notFound)
  } catch (error) {
    console.error('openrouter-mock: a handler failed:', error)
    return jsonError(500, messages.internal)
  }
}

// Every response carries a generation id, as OpenRouter's do.
const generationId = () => `gen-${Math.floor(Date.now() / 1000)}-${randomBytes(10).toString('hex')}`

const send = async (response: Response, outgoing: ServerResponse) => {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => (headers[name] = value))
  headers['x-generation-id'] ??= generationId()
  outgoing.writeHead(response.status, headers)

  const decoder = new TextDecoder()
  let text = ''
  let complete = true
  const reader = response.body?.getReader()
  const stop = () => void reader?.cancel().catch(() => {})
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) {
      complete = false
      stop()
    }
  })
  try {
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
      if (outgoing.destroyed) break
      outgoing.write(value)
    }
  } catch {
    complete = false
  }
  outgoing.end()
  return { complete, response: { status: response.status, headers, body: text } }
}
