import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { shaped } from '../operations/shaped.ts'

// Reading observability destinations is answered from the SDKs' schemas (as the spec floor
// would), with the fact the SDKs cannot state: a destination's `config` is the one its `type`
// names. Every destination read is a webhook, whose config is a URL. Writes use the floor.
export const observabilityHandlers = ({ keys }: MockContext) => {
  const destination = {
    type: 'webhook',
    config: { url: 'https://example.com/openrouter-events', method: 'POST', headers: {} },
  }
  const read = ({ request }: { request: Request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const path = new URL(request.url).pathname
    const data = path.endsWith('/destinations') ? [destination, destination] : destination
    return Response.json(shaped('GET', path, { data }))
  }
  return [
    http.get(api('/observability/destinations'), read),
    http.get(api('/observability/destinations/:id'), read),
  ]
}
