// A seed for what the mock generates, from the parts of a request that decide it: the same for
// the same meaning, whatever order a client wrote the keys in (SDKs serialize a schema's or a
// message's keys in different orders), so every client gets the same answer.
export const seedOf = (...parts: unknown[]) =>
  JSON.stringify(parts, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )
