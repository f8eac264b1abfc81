// The only text the checker changes in a block before running it: what the docs tell readers to
// fill in, recognised by its shape, not by a list of spellings. A placeholder is a token in a
// string (or a shell word): `<OPENROUTER_API_KEY>`, `<your-api-key>`, `YOUR_API_KEY`,
// `your_management_key`, an elided key (`sk-or-v1-...`), `{workspace_id}` in a URL. Its words say
// what the reader puts there: a key, a management key, the site's URL or name, a model, an id.
// A token whose words say none of these (`<value>`, `<string>`) stays as written. Everything
// else runs exactly as written.

export const siteUrl = 'https://docs-conformance.example'
export const siteName = 'Docs Conformance'

export type PlaceholderKind =
  | 'key'
  | 'management-key'
  | 'site-url'
  | 'site-name'
  | 'model'
  | 'key-hash'
  | 'generation-id'
  | 'id'

// What a placeholder becomes, given by the checker for each block (its own key, a management key
// on its account, an object of that kind that exists there).
export type Fill = (kind: PlaceholderKind) => string

export type Placeholder = { placeholder: string; becomes: string }

// One table, printed in every report: what each shape becomes.
export const placeholderTable: Placeholder[] = [
  {
    placeholder: 'a key: <OPENROUTER_API_KEY>, YOUR_API_KEY, your-api-key, sk-or-v1-...',
    becomes: "the block's own test key",
  },
  {
    placeholder: 'a management or provisioning key: your-management-key, <PROVISIONING_KEY>',
    becomes: "a management key made for the block, on the block's own account",
  },
  { placeholder: 'the site: <YOUR_SITE_URL>, YOUR_APP_NAME', becomes: `${siteUrl}, ${siteName}` },
  { placeholder: 'a model: <model-id>, YOUR_MODEL', becomes: "a model the mock's catalogue has" },
  {
    placeholder: 'an id: {workspace_id}, <GENERATION_ID>, <KEY_HASH>',
    becomes:
      "the id of an object of that kind on the block's account (a key's hash, a generation), else an id of the right shape",
  },
  {
    placeholder: 'an environment variable the block reads ($X, process.env.X, os.environ["X"])',
    becomes:
      'what the page exports for it, else by its name: a key, a management key, the site, an id (OPENROUTER_API_KEY is the key)',
  },
  {
    placeholder: '{{KEY}}',
    becomes: 'the value <Template data={{…}}> gives KEY, as the docs site renders it',
  },
  {
    placeholder: 'anything else: <value>, <string>, your_prompt',
    becomes: 'left as written: a string the API takes as given',
  },
]

// Words that say nothing about what goes there.
const filler = new Set(['your', 'my', 'here', 'the', 'a', 'an', 'own', 'actual', 'real', 'insert'])

export const wordsOf = (token: string) =>
  token
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !filler.has(word))

export const placeholderKind = (words: string[]): PlaceholderKind | undefined => {
  const has = (...candidates: string[]) => candidates.some((word) => words.includes(word))
  if (has('management', 'provisioning', 'admin')) return 'management-key'
  if (has('hash')) return 'key-hash'
  if (has('model', 'models')) return 'model'
  if (has('generation') && has('id')) return 'generation-id'
  if (has('id', 'ids', 'uuid', 'slug')) return 'id'
  if (has('key', 'apikey', 'token')) return 'key'
  // An API's base URL is the reader's to keep: it is OpenRouter's, not their site.
  if (has('base', 'api', 'endpoint', 'host')) return undefined
  if (has('url', 'referer', 'referrer', 'domain')) return 'site-url'
  if (has('name', 'title') && has('site', 'app')) return 'site-name'
  if (has('site') && words.length === 1) return 'site-url'
  return undefined
}

type Quote = { char: string; at: number }

// The string a position of a line is inside, if any (its opening quote), read from the start of
// the line: a placeholder is text in a string, never code.
const openQuote = (line: string, index: number): Quote | undefined => {
  let quote: Quote | undefined
  for (let i = 0; i < index; i++) {
    const char = line[i]!
    if (char === '\\') i++
    else if (quote && char === quote.char) quote = undefined
    else if (!quote && (char === '"' || char === "'" || char === '`')) quote = { char, at: i }
    else if (!quote && char === '#' && /(^|\s)$/.test(line.slice(0, i))) return undefined
  }
  return quote
}

