import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { shaped } from '../operations/shaped.ts'

// Reading guardrails is answered from the SDKs' schemas (as the spec floor would), with one fact
// the SDKs cannot state: built-in content filters are named from a closed list the SDKs type as
// open. None are set here, so the answers stay valid for every reader. Writes use the floor.
export const guardrailHandlers = ({ keys }: MockContext) => {
  const read = ({ request }: { request: Request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const path = new URL(request.url).pathname
    const guardrail = { content_filter_builtins: [] }
    const data = path.endsWith('/guardrails') ? [guardrail, guardrail] : guardrail
    return Response.json(shaped('GET', path, { data }))
  }
  return [http.get(api('/guardrails'), read), http.get(api('/guardrails/:id'), read)]
}
