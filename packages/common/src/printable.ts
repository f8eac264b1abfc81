import { anyKeyPattern, maskKey } from '@conformance/openrouter-mock'

// The last lines of a program's output, as reports quote it.
export const tail = (text: string, lines = 20) =>
  text.trimEnd().split('\n').slice(-lines).join('\n')

// Output as reports may print it: a program that echoes its key, or a key it made (a docs
// snippet that creates one prints it), shows each masked, never whole.
export const withoutKey = (text: string, key: string | undefined) =>
  (key ? text.replaceAll(key, maskKey(key)) : text).replace(anyKeyPattern, maskKey)
