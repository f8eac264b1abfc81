// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'meta-llama/llama-3.3-70b-instruct',
    // Provider routing: try Groq first, and no other provider if it cannot serve.
    provider: { order: ['groq'], allow_fallbacks: false },
    messages: [{ role: 'user', content: 'Say this is a test' }],
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

// The answer names the provider that served it.
const completion = (await response.json()) as {
  provider: string
  choices: { message: { content: string } }[]
}
console.log(`Provider: ${completion.provider}`)
console.log(completion.choices[0]?.message.content)
