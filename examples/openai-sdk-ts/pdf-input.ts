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
    // How OpenRouter turns the PDF into text for the model: here its Cloudflare AI parser.
    // `plugins` is OpenRouter's, not OpenAI's: the SDK sends it as written, its types do not know it.
    // @ts-expect-error
    plugins: [{ id: 'file-parser', pdf: { engine: 'cloudflare-ai' } }],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What are the main points in this document?' },
          // A PDF by URL: OpenRouter fetches it and parses it for the model.
          {
            type: 'file',
            file: {
              filename: 'document.pdf',
              file_data: 'https://docs-conformance.example/document.pdf',
            },
          },
        ],
      },
    ],
  })

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
