import { createTwoFilesPatch } from 'diff'

// Stable JSON: sorted keys, so a diff shows what differs and never how it was ordered.
export const stableJson = (value: unknown): string =>
  JSON.stringify(
    value,
    (_key, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
        : inner,
    2,
  )

// A unified diff of two texts, without the patch header lines: `-` expected, `+` actual.
export const textDiff = (expected: string, actual: string, labels = ['expected', 'actual']) =>
  createTwoFilesPatch(labels[0]!, labels[1]!, expected, actual, undefined, undefined, {
    context: 3,
  })
    .split('\n')
    .slice(1)
    .filter((line) => !line.startsWith('\\ No newline'))
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd()

export const jsonDiff = (expected: unknown, actual: unknown, labels?: string[]) =>
  textDiff(stableJson(expected) + '\n', stableJson(actual) + '\n', labels)

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

// Where two values differ, as dotted paths with both sides: the one-line summary of a diff.
export const differences = (
  expected: unknown,
  actual: unknown,
  path = '',
  sides = ['expected', 'got'],
): string[] => {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
    return keys.flatMap((key) => {
      const at = path ? `${path}.${key}` : key
      if (!(key in actual)) return [`${at}: missing (${sides[0]} ${JSON.stringify(expected[key])})`]
      if (!(key in expected)) return [`${at}: unexpected ${JSON.stringify(actual[key])}`]
      return differences(expected[key], actual[key], at, sides)
    })
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    return expected.flatMap((item, i) => differences(item, actual[i], `${path}[${i}]`, sides))
  }
  return stableJson(expected) === stableJson(actual)
    ? []
    : [
        `${path || 'value'}: ${sides[0]} ${JSON.stringify(expected)}, ${sides[1]} ${JSON.stringify(actual)}`,
      ]
}
