import { relative, resolve } from 'node:path'
import { catalogueDate } from '@conformance/openrouter-mock'
import { liveCatalogueUrl, readCatalogue } from './catalogue/index.ts'
import { loadSpecs, specFiles } from './spec/index.ts'
import type { CatalogueSource, Judges, SiteSpec } from '../types.ts'

// Where the model list comes from, as `--models` (or OPENROUTER_DOCS_VERIFY_MODELS) names it: a
// saved answer of GET /api/v1/models, a URL that answers as it does, or `off`; by default
// OpenRouter's public list, fetched once a day.
export const catalogueSource = (models: string | undefined, base: string): CatalogueSource => {
  const named = models ?? process.env.OPENROUTER_DOCS_VERIFY_MODELS ?? liveCatalogueUrl
  if (named === 'off') return { kind: 'none' }
  if (/^https?:\/\//.test(named)) return { kind: 'url', url: named }
  return { kind: 'file', file: resolve(base, named) }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

type SpecOfRoot = { spec: SiteSpec; name: (file: string) => string } | undefined

// The judges beside the mock, read once before any block runs, each said in one line: the
// published spec of every docs root the pages have (or the --spec files for all of them), and
// OpenRouter's model list. A site's spec that does not load is said, and its pages are checked
// without it; a --spec or --models file that does not load is an error before anything runs.
export const prepareJudges = async (options: {
  pages: string[]
  rootOf: (page: string) => string | undefined
  specs: string[]
  models: string | undefined
  base: string
  say: (line: string) => void
}): Promise<Judges> => {
  const { base, say } = options
  const load = (files: string[], from: string, named: string, given = false): SpecOfRoot => {
    try {
      const spec = loadSpecs(files)
      const names = files.map((file) => relative(from, file)).join(', ')
      say(
        `spec: requests and JSON examples judged against ${named} ${names} (${count(spec.operations().length, 'operation')})`,
      )
      for (const problem of spec.problems) say(`spec: ${problem}`)
      return { spec, name: (file) => relative(from, file) }
    } catch (error) {
      // A file the user named is theirs to fix before anything runs; a site's, its pages' to see.
      if (given) throw new Error(`--spec: ${(error as Error).message}`)
      say(`spec: not judged, ${(error as Error).message}`)
      return undefined
    }
  }
  const specOfRoot = new Map<string | undefined, SpecOfRoot>()
  if (options.specs.length > 0) {
    const given = load(
      options.specs.map((file) => resolve(base, file)),
      base,
      'the --spec file(s)',
      true,
    )
    specOfRoot.set('--spec', given)
  } else {
    for (const root of new Set(options.pages.map(options.rootOf))) {
      if (specOfRoot.has(root)) continue
      const found = root ? specFiles(root) : { files: [], problems: [] }
      for (const problem of found.problems) say(`spec: ${problem}`)
      specOfRoot.set(
        root,
        found.files.length > 0
          ? load(found.files, root!, "the site's published spec")
          : (say(
              `spec: not judged for ${root ? relative(base, root) || '.' : 'pages outside a docs site'}: no OpenAPI spec named (docs.json's openapi, or --spec FILE)`,
            ),
            undefined),
      )
    }
  }
  const catalogue = await readCatalogue(catalogueSource(options.models, base)).catch((error) => {
    throw new Error(`--models: ${(error as Error).message}`)
  })
  say(
    catalogue.source === 'none'
      ? `models: ${catalogue.note}; an id the mock's own catalogue (as of ${catalogueDate}) lacks is a warning`
      : `models: ${catalogue.note}`,
  )
  return {
    specOf: (page) =>
      options.specs.length > 0 ? specOfRoot.get('--spec') : specOfRoot.get(options.rootOf(page)),
    catalogue,
  }
}
