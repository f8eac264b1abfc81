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
    model: 'meta-llama/llama-3.3-70b-instruct',
    // Provider routing: try Groq first, and no other provider if it cannot serve.
    // `provider` is OpenRouter's, not OpenAI's: the SDK sends it as written, its types do not know it.
    // @ts-expect-error
    provider: { order: ['groq'], allow_fallbacks: false },
    messages: [{ role: 'user', content: 'Say this is a test' }],
  })

  // The answer names the provider that served it: OpenRouter's field, not in the SDK's types.
  console.log(`Provider: ${(completion as typeof completion & { provider: string }).provider}`)
  console.log(completion.choices[0]?.message.content)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
