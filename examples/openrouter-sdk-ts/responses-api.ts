import { OpenRouter } from '@openrouter/sdk'
import { OpenRouterError } from '@openrouter/sdk/models/errors'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openRouter = new OpenRouter({
  apiKey,
  // Give up on server errors after 5 seconds; by default this SDK keeps retrying for an hour.
  retryConfig: {
    strategy: 'backoff',
    backoff: { initialInterval: 500, maxInterval: 2000, exponent: 1.5, maxElapsedTime: 5000 },
    retryConnectionErrors: true,
  },
})

try {
  // The Responses API: `input` instead of messages; the answer is a list of output items.
  const response = await openRouter.responses.send({
    responsesRequest: { model: 'openai/gpt-5.2', input: 'Say this is a test' },
  })

  // responses.send returns a response, or a stream when `stream: true` is set.
  if (!('output' in response)) throw new Error('expected a response, got a stream')
  // outputText joins the text of every output message.
  console.log(response.outputText)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenRouterError) {
    const body = JSON.parse(error.body) as { error?: { message?: string } }
    console.error(`Error ${error.statusCode}: ${body.error?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
