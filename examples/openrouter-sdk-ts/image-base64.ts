import { readFileSync } from 'node:fs'
import { OpenRouter } from '@openrouter/sdk'
import { OpenRouterError } from '@openrouter/sdk/models/errors'

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

const openRouter = new OpenRouter({
  apiKey,
  // Give up on server errors after 5 seconds; by default this SDK keeps retrying for an hour.
  retryConfig: {
    strategy: 'backoff',
    backoff: { initialInterval: 500, maxInterval: 2000, exponent: 1.5, maxElapsedTime: 5000 },
    retryConnectionErrors: true,
  },
})

try {
  const completion = await openRouter.chat.send({
    chatRequest: {
      model: 'openai/gpt-5.2',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            // The image, inline.
            {
              type: 'image_url',
              imageUrl: { url: imageUrl },
            },
          ],
        },
      ],
    },
  })

  // chat.send returns a completion, or a stream when `stream: true` is set.
  if (!('choices' in completion)) throw new Error('expected a completion, got a stream')
  console.log(completion.choices[0]?.message.content)
} catch (error) {
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (error instanceof OpenRouterError) {
    const body = JSON.parse(error.body) as { error?: { message?: string } }
    console.error(`Error ${error.statusCode}: ${body.error?.message ?? error.message}`)
    process.exit(1)
  }
  throw error
}