const shapes: { pattern: RegExp; words: (match: RegExpExecArray) => string[] }[] = [
  // <OPENROUTER_API_KEY>, <your-api-key>, <YOUR KEY>: not a type argument (`<ApiKey>`, `<T>`).
  {
    pattern: /<([A-Za-z][A-Za-z0-9]*(?:[-_ ][A-Za-z0-9]+)*)>/g,
    words: (match) =>
      /^[A-Z]?[a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(match[1]!) ? [] : wordsOf(match[1]!),
  },
  // YOUR_API_KEY, your-management-key, your_site_url
  {
    pattern: /\b[Yy](?:OUR|our)[-_][A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*\b/g,
    words: (match) => wordsOf(match[0]),
  },
  // sk-or-v1-..., sk-or-v1-xxxxxxxx, sk-or-...: an elided key
  {
    pattern: /\bsk-or-(?:v1-)?[A-Za-z0-9]*(?:\.\.\.|…|[xX*]{4,})[A-Za-z0-9]*/g,
    words: () => ['key'],
  },
]

// `{workspace_id}` in a URL's path or query: not `${…}`, and not a Python f-string's field.
const braced = /(?<=[/=])\{([a-z][a-z0-9_]*)\}/g

export type Found = { index: number; length: number; kind: PlaceholderKind }

// Every placeholder of a block, where it stands. `shell` words may be placeholders outside quotes
// too (`export OPENROUTER_API_KEY=<your-key>`).
export const findPlaceholders = (code: string, language: 'shell' | 'code'): Found[] => {
  const found: Found[] = []
  let offset = 0
  for (const line of code.split('\n')) {
    const inString = (index: number) => language === 'shell' || openQuote(line, index) !== undefined
    for (const shape of shapes) {
      for (const match of line.matchAll(shape.pattern)) {
        const kind = placeholderKind(shape.words(match as RegExpExecArray))
        if (kind && inString(match.index))
          found.push({ index: offset + match.index, length: match[0].length, kind })
      }
    }
    for (const match of line.matchAll(braced)) {
      const quote = openQuote(line, match.index)
      const fString = quote && /[fF][rR]?$|[rR][fF]$/.test(line.slice(0, quote.at))
      const kind = placeholderKind(wordsOf(match[1]!))
      if (kind && (quote || language === 'shell') && !fString)
        found.push({ index: offset + match.index, length: match[0].length, kind })
    }
    offset += line.length + 1
  }
  return found.sort((a, b) => a.index - b.index || b.length - a.length)
}

export const fillPlaceholders = (code: string, language: 'shell' | 'code', fill: Fill) => {
  // Of overlapping tokens (`<your-api-key>` holds `your-api-key`), the one that starts first.
  const kept: Found[] = []
  for (const found of findPlaceholders(code, language)) {
    const previous = kept.at(-1)
    if (!previous || found.index >= previous.index + previous.length) kept.push(found)
  }
  // From the end, so earlier positions stay where they were.
  return kept.reduceRight(
    (result, { index, length, kind }) =>
      result.slice(0, index) + fill(kind) + result.slice(index + length),
    code,
  )
}

// The environment variables a block reads, in any of its languages' spellings.
const environmentReads = [
  /process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
  /process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g,
  /(?:Deno\.env\.get|os\.getenv|os\.environ\.get|getenv)\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/g,
  /os\.environ\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]/g,
  /Bun\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
  /\$\{?([A-Z_][A-Z0-9_]*)\}?/g,
]

export const environmentNames = (code: string) => [
  ...new Set(environmentReads.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!))),
]

// What a block finds in its environment beyond its key: for each variable it reads, what the page
// exports for it (its placeholders filled), else what its name says it holds.
export const environmentFor = (
  code: string,
  exported: Record<string, string>,
  fill: Fill,
): Record<string, string> => {
  const environment: Record<string, string> = {}
  for (const name of environmentNames(code)) {
    if (name in exported) {
      environment[name] = fillPlaceholders(exported[name]!, 'shell', fill)
      continue
    }
    const kind = placeholderKind(wordsOf(name))
    if (kind) environment[name] = fill(kind)
  }
  return environment
}
