import { createHash } from 'node:crypto'

// The models the mock serves: the ones OpenRouter's docs name and the popular ones, as of
// `catalogueDate`. Prices are the mock's own (USD per million tokens below; per token in a
// `Model`), close to the public ones so costs read plausibly. Data, not behaviour: a model is
// added with one entry.
export const catalogueDate = '2026-11-25'

export type Kind = 'chat' | 'embedding' | 'image' | 'video' | 'speech' | 'transcription' | 'rerank'

// One provider serving a model: what provider preferences and the `:nitro`/`:floor` variants
// choose between.
export type Endpoint = {
  provider: string
  promptPrice: number
  completionPrice: number
  latencyMs: number
  throughput: number
  quantization: 'fp8' | 'fp16' | 'bf16' | 'int8' | 'unknown'
  zdr: boolean
  dataCollection: 'allow' | 'deny'
}

export type Model = {
  id: string
  name: string
  // The provider that serves it by default (the first endpoint).
  provider: string
  // USD per token, so a call's cost follows from its usage.
  promptPrice: number
  completionPrice: number
  kind: Kind
  created: number
  contextLength: number
  maxCompletionTokens: number
  inputModalities: ('text' | 'image' | 'file' | 'audio' | 'video')[]
  tokenizer: string
  // What `~vendor/family-latest` resolves through: the newest model of the family.
  family?: string
  reasoning: boolean
  tools: boolean
  // A `:free` endpoint exists.
  free: boolean
  // Vector length, for embedding models.
  dimension?: number
  endpoints: Endpoint[]
}

type Entry = {
  kind?: Kind
  providers: string[]
  prices: [number, number]
  context?: number
  maxOut?: number
  inputs?: Model['inputModalities']
  tokenizer: string
  family?: string
  created: string
  reasoning?: boolean
  tools?: boolean
  free?: boolean
  dimension?: number
}

// Stable per-provider figures derived from the names, so routing choices are deterministic.
const figure = (text: string, low: number, high: number) =>
  low + (createHash('sha256').update(text).digest().readUInt16BE(0) / 0xffff) * (high - low)

const model = (id: string, name: string, entry: Entry): Model => {
  const [prompt, completion] = entry.prices.map((perMillion) => perMillion / 1_000_000) as [
    number,
    number,
  ]
  const endpoints = entry.providers.map((provider, index) => ({
    provider,
    // Other providers of the same model price it a little differently, as on OpenRouter.
    promptPrice: prompt * (index === 0 ? 1 : figure(`${id}${provider}`, 0.8, 1.2)),
    completionPrice: completion * (index === 0 ? 1 : figure(`${id}${provider}`, 0.8, 1.2)),
    latencyMs: Math.round(figure(`${provider}${id}latency`, 150, 1200)),
    throughput: Math.round(figure(`${provider}${id}throughput`, 30, 400)),
    quantization: index === 0 ? ('unknown' as const) : ('fp8' as const),
    zdr: index !== 0 || figure(`${provider}zdr`, 0, 1) > 0.5,
    dataCollection: figure(`${provider}data`, 0, 1) > 0.3 ? ('deny' as const) : ('allow' as const),
  }))
  return {
    id,
    name,
    provider: entry.providers[0]!,
    promptPrice: prompt,
    completionPrice: completion,
    kind: entry.kind ?? 'chat',
    created: Math.floor(Date.parse(entry.created) / 1000),
    contextLength: entry.context ?? 128_000,
    maxCompletionTokens: entry.maxOut ?? 16_384,
    inputModalities: entry.inputs ?? ['text'],
    tokenizer: entry.tokenizer,
    family: entry.family,
    reasoning: entry.reasoning ?? false,
    tools: entry.tools ?? (entry.kind ?? 'chat') === 'chat',
    free: entry.free ?? false,
    dimension: entry.dimension,
    endpoints,
  }
}

const vision = ['text', 'image'] as Model['inputModalities']
const omni = ['text', 'image', 'file', 'audio'] as Model['inputModalities']

