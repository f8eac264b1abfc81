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
    // How OpenRouter turns the PDF into text for the model: here its Cloudflare AI parser.
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
  }),
})

// API errors carry OpenRouter's error body: { error: { code, message } }.
if (!response.ok) {
  const body = (await response.json()) as { error: { message: string } }
  console.error(`Error ${response.status}: ${body.error.message}`)
  process.exit(1)
}

const completion = (await response.json()) as { choices: { message: { content: string } }[] }
console.log(completion.choices[0]?.message.content)
