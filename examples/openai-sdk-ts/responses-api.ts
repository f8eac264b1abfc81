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
  // The Responses API: `input` instead of messages; the answer is a list of output items.
  const response = await openai.responses.create({
    model: 'openai/gpt-5.2',
    input: 'Say this is a test',
  })

  // output_text joins the text of every output message.
  console.log(response.output_text)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: number; message?: string } | undefined
    console.error(`Error ${error.status ?? body?.code}: ${body?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
