import type { ErrorObject } from 'ajv'

// `/messages/0/content` → `messages[0].content`, the way OpenRouter names fields in its messages.
export const fieldName = (error: ErrorObject) => {
  const segments = error.instancePath.split('/').slice(1)
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty))
  return segments.reduce(
    (name, segment) =>
      /^\d+$/.test(segment) ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment,
    '',
  )
}

// The first problem ajv found, as OpenRouter words a 400: `messages[0].role: Required`.
export const describeFieldError = (error: ErrorObject | undefined) => {
  if (!error) return 'body: invalid'
  const field = fieldName(error) || 'body'
  if (error.keyword === 'required') return `${field}: Required`
  if (error.keyword === 'discriminator') {
    return `${field}.${String(error.params.tag)}: expected one of system, developer, user, assistant, tool`
  }
  if (error.keyword === 'enum') {
    return `${field}: expected one of ${(error.params.allowedValues as unknown[]).join(', ')}`
  }
  return `${field}: ${error.message}`
}
