import type { BlockResult, Cause } from '../types.ts'

// The type checker's error codes, by the kind of bug they name.
const typeCauses: Record<string, Cause> = {
  TS2307: 'an export the package does not have',
  TS2305: 'an export the package does not have',
  TS2614: 'an export the package does not have',
  TS2694: 'an export the package does not have',
  TS2724: 'an export the package does not have',
  TS2739: 'a field the type requires is missing',
  TS2740: 'a field the type requires is missing',
  TS2741: 'a field the type requires is missing',
  TS2353: 'an option or field the type does not have',
  TS2561: 'an option or field the type does not have',
  TS2339: 'a method or property the SDK does not have',
  TS2551: 'a method or property the SDK does not have',
}

// What the type checker says beneath "No overload matches this call" (TS2769) names the bug.
const typeMessages: [RegExp, Cause][] = [
  [/Object literal may only specify known properties/, 'an option or field the type does not have'],
  [
    /is missing the following properties|Property '[^']+' is missing/,
    'a field the type requires is missing',
  ],
  [/has no exported member/, 'an export the package does not have'],
]

// The cause a block's first type error names, as its evidence quotes it.
const typeCause = (block: BlockResult): Cause => {
  const [, code = '', message = ''] =
    /^line \d+:\d+ (TS\d+) (.*)$/.exec(block.evidence?.typeErrors[0] ?? '') ?? []
  return (
    typeCauses[code] ??
    typeMessages.find(([pattern]) => pattern.test(message))?.[1] ??
    'a type error'
  )
}

export const causeOf = (block: BlockResult): Cause | undefined => {
  const error = block.evidence?.error ?? ''
  // A constant the page imports and the site does not render inside code is why the block
  // fails, whichever of its errors came first.
  if (block.unrendered?.length && !['pass', 'skipped', 'definition-only'].includes(block.verdict))
    return 'a template constant the site leaves unrendered'
  switch (block.verdict) {
    case 'type-error':
      return typeCause(block)
    case 'rejected-request':
      return /is not a model OpenRouter lists/.test(block.reason)
        ? 'a model OpenRouter does not list'
        : 'a request the API rejects'
    case 'against-spec':
      if (/ is not JSON \(/.test(block.reason)) return 'a syntax error'
      return /^the published spec rejects/.test(block.reason)
        ? 'the published spec rejects this request'
        : /is not a model OpenRouter lists/.test(block.reason) && !/contradicts/.test(block.reason)
          ? 'a model OpenRouter does not list'
          : 'an example the published spec contradicts'
    case 'hung':
      return 'hangs'
    case 'contained':
      return /contained: (opened a socket|read outside)/.test(block.reason)
        ? 'tries to leave its sandbox'
        : 'reaches a limit of its sandbox'
    case 'sent-nothing':
      return 'sends nothing'
    case 'wrong-operation':
      return 'calls another operation'
    case 'unrenderable':
      return 'a template that cannot be rendered'
    case 'unparseable':
      return 'a page that does not parse'
    case 'crashed':
      if (/ReferenceError: .+ is not defined|NameError: name /.test(error))
        return 'a name nothing on the page defines'
      return 'a crash after the answer'
    case 'failed-before-sending':
      if (/\b\w*ValidationError\b/.test(error)) return "the SDK's own error"
      if (
        /does not provide an export named|cannot import name|No module named '\w+\.|ERR_PACKAGE_PATH_NOT_EXPORTED/.test(
          error,
        )
      )
        return 'an export the package does not have'
      if (/SyntaxError|IndentationError|ERR_INVALID_TYPESCRIPT_SYNTAX/.test(error))
        return 'a syntax error'
      if (/ReferenceError: .+ is not defined|NameError: name /.test(error))
        return 'a name nothing on the page defines'
      return 'a crash before sending'
    default:
      return undefined
  }
}

// How many failures of each cause, most first: the site summary's second line.
export const countByCause = (failures: BlockResult[]) =>
  [...Map.groupBy(failures, (block) => causeOf(block) ?? 'other').entries()]
    .map(([cause, blocks]) => ({ cause, count: blocks.length }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
