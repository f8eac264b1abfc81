// The models the mock knows. Prices are USD per token, so a call's cost follows from its usage.
export type Model = {
  id: string
  provider: string
  promptPrice: number
  completionPrice: number
}

export const catalogue: readonly Model[] = [
  { id: 'openai/gpt-4o', provider: 'OpenAI', promptPrice: 0.0000025, completionPrice: 0.00001 },
  {
    id: 'openai/gpt-4o-mini',
    provider: 'OpenAI',
    promptPrice: 0.00000015,
    completionPrice: 0.0000006,
  },
  { id: 'openai/gpt-5.2', provider: 'OpenAI', promptPrice: 0.00000175, completionPrice: 0.000014 },
  {
    id: 'anthropic/claude-sonnet-4.5',
    provider: 'Anthropic',
    promptPrice: 0.000003,
    completionPrice: 0.000015,
  },
  {
    id: 'google/gemini-2.5-flash',
    provider: 'Google',
    promptPrice: 0.0000003,
    completionPrice: 0.0000025,
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct',
    provider: 'DeepInfra',
    promptPrice: 0.00000013,
    completionPrice: 0.0000004,
  },
]

// Without `model`, OpenRouter routes to the account's default model.
export const defaultModelId = 'openai/gpt-4o'

export const findModel = (id: string | undefined): Model | undefined =>
  catalogue.find((model) => model.id === (id ?? defaultModelId))
