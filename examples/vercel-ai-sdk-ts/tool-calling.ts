import { createOpenRouter } from '@openrouter/ai-sdk-provider'
import { APICallError, generateText, jsonSchema, RetryError, stepCountIs, tool } from 'ai'

// Don't put keys in code: read your OpenRouter API key from the environment.
const apiKey = process.env.OPENROUTER_API_KEY
if (!apiKey) {
  console.error(
    'OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.',
  )
  process.exit(1)
}

const openrouter = createOpenRouter({ apiKey })

// The tool the model may call: described to the model, run here by the AI SDK.
const getWeather = tool({
  description: 'Get the current weather in a city',
  inputSchema: jsonSchema<{ city: string }>({
    type: 'object',
    properties: { city: { type: 'string', description: 'The city name' } },
    required: ['city'],
    additionalProperties: false,
  }),
  execute: async ({ city }) => ({ city, temperature: 18, conditions: 'sunny' }),
})

try {
  // Two steps: the model asks for the tool, the SDK runs it and sends the result back, the model
  // answers.
  const { steps, text } = await generateText({
    model: openrouter('openai/gpt-5.2'),
    tools: { get_weather: getWeather },
    stopWhen: stepCountIs(2),
    prompt: 'What is the weather in Paris?',
  })

  for (const call of steps.flatMap((step) => step.toolCalls)) {
    console.log(`Tool call: ${call.toolName}(${JSON.stringify(call.input)})`)
  }
  console.log(`Answer: ${text}`)
} catch (error) {
  // The AI SDK retries rate limits and server errors twice, then reports the last error.
  const cause = RetryError.isInstance(error) ? error.lastError : error
  // API errors carry OpenRouter's error body: { error: { code, message } }.
  if (APICallError.isInstance(cause)) {
    const body = JSON.parse(cause.responseBody ?? '{}') as { error?: { message?: string } }
    console.error(`Error ${cause.statusCode}: ${body.error?.message ?? cause.message}`)
    process.exit(1)
  }
  throw error
}
