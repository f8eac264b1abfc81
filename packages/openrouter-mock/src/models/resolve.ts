import { textOf, type ChatMessage } from '../replies.ts'
import { catalogue, defaultModelId, findModel, type Model } from './catalogue.ts'

export const variants = [
  'free',
  'nitro',
  'floor',
  'online',
  'exacto',
  'thinking',
  'extended',
] as const
export type Variant = (typeof variants)[number]

export type ResolvedModel = {
  model: Model
  // How the answer's `model` names it: the concrete model a router or alias chose; a `:free`
  // endpoint keeps its suffix (it is a different endpoint), routing shortcuts do not.
  servedId: string
  variant?: Variant
  inCatalogue: boolean
}
export type ModelRefusal = { status: 400 | 404; message: string }

// On an answer served from a model id the catalogue lacks: the journal records it, so a harness
// can warn ("not in the mock's catalogue") instead of failing a docs page for the mock's gap.
export const notInCatalogueHeader = 'X-Mock-Not-In-Catalogue'

const wellFormed = /^[a-z0-9][\w.-]*\/[a-z0-9][\w.:-]*$/i
const invalid = (id: string): ModelRefusal => ({
  status: 400,
  message: `${id} is not a valid model ID`,
})

// A model id as OpenRouter resolves it: the default when none is given; `:variant` suffixes;
// routers (`openrouter/auto`, `openrouter/free`); `~vendor/family-latest` aliases. An id the
// catalogue lacks is served from a stand-in unless `strict`, which answers as the live API does.
// `listed` (OpenRouter's live model list) refuses an id it lacks, with or without its variant, as
// the live API does, catalogued or not; routers and aliases are not judged by it. A listed id the
// catalogue lacks is served from the stand-in and still marked: the mock's answer is a guess.
export const resolveModel = (
  id: string | undefined,
  options: { strict: boolean; listed?: ReadonlySet<string>; messages?: readonly ChatMessage[] },
): ResolvedModel | ModelRefusal => {
  if (id === undefined)
    return { model: findModel(defaultModelId)!, servedId: defaultModelId, inCatalogue: true }
  const [base, suffix] = splitVariant(id)
  const variant = suffix as Variant | undefined

  if (base === 'openrouter/auto') {
    const chosen = autoRoute(options.messages ?? [])
    return { model: chosen, servedId: chosen.id, variant, inCatalogue: true }
  }
  if (base === 'openrouter/free') {
    const chosen = catalogue.find((model) => model.free && model.kind === 'chat')!
    return { model: chosen, servedId: `${chosen.id}:free`, variant: 'free', inCatalogue: true }
  }
  const alias = base.match(/^~([\w-]+)\/([\w.-]+)-latest$/)
  if (alias) {
    const newest = catalogue
      .filter((model) => model.id.startsWith(`${alias[1]}/`) && model.family === alias[2])
      .sort((a, b) => b.created - a.created)[0]
    if (newest) return { model: newest, servedId: newest.id, variant, inCatalogue: true }
    return options.strict ? invalid(id) : standIn(id, base, variant)
  }

  const { listed } = options
  const router = base.startsWith('openrouter/') || base.startsWith('~')
  if (listed && !router && !listed.has(id) && !listed.has(base)) return invalid(id)
  const model = findModel(base)
  if (model) {
    if (variant === 'free' && !model.free)
      return { status: 404, message: `No endpoints found for ${id}.` }
    return { model, servedId: variant === 'free' ? id : base, variant, inCatalogue: true }
  }
  if (!wellFormed.test(id) || options.strict) return invalid(id)
  return standIn(id, base, variant)
}

const splitVariant = (id: string): [string, string | undefined] => {
  const at = id.lastIndexOf(':')
  const suffix = at > 0 ? id.slice(at + 1) : undefined
  return suffix && (variants as readonly string[]).includes(suffix)
    ? [id.slice(0, at), suffix]
    : [id, undefined]
}

// The auto router picks by the request: code goes to a coding model, everything else to a
// small general one. Deterministic, so outputs compare across runs.
const autoRoute = (messages: readonly ChatMessage[]) => {
  const prompt = textOf(messages.findLast((message) => message.role === 'user')?.content)
  const coding = /\b(code|function|bug|typescript|python|javascript|compile)\b/i.test(prompt)
  return findModel(coding ? 'qwen/qwen3-coder' : 'openai/gpt-5-mini')!
}

// A model the catalogue lacks, served by its vendor at a modest price.
const standIn = (id: string, base: string, variant: Variant | undefined): ResolvedModel => {
  const vendor = base.replace(/^~/, '').split('/')[0]!
  const provider = vendor.charAt(0).toUpperCase() + vendor.slice(1)
  const endpoint = {
    provider,
    promptPrice: 0.000001,
    completionPrice: 0.000002,
    latencyMs: 500,
    throughput: 100,
    quantization: 'unknown' as const,
    zdr: false,
    dataCollection: 'deny' as const,
  }
  const model: Model = {
    id: base,
    name: base,
    provider,
    promptPrice: endpoint.promptPrice,
    completionPrice: endpoint.completionPrice,
    kind: 'chat',
    created: 0,
    contextLength: 32_768,
    maxCompletionTokens: 4_096,
    inputModalities: ['text'],
    tokenizer: 'Other',
    reasoning: false,
    tools: true,
    free: true,
    endpoints: [endpoint],
  }
  return { model, servedId: variant === 'free' ? id : base, variant, inCatalogue: false }
}

export const isRefusal = (resolved: ResolvedModel | ModelRefusal): resolved is ModelRefusal =>
  'status' in resolved
