import { http } from 'msw'
import { api } from '../api-path.ts'
import { openRouterError } from '../errors.ts'

// Routes OpenRouter has retired but still documents: they answer 410 Gone, as the spec says, so a
// snippet that still calls one fails with the real reason.
export const retiredHandlers = () => [
  http.post(api('/credits/coinbase'), () =>
    openRouterError(
      410,
      'The Coinbase APIs used by this endpoint have been deprecated, so the Coinbase Commerce credits API has been removed. Use the web credits purchase flow instead.',
    ),
  ),
]
