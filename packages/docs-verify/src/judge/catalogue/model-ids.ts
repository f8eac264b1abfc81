// The model ids a request body sends: `model`, and each of `models` (OpenRouter's fallbacks).
// Fields named so and nowhere else: a nested `model` (a tool's, a plugin's) names no model to call.
export const modelIdsOf = (body: unknown): { id: string; field: string }[] => {
  if (typeof body !== 'object' || body === null) return []
  const { model, models } = body as { model?: unknown; models?: unknown }
  const ids = typeof model === 'string' ? [{ id: model, field: 'model' }] : []
  if (Array.isArray(models))
    models.forEach((id, index) => {
      if (typeof id === 'string') ids.push({ id, field: `models[${index}]` })
    })
  return ids
}
