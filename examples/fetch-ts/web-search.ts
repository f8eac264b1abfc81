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
    model: 'openai/gpt-5.2',
    messages: [{ role: 'user', content: 'What is the meaning of life?' }],
    // The web plugin searches first; the answer cites its sources as url_citation annotations.
    plugins: [{ id: 'web' }],
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

type Citation = { type: 'url_citation'; url_citation: { url: string; title: string } }
const completion = (await response.json()) as {
  choices: { message: { content: string; annotations?: Citation[] } }[]
}
const message = completion.choices[0]!.message
console.log(message.content)
console.log('Sources:')
for (const { url_citation: source } of message.annotations ?? []) {
  console.log(`- ${source.title}: ${source.url}`)
}
