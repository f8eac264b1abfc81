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
  const completion = await openai.chat.completions.create({
    model: 'openai/gpt-5.2',
    messages: [{ role: 'user', content: 'What is the meaning of life?' }],
    // The web plugin searches first; the answer cites its sources as url_citation annotations.
    // `plugins` is OpenRouter's, not OpenAI's: the SDK sends it as written, its types do not know it.
    // @ts-expect-error
    plugins: [{ id: 'web' }],
  })

  // OpenAI's own message type has the annotations too.
  const message = completion.choices[0]!.message
  console.log(message.content)
  console.log('Sources:')
  for (const { url_citation: source } of message.annotations ?? []) {
    console.log(`- ${source.title}: ${source.url}`)
  }
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
