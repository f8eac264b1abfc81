import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import {
  catalogue,
  catalogueDate,
  findModel,
  type Endpoint,
  type Kind,
  type Model,
} from '../models/catalogue.ts'
import { shaped, shapedList } from '../operations/shaped.ts'

// The model catalogue as OpenRouter publishes it: `/models` and its siblings, the per-model
// endpoints, and the embedding, image and video model lists. Answers are the catalogue's facts
// in the shape the SDKs validate (see `shaped`).
export const modelHandlers = ({ keys }: MockContext) => [
  http.get(api('/models'), ({ request }) => Response.json(modelList(request))),
  http.get(api('/models/count'), ({ request }) =>
    Response.json(
      shaped('GET', '/api/v1/models/count', { data: { count: listed(request).length } }),
    ),
  ),
  http.get(api('/models/user'), ({ request }) => {
    const auth = authenticate(request, keys)
    return 'response' in auth ? auth.response : Response.json(modelList(request))
  }),
  http.get(api('/model/:author/:slug'), ({ params, request }) => {
    const model = findModel(`${params.author}/${params.slug}`)
    if (!model) return notFound(`${params.author}/${params.slug}`)
    return Response.json(shaped('GET', new URL(request.url).pathname, { data: modelFacts(model) }))
  }),
  http.get(api('/models/:author/:slug/endpoints'), ({ params, request }) => {
    const model = findModel(`${params.author}/${params.slug}`)
    if (!model) return notFound(`${params.author}/${params.slug}`)
    return Response.json(
      shaped('GET', new URL(request.url).pathname, { data: endpointsFacts(model) }),
    )
  }),
  http.get(api('/endpoints/zdr'), () =>
    Response.json(
      shapedList(
        'GET',
        '/api/v1/endpoints/zdr',
        catalogue.flatMap((model) =>
          model.endpoints
            .filter((endpoint) => endpoint.zdr)
            .map((endpoint) => endpointFacts(model, endpoint)),
        ),
      ),
    ),
  ),
  http.get(api('/embeddings/models'), () =>
    Response.json(
      shapedList('GET', '/api/v1/embeddings/models', ofKind('embedding').map(modelFacts)),
    ),
  ),
  http.get(api('/images/models'), () =>
    Response.json(shapedList('GET', '/api/v1/images/models', ofKind('image').map(imageModelFacts))),
  ),
  http.get(api('/images/models/:author/:slug/endpoints'), ({ params, request }) => {
    const model = findModel(`${params.author}/${params.slug}`)
    if (model?.kind !== 'image') return notFound(`${params.author}/${params.slug}`)
    return Response.json(
      shaped('GET', new URL(request.url).pathname, {
        id: model.id,
        endpoints: model.endpoints.map((endpoint) => ({
          provider_name: endpoint.provider,
          provider_slug: slug(endpoint.provider),
          provider_tag: slug(endpoint.provider),
          pricing: [{ billable: 'output_image', cost_usd: 0.04, unit: 'image' }],
          supported_parameters: imageParameters,
          supports_streaming: false,
          allowed_passthrough_parameters: [],
        })),
      }),
    )
  }),
  http.get(api('/videos/models'), () =>
    Response.json(shapedList('GET', '/api/v1/videos/models', ofKind('video').map(videoModelFacts))),
  ),
]

const notFound = (id: string) =>
  openRouterError(404, `Model ${id} not found`, { metadata: { error_type: 'not_found' } })

const ofKind = (kind: Kind) => catalogue.filter((model) => model.kind === kind)

const outputOf: Record<Kind, string> = {
  chat: 'text',
  embedding: 'embeddings',
  image: 'image',
  video: 'video',
  speech: 'speech',
  transcription: 'transcription',
  rerank: 'rerank',
}

// `/models` lists text models unless `output_modalities` asks for others (`all`, or a comma
// list); `supported_parameters` keeps models that support all those named.
const listed = (request: Request) => {
  const query = new URL(request.url).searchParams
  const outputs = (query.get('output_modalities') ?? 'text').split(',')
  const needs = query.get('supported_parameters')?.split(',').filter(Boolean) ?? []
  return catalogue.filter(
    (model) =>
      (outputs.includes('all') || outputs.includes(outputOf[model.kind])) &&
      needs.every((parameter) => supportedParameters(model).includes(parameter)),
  )
}

