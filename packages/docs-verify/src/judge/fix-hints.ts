import type { TypeCheckError } from '../types.ts'

// A suggested fix, only where the tab's own tools name one: the type checker's or Python's
// "did you mean", or an SDK's validation error that says the request belongs under a key.
export const suggestFix = (errorText: string, typeErrors: readonly TypeCheckError[]) => {
  const fixes = new Set<string>()
  for (const error of typeErrors) {
    const meant = error.message.match(
      /'([^']+)' does not exist (?:on|in) type .*Did you mean (?:to write )?'([^']+)'\?/,
    )
    if (meant) fixes.add(`\`${meant[1]}\` → \`${meant[2]}\` (the type checker's suggestion)`)
  }
  // Python 3.10+: AttributeError/NameError: … Did you mean: 'send'?
  for (const match of errorText.matchAll(/'([^']+)'\. Did you mean: '([^']+)'\?/g))
    fixes.add(`\`${match[1]}\` → \`${match[2]}\` (Python's suggestion)`)
  // An SDK that takes the request body under one named argument: its validation finds nothing
  // there when the fields were passed flat.
  const wrapped = errorText.match(
    /validation failed at (\w+): Invalid input: expected object, received undefined/,
  )
  if (wrapped)
    fixes.add(`pass the request under \`${wrapped[1]}\`: \`({ ${wrapped[1]}: { …the fields… } })\``)
  return fixes.size > 0 ? [...fixes].join('; ') : undefined
}
