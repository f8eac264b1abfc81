import { createOpenRouter } from '@openrouter/ai-sdk-provider'
import { APICallError, generateText, jsonSchema, Output, RetryError } from 'ai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openrouter = createOpenRouter({ apiKey })

// The reply must be JSON that fits this schema.
const weatherSchema = jsonSchema<Record<string, unknown>>({
  type: 'object',
  properties: {
    city: { type: 'string' },
    temperature: { type: 'number' },
    conditions: { type: 'string' },
  },
  required: ['city', 'temperature', 'conditions'],
  additionalProperties: false,
})

try {
  const { output: weather } = await generateText({
    model: openrouter('openai/gpt-5.2'),
    output: Output.object({ schema: weatherSchema, name: 'weather' }),
    prompt: 'What is the weather in Paris?',
  })

  for (const [field, value] of Object.entries(weather)) console.log(`${field}: ${value}`)
} catch (error) {
  // The AI SDK retries rate limits and server errors twice, then reports the last error.
  const cause = RetryError.isInstance(error) ? error.lastError : error
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (APICallError.isInstance(cause)) {
    const body = JSON.parse(cause.responseBody ?? '{}') as { error?: { message?: string } }
    console.error(`Error ${cause.statusCode}: ${body.error?.message ?? cause.message}`)
    process.exit(1)
  }
  throw error
}