const modelList = (request: Request) =>
  shapedList('GET', '/api/v1/models', listed(request).map(modelFacts))

const supportedParameters = (model: Model) =>
  model.kind !== 'chat'
    ? []
    : [
        'max_tokens',
        'temperature',
        'top_p',
        'stop',
        'seed',
        'response_format',
        'structured_outputs',
        ...(model.tools ? ['tools', 'tool_choice'] : []),
        ...(model.reasoning ? ['reasoning', 'include_reasoning'] : []),
      ]

const price = (perToken: number) => String(Number(perToken.toPrecision(6)))

const modelFacts = (model: Model) => ({
  id: model.id,
  canonical_slug: model.id,
  name: model.name,
  created: model.created,
  description: `${model.name}, as served by the OpenRouter mock (catalogue of ${catalogueDate}).`,
  context_length: model.contextLength,
  architecture: {
    modality: `${model.inputModalities.join('+')}->${outputOf[model.kind]}`,
    input_modalities: model.inputModalities,
    output_modalities: [outputOf[model.kind]],
    tokenizer: model.tokenizer,
    instruct_type: null,
  },
  pricing: {
    prompt: price(model.promptPrice),
    completion: price(model.completionPrice),
    request: '0',
    image: '0',
  },
  top_provider: {
    context_length: model.contextLength,
    max_completion_tokens: model.maxCompletionTokens,
    is_moderated: model.provider === 'OpenAI',
  },
  per_request_limits: null,
  supported_parameters: supportedParameters(model),
  default_parameters: null,
  expiration_date: null,
  links: { details: `/api/v1/models/${model.id}/endpoints` },
})

const slug = (provider: string) => provider.toLowerCase().replace(/[^a-z0-9]+/g, '-')

const imageParameters = { resolution: { type: 'enum', values: ['1K', '2K'] } }

const imageModelFacts = (model: Model) => ({
  id: model.id,
  name: model.name,
  created: model.created,
  description: `${model.name}, as served by the OpenRouter mock.`,
  architecture: { input_modalities: model.inputModalities, output_modalities: ['image'] },
  endpoints: `/api/v1/images/models/${model.id}/endpoints`,
  supported_parameters: imageParameters,
  supports_streaming: false,
})

const videoModelFacts = (model: Model) => ({
  id: model.id,
  canonical_slug: model.id,
  name: model.name,
  created: model.created,
  description: `${model.name}, as served by the OpenRouter mock.`,
  allowed_passthrough_parameters: [],
  generate_audio: true,
  pricing_skus: { generate: '0.50' },
  seed: null,
  supported_aspect_ratios: ['16:9'],
  supported_durations: [5, 8],
  supported_frame_images: ['first_frame', 'last_frame'],
  supported_resolutions: ['720p'],
  supported_sizes: null,
})

const endpointFacts = (model: Model, endpoint: Endpoint) => ({
  name: `${endpoint.provider}: ${model.name}`,
  model_id: model.id,
  model_name: model.name,
  context_length: model.contextLength,
  pricing: {
    prompt: price(endpoint.promptPrice),
    completion: price(endpoint.completionPrice),
    request: '0',
    image: '0',
  },
  provider_name: endpoint.provider,
  tag: slug(endpoint.provider),
  quantization: endpoint.quantization,
  max_completion_tokens: model.maxCompletionTokens,
  max_prompt_tokens: model.contextLength,
  supported_parameters: supportedParameters(model),
  status: 0,
  uptime_last_30m: 99.9,
  uptime_last_5m: 100,
  uptime_last_1d: 99.8,
  supports_implicit_caching: false,
  latency_last_30m: {
    p50: endpoint.latencyMs / 1000,
    p75: (endpoint.latencyMs * 1.3) / 1000,
    p90: (endpoint.latencyMs * 1.7) / 1000,
    p99: (endpoint.latencyMs * 3) / 1000,
  },
  throughput_last_30m: {
    p50: endpoint.throughput,
    p75: endpoint.throughput * 0.85,
    p90: endpoint.throughput * 0.7,
    p99: endpoint.throughput * 0.4,
  },
})

const endpointsFacts = (model: Model) => {
  const { architecture, created, description, id, name } = modelFacts(model)
  return {
    id,
    name,
    created,
    description,
    architecture,
    endpoints: model.endpoints.map((endpoint) => endpointFacts(model, endpoint)),
  }
}
