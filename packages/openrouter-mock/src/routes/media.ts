import { createHash } from 'node:crypto'
import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import { mp3, mp4, pcm, wav } from '../media/files.ts'
import { shaped } from '../operations/shaped.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'

// Speech and video: answers that are files. Speech comes back as audio bytes of the asked format;
// a video job is created, polled until it completes (each poll moves it on), then downloaded.
export const mediaHandlers = ({ keys }: MockContext) => {
  // Jobs by id, the oldest forgotten first: a long run's memory stays flat.
  const polls = new Map<string, number>()
  const remember = (id: string) => {
    polls.set(id, 0)
    if (polls.size > 1_000) polls.delete(polls.keys().next().value!)
  }
  const statusAfter = (count: number) =>
    count === 0 ? 'pending' : count === 1 ? 'in_progress' : 'completed'

  return [
    http.post(api('/audio/speech'), async ({ request }) => {
      const auth = authenticate(request, keys)
      if ('response' in auth) return auth.response
      const body = await readJson(request)
      if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
      const { input, response_format: format = 'mp3' } = body.json as {
        input?: unknown
        response_format?: string
      }
      if (typeof input !== 'string' || input.length === 0) return badRequest('input: Required')
      const audio = audioFormats[format]
      if (!audio)
        return badRequest(
          `response_format: expected one of ${Object.keys(audioFormats).join(', ')}`,
        )
      // Longer text, longer speech: about a twentieth of a second a character.
      const seconds = Math.min(10, Math.max(0.25, input.length / 20))
      return new Response(audio.bytes(seconds), {
        headers: { 'Content-Type': audio.type, 'X-Generation-Id': generationId(input) },
      })
    }),

    http.post(api('/videos'), async ({ request }) => {
      const auth = authenticate(request, keys)
      if ('response' in auth) return auth.response
      const body = await readJson(request)
      if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
      const { model, prompt } = body.json as { model?: unknown; prompt?: unknown }
      if (typeof model !== 'string') return badRequest('model: Required')
      const id = `job-${createHash('sha256')
        .update(JSON.stringify([model, prompt]))
        .digest('hex')
        .slice(0, 20)}`
      remember(id)
      return Response.json(shaped('POST', '/api/v1/videos', job(id, 'pending')), { status: 202 })
    }),

    http.get(api('/videos/:jobId'), ({ request, params }) => {
      const auth = authenticate(request, keys)
      if ('response' in auth) return auth.response
      const id = String(params.jobId)
      const count = polls.get(id)
      if (count === undefined) return unknownJob(id)
      polls.set(id, count + 1)
      return Response.json(shaped('GET', `/api/v1/videos/${id}`, job(id, statusAfter(count))))
    }),

    http.get(api('/videos/:jobId/content'), ({ request, params }) => {
      const auth = authenticate(request, keys)
      if ('response' in auth) return auth.response
      if (!polls.has(String(params.jobId))) return unknownJob(String(params.jobId))
      return new Response(mp4(), { headers: { 'Content-Type': 'video/mp4' } })
    }),
  ]
}

const audioFormats: Record<string, { type: string; bytes: (seconds: number) => Buffer }> = {
  mp3: { type: 'audio/mpeg', bytes: (seconds) => mp3(Math.ceil(seconds / 0.026)) },
  wav: { type: 'audio/wav', bytes: wav },
  pcm: { type: 'audio/pcm', bytes: pcm },
}

const generationId = (seed: string) =>
  `gen-1767225600-${createHash('sha256').update(seed).digest('base64url').replace(/[-_]/g, '').slice(0, 20)}`

const job = (id: string, status: string) => ({
  id,
  generation_id: generationId(id),
  polling_url: `/api/v1/videos/${id}`,
  status,
  ...(status === 'completed'
    ? { unsigned_urls: [`https://openrouter.ai/api/v1/videos/${id}/content`], usage: { cost: 0.5 } }
    : {}),
})

const unknownJob = (id: string) =>
  openRouterError(404, `Video job ${id} not found`, { metadata: { error_type: 'not_found' } })
