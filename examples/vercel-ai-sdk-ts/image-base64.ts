import { readFileSync } from 'node:fs'
import { createOpenRouter } from '@openrouter/ai-sdk-provider'
import { APICallError, generateText, RetryError } from 'ai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

// A local image: the SDK sends its bytes inline, as a base64 data URL.
const image = readFileSync(new URL('image.png', import.meta.url))

const openrouter = createOpenRouter({ apiKey })

try {
  const { text } = await generateText({
    model: openrouter('openai/gpt-5.2'),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this image?' },
          // The image, inline.
          { type: 'file', mediaType: 'image/png', data: image },
        ],
      },
    ],
  })

  console.log(text)
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
