// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const response = await fetch('https://openrouter.ai/api/v1/responses', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'openai/gpt-5.2',
    input: 'Say this is a test',
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

// The answer is a list of output items; output_text joins the text of every output message.
const result = (await response.json()) as { output_text: string }
console.log(result.output_text)
