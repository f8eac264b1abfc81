import OpenAI from 'openai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

// The SDK retries rate limits and server errors twice by default.
const openai = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey,
})

try {
  const stream = await openai.responses.create({
    model: 'openai/gpt-5.2',
    input: 'Say this is a test',
    stream: true,
  })

  // The Responses API streams typed events; the answer's text comes as output_text deltas.
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') process.stdout.write(event.delta)
  }
  process.stdout.write('\n')
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    // A stream that fails after it started has no HTTP error status, only the body's code.
    if (error.status === undefined) process.stdout.write('\n')
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