export const catalogue: readonly Model[] = [
  // OpenAI
  model('openai/gpt-4o', 'OpenAI: GPT-4o', {
    providers: ['OpenAI', 'Azure'],
    prices: [2.5, 10],
    inputs: [...vision, 'file'],
    tokenizer: 'GPT',
    family: 'gpt-4o',
    created: '2024-05-13',
  }),
  model('openai/gpt-4o-mini', 'OpenAI: GPT-4o-mini', {
    providers: ['OpenAI', 'Azure'],
    prices: [0.15, 0.6],
    inputs: [...vision, 'file'],
    tokenizer: 'GPT',
    created: '2024-07-18',
  }),
  model('openai/gpt-4.1', 'OpenAI: GPT-4.1', {
    providers: ['OpenAI', 'Azure'],
    prices: [2, 8],
    context: 1_047_576,
    inputs: [...vision, 'file'],
    tokenizer: 'GPT',
    created: '2025-04-14',
  }),
  model('openai/gpt-4.1-mini', 'OpenAI: GPT-4.1 Mini', {
    providers: ['OpenAI'],
    prices: [0.4, 1.6],
    context: 1_047_576,
    inputs: vision,
    tokenizer: 'GPT',
    created: '2025-04-14',
  }),
  model('openai/o3-mini', 'OpenAI: o3 Mini', {
    providers: ['OpenAI'],
    prices: [1.1, 4.4],
    context: 200_000,
    tokenizer: 'GPT',
    reasoning: true,
    created: '2025-01-31',
  }),
  model('openai/o4-mini', 'OpenAI: o4 Mini', {
    providers: ['OpenAI', 'Azure'],
    prices: [1.1, 4.4],
    context: 200_000,
    inputs: vision,
    tokenizer: 'GPT',
    reasoning: true,
    created: '2025-04-16',
  }),
  model('openai/gpt-5', 'OpenAI: GPT-5', {
    providers: ['OpenAI', 'Azure'],
    prices: [1.25, 10],
    context: 400_000,
    inputs: [...vision, 'file'],
    tokenizer: 'GPT',
    family: 'gpt',
    reasoning: true,
    created: '2025-08-07',
  }),
  model('openai/gpt-5-mini', 'OpenAI: GPT-5 Mini', {
    providers: ['OpenAI', 'Azure'],
    prices: [0.25, 2],
    context: 400_000,
    inputs: [...vision, 'file'],
    tokenizer: 'GPT',
    family: 'gpt-mini',
    reasoning: true,
    created: '2025-08-07',
  }),
  model('openai/gpt-5-nano', 'OpenAI: GPT-5 Nano', {
    providers: ['OpenAI'],
    prices: [0.05, 0.4],
    context: 400_000,
    inputs: vision,
    tokenizer: 'GPT',
    family: 'gpt-nano',
    reasoning: true,
    created: '2025-08-07',
  }),
  model('openai/gpt-5.2', 'OpenAI: GPT-5.2', {
    providers: ['OpenAI', 'Azure'],
    prices: [1.75, 14],
    context: 400_000,
    inputs: [...vision, 'file'],
    tokenizer: 'GPT',
    family: 'gpt',
    reasoning: true,
    created: '2025-12-11',
  }),
  model('openai/gpt-oss-120b', 'OpenAI: gpt-oss-120b', {
    providers: ['DeepInfra', 'Groq', 'Cerebras', 'Together'],
    prices: [0.05, 0.25],
    context: 131_072,
    tokenizer: 'GPT',
    reasoning: true,
    free: true,
    created: '2025-08-05',
  }),
  // Anthropic
  model('anthropic/claude-sonnet-4', 'Anthropic: Claude Sonnet 4', {
    providers: ['Anthropic', 'Amazon Bedrock', 'Google'],
    prices: [3, 15],
    context: 200_000,
    maxOut: 64_000,
    inputs: [...vision, 'file'],
    tokenizer: 'Claude',
    family: 'claude-sonnet',
    reasoning: true,
    created: '2025-05-22',
  }),
  model('anthropic/claude-sonnet-4.5', 'Anthropic: Claude Sonnet 4.5', {
    providers: ['Anthropic', 'Amazon Bedrock', 'Google'],
    prices: [3, 15],
    context: 1_000_000,
    maxOut: 64_000,
    inputs: [...vision, 'file'],
    tokenizer: 'Claude',
    family: 'claude-sonnet',
    reasoning: true,
    created: '2025-09-29',
  }),
  model('anthropic/claude-haiku-4.5', 'Anthropic: Claude Haiku 4.5', {
    providers: ['Anthropic', 'Amazon Bedrock', 'Google'],
    prices: [1, 5],
    context: 200_000,
    maxOut: 64_000,
    inputs: [...vision, 'file'],
    tokenizer: 'Claude',
    family: 'claude-haiku',
    reasoning: true,
    created: '2025-10-15',
  }),
  model('anthropic/claude-opus-4.1', 'Anthropic: Claude Opus 4.1', {
    providers: ['Anthropic', 'Amazon Bedrock', 'Google'],
    prices: [15, 75],
    context: 200_000,
    maxOut: 32_000,
    inputs: [...vision, 'file'],
    tokenizer: 'Claude',
    family: 'claude-opus',
    reasoning: true,
    created: '2025-08-05',
  }),
  model('anthropic/claude-opus-4.5', 'Anthropic: Claude Opus 4.5', {
    providers: ['Anthropic', 'Amazon Bedrock', 'Google'],
    prices: [5, 25],
    context: 200_000,
    maxOut: 64_000,
    inputs: [...vision, 'file'],
    tokenizer: 'Claude',
    family: 'claude-opus',
    reasoning: true,
    created: '2025-11-24',
  }),
  model('anthropic/claude-3.5-haiku', 'Anthropic: Claude 3.5 Haiku', {
    providers: ['Anthropic', 'Amazon Bedrock'],
    prices: [0.8, 4],
    context: 200_000,
    maxOut: 8_192,
    inputs: vision,
    tokenizer: 'Claude',
    created: '2024-11-04',
  }),
  // Google
  model('google/gemini-2.5-flash', 'Google: Gemini 2.5 Flash', {
    providers: ['Google AI Studio', 'Google'],
    prices: [0.3, 2.5],
    context: 1_048_576,
    maxOut: 65_535,
    inputs: [...omni, 'video'],
    tokenizer: 'Gemini',
    family: 'gemini-flash',
    reasoning: true,
    created: '2025-06-17',
  }),
  model('google/gemini-2.5-pro', 'Google: Gemini 2.5 Pro', {
    providers: ['Google AI Studio', 'Google'],
    prices: [1.25, 10],
    context: 1_048_576,
    maxOut: 65_536,
    inputs: [...omni, 'video'],
    tokenizer: 'Gemini',
    family: 'gemini-pro',
    reasoning: true,
    created: '2025-06-17',
  }),
  model('google/gemini-3-flash-preview', 'Google: Gemini 3 Flash Preview', {
    providers: ['Google AI Studio', 'Google'],
    prices: [0.5, 3],
    context: 1_048_576,
    maxOut: 65_536,
    inputs: [...omni, 'video'],
    tokenizer: 'Gemini',
    family: 'gemini-flash',
    reasoning: true,
    created: '2025-12-17',
  }),
  model('google/gemini-3.1-pro-preview', 'Google: Gemini 3.1 Pro Preview', {
    providers: ['Google AI Studio', 'Google'],
    prices: [2, 12],
    context: 1_048_576,
    maxOut: 65_536,
    inputs: [...omni, 'video'],
    tokenizer: 'Gemini',
    family: 'gemini-pro',
    reasoning: true,
    created: '2026-02-19',
  }),
  model('google/gemini-3.5-flash', 'Google: Gemini 3.5 Flash', {
    providers: ['Google AI Studio', 'Google'],
    prices: [0.5, 3],
    context: 1_048_576,
    maxOut: 65_536,
    inputs: [...omni, 'video'],
    tokenizer: 'Gemini',
    family: 'gemini-flash',
    reasoning: true,
    created: '2026-06-10',
  }),
  model('google/gemma-3-27b-it', 'Google: Gemma 3 27B', {
    providers: ['DeepInfra', 'Novita', 'Parasail'],
    prices: [0.09, 0.16],
    context: 131_072,
    inputs: vision,
    tokenizer: 'Gemma',
    free: true,
    tools: false,
    created: '2025-03-12',
  }),
  // Meta, Mistral, DeepSeek, Qwen, xAI, Moonshot, others
  model('meta-llama/llama-3.3-70b-instruct', 'Meta: Llama 3.3 70B Instruct', {
    providers: ['DeepInfra', 'Together', 'Groq', 'Fireworks'],
    prices: [0.13, 0.4],
    context: 131_072,
    tokenizer: 'Llama3',
    free: true,
    created: '2024-12-06',
  }),
  model('meta-llama/llama-3.1-8b-instruct', 'Meta: Llama 3.1 8B Instruct', {
    providers: ['DeepInfra', 'Groq', 'Cerebras'],
    prices: [0.02, 0.05],
    context: 131_072,
    tokenizer: 'Llama3',
    created: '2024-07-23',
  }),
  model('meta-llama/llama-4-maverick', 'Meta: Llama 4 Maverick', {
    providers: ['DeepInfra', 'Together', 'Groq'],
    prices: [0.15, 0.6],
    context: 1_048_576,
    inputs: vision,
    tokenizer: 'Llama4',
    created: '2025-04-05',
  }),
  model('mistralai/mistral-large', 'Mistral Large', {
    providers: ['Mistral', 'Azure'],
    prices: [2, 6],
    context: 128_000,
    tokenizer: 'Mistral',
    created: '2024-11-18',
  }),
  model('mistralai/mistral-small-3.2-24b-instruct', 'Mistral: Mistral Small 3.2 24B', {
    providers: ['Mistral', 'DeepInfra'],
    prices: [0.06, 0.18],
    context: 131_072,
    inputs: vision,
    tokenizer: 'Mistral',
    free: true,
    created: '2025-06-20',
  }),
  model('mistralai/mixtral-8x7b-instruct', 'Mistral: Mixtral 8x7B Instruct', {
    providers: ['DeepInfra', 'Together'],
    prices: [0.54, 0.54],
    context: 32_768,
    tokenizer: 'Mistral',
    created: '2023-12-10',
  }),
  model('mistralai/codestral-2508', 'Mistral: Codestral 2508', {
    providers: ['Mistral'],
    prices: [0.3, 0.9],
    context: 256_000,
    tokenizer: 'Mistral',
    created: '2025-08-01',
  }),
  model('deepseek/deepseek-r1', 'DeepSeek: R1', {
    providers: ['DeepSeek', 'DeepInfra', 'Together', 'Fireworks'],
    prices: [0.4, 2],
    context: 163_840,
    tokenizer: 'DeepSeek',
    reasoning: true,
    free: true,
    created: '2025-01-20',
  }),
  model('deepseek/deepseek-chat-v3.1', 'DeepSeek: DeepSeek V3.1', {
    providers: ['DeepSeek', 'DeepInfra', 'Fireworks'],
    prices: [0.2, 0.8],
    context: 163_840,
    tokenizer: 'DeepSeek',
    reasoning: true,
    created: '2025-08-21',
  }),
  model('deepseek/deepseek-v3.2', 'DeepSeek: DeepSeek V3.2', {
    providers: ['DeepSeek', 'DeepInfra', 'Novita'],
    prices: [0.25, 0.38],
    context: 163_840,
    tokenizer: 'DeepSeek',
    reasoning: true,
    created: '2025-12-01',
  }),
  model('qwen/qwen3-235b-a22b-2507', 'Qwen: Qwen3 235B A22B Instruct 2507', {
    providers: ['Alibaba', 'DeepInfra', 'Together', 'Cerebras'],
    prices: [0.08, 0.55],
    context: 262_144,
    tokenizer: 'Qwen3',
    created: '2025-07-21',
  }),
  model('qwen/qwen3-coder', 'Qwen: Qwen3 Coder 480B A35B', {
    providers: ['Alibaba', 'DeepInfra', 'Together'],
    prices: [0.22, 0.95],
    context: 262_144,
    tokenizer: 'Qwen3',
    free: true,
    created: '2025-07-23',
  }),
  model('x-ai/grok-4', 'xAI: Grok 4', {
    providers: ['xAI'],
    prices: [3, 15],
    context: 256_000,
    inputs: vision,
    tokenizer: 'Grok',
    reasoning: true,
    created: '2025-07-09',
  }),
  model('x-ai/grok-4-fast', 'xAI: Grok 4 Fast', {
    providers: ['xAI'],
    prices: [0.2, 0.5],
    context: 2_000_000,
    inputs: vision,
    tokenizer: 'Grok',
    reasoning: true,
    created: '2025-09-19',
  }),
  model('moonshotai/kimi-k2', 'MoonshotAI: Kimi K2', {
    providers: ['Moonshot AI', 'Groq', 'Together'],
    prices: [0.5, 2.4],
    context: 131_072,
    tokenizer: 'Other',
    created: '2025-07-11',
  }),
  model('z-ai/glm-4.6', 'Z.AI: GLM 4.6', {
    providers: ['Z.AI', 'DeepInfra'],
    prices: [0.6, 2.2],
    context: 202_752,
    tokenizer: 'Other',
    reasoning: true,
    created: '2025-09-30',
  }),
  model('cohere/command-r-plus-08-2024', 'Cohere: Command R+ (08-2024)', {
    providers: ['Cohere'],
    prices: [2.5, 10],
    context: 128_000,
    tokenizer: 'Cohere',
    created: '2024-08-30',
  }),
  model('gryphe/mythomax-l2-13b', 'MythoMax 13B', {
    providers: ['DeepInfra', 'Together'],
    prices: [0.06, 0.06],
    context: 4_096,
    tokenizer: 'Llama2',
    tools: false,
    created: '2023-07-02',
  }),
  model('perplexity/sonar', 'Perplexity: Sonar', {
    providers: ['Perplexity'],
    prices: [1, 1],
    context: 127_072,
    tokenizer: 'Other',
    tools: false,
    created: '2025-01-27',
  }),
  // Embeddings
  model('openai/text-embedding-3-small', 'OpenAI: Text Embedding 3 Small', {
    kind: 'embedding',
    providers: ['OpenAI'],
    prices: [0.02, 0],
    context: 8_192,
    maxOut: 0,
    tokenizer: 'GPT',
    dimension: 1536,
    created: '2024-01-25',
  }),
  model('openai/text-embedding-3-large', 'OpenAI: Text Embedding 3 Large', {
    kind: 'embedding',
    providers: ['OpenAI'],
    prices: [0.13, 0],
    context: 8_192,
    maxOut: 0,
    tokenizer: 'GPT',
    dimension: 3072,
    created: '2024-01-25',
  }),
  model('qwen/qwen3-embedding-0.6b', 'Qwen: Qwen3 Embedding 0.6B', {
    kind: 'embedding',
    providers: ['DeepInfra'],
    prices: [0.01, 0],
    context: 32_768,
    maxOut: 0,
    tokenizer: 'Qwen3',
    dimension: 1024,
    created: '2025-06-05',
  }),
  model('nvidia/llama-nemotron-embed-vl-1b-v2', 'NVIDIA: Llama Nemotron Embed VL 1B v2', {
    kind: 'embedding',
    providers: ['Nvidia'],
    prices: [0.02, 0],
    context: 8_192,
    maxOut: 0,
    inputs: vision,
    tokenizer: 'Llama3',
    dimension: 2048,
    created: '2025-10-01',
  }),
  // Media
  model('google/gemini-2.5-flash-image', 'Google: Gemini 2.5 Flash Image', {
    kind: 'image',
    providers: ['Google AI Studio'],
    prices: [0.3, 2.5],
    context: 32_768,
    inputs: vision,
    tokenizer: 'Gemini',
    created: '2025-08-26',
  }),
  model('openai/gpt-image-1', 'OpenAI: GPT Image 1', {
    kind: 'image',
    providers: ['OpenAI'],
    prices: [5, 40],
    context: 32_768,
    inputs: vision,
    tokenizer: 'GPT',
    created: '2025-04-23',
  }),
  model('google/veo-3.1', 'Google: Veo 3.1', {
    kind: 'video',
    providers: ['Google'],
    prices: [0, 0],
    context: 4_096,
    inputs: vision,
    tokenizer: 'Gemini',
    created: '2025-10-15',
  }),
  model('openai/gpt-4o-mini-tts', 'OpenAI: GPT-4o mini TTS', {
    kind: 'speech',
    providers: ['OpenAI'],
    prices: [0.6, 12],
    context: 2_000,
    tokenizer: 'GPT',
    created: '2025-03-20',
  }),
  model('openai/whisper-1', 'OpenAI: Whisper', {
    kind: 'transcription',
    providers: ['OpenAI'],
    prices: [0, 0],
    context: 0,
    inputs: ['audio'],
    tokenizer: 'GPT',
    created: '2023-03-01',
  }),
  model('cohere/rerank-v3.5', 'Cohere: Rerank 3.5', {
    kind: 'rerank',
    providers: ['Cohere'],
    prices: [0, 0],
    context: 4_096,
    tokenizer: 'Cohere',
    created: '2024-12-02',
  }),
]

// Without `model`, OpenRouter routes to the account's default model.
export const defaultModelId = 'openai/gpt-4o'

export const findModel = (id: string | undefined): Model | undefined =>
  catalogue.find((candidate) => candidate.id === (id ?? defaultModelId))
