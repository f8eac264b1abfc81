import { readFileSync } from 'node:fs'
// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

// A local image, sent inline as a base64 data URL.
const image = readFileSync(new URL('image.png', import.meta.url)).toString('base64')
const imageUrl = `data:image/png;base64,${image}`

const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
  method: 'POST',
  headers: {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'openai/gpt-5.2',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this image?' },
          // The image, inline.
          {
            type: 'image_url',
            image_url: { url: imageUrl },
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
