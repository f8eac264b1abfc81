import { http } from 'msw'
import type { MockContext } from './context.ts'
import { messages, openRouterError } from './errors.ts'
import { GenerationStore } from './generations.ts'
import { chatCompletionHandlers } from './routes/chat-completions.ts'
import { accountHandlers } from './routes/account.ts'
import { authKeyHandlers } from './routes/auth-keys.ts'
import { embeddingHandlers } from './routes/embeddings.ts'
import { guardrailHandlers } from './routes/guardrails.ts'
import { currentKeyHandlers } from './routes/key.ts'
import { keyManagementHandlers } from './routes/keys.ts'
import { mediaHandlers } from './routes/media.ts'
import { messagesHandlers } from './routes/messages.ts'
import { responsesHandlers } from './routes/responses.ts'
import { modelHandlers } from './routes/models.ts'
import { observabilityHandlers } from './routes/observability.ts'
import { retiredHandlers } from './routes/retired.ts'
import { specFloorHandlers } from './routes/spec-floor.ts'

export type { MockContext } from './context.ts'

// The one list of handlers, by family of routes (one file each under routes/), happy paths first.
// A new route goes in its family's file; a new family gets a file and a line here.
export const createHandlers = (options: Partial<MockContext> & Pick<MockContext, 'keys'>) => {
  const context: MockContext = {
    generations: new GenerationStore(),
    strictModels: false,
    ...options,
  }
  return [
    ...chatCompletionHandlers(context),
    ...responsesHandlers(context),
    ...messagesHandlers(context),
    ...embeddingHandlers(context),
    ...currentKeyHandlers(context),
    ...keyManagementHandlers(context),
    ...accountHandlers(context),
    ...authKeyHandlers(context),
    // Before media: `/videos/models` is a list, not the video job `models`.
    ...modelHandlers(context),
    ...mediaHandlers(context),

    ...guardrailHandlers(context),
    ...observabilityHandlers(context),
    ...retiredHandlers(),

    // Every other operation of the official SDKs, answered from their schemas.
    ...specFloorHandlers(context),

    // Unknown routes answer in OpenRouter's error shape, never with an HTML page.
    http.all('*', () =>
      openRouterError(404, messages.notFound, { metadata: { error_type: 'not_found' } }),
    ),
  ]
}
