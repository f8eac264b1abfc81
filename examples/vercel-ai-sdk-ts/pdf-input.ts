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

const openrouter = createOpenRouter({ apiKey })

try {
  const { text } = await generateText({
    // How OpenRouter turns the PDF into text for the model: here its Cloudflare AI parser.
    model: openrouter('openai/gpt-5.2', {
      plugins: [{ id: 'file-parser', pdf: { engine: 'cloudflare-ai' } }],
    }),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What are the main points in this document?' },
          // A PDF by URL: OpenRouter fetches it and parses it for the model.
          {
            type: 'file',
            mediaType: 'application/pdf',
            filename: 'document.pdf',
            data: new URL('https://docs-conformance.example/document.pdf'),
          },
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
