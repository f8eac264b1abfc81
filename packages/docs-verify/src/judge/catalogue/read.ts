import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Catalogue, CatalogueSource } from '../../types.ts'

export type ReadOptions = {
  cacheDir?: string
  // The time a cache's age is measured against (tests set it).
  now?: Date
  timeoutMs?: number
}

// `all`: the default answer lists text models only, and a page's embedding or image model must
// not fail for that.
export const liveCatalogueUrl = 'https://openrouter.ai/api/v1/models?output_modalities=all'

const dayMs = 24 * 60 * 60 * 1000
const day = (time: Date) => time.toISOString().slice(0, 10)
const asOf = (time: Date, how: string) => `OpenRouter's model list as of ${day(time)} (${how})`

// The ids of an answer of `GET /api/v1/models`, or undefined when it is not one.
const idsOf = (json: unknown): string[] | undefined => {
  const data = (json as { data?: unknown } | null)?.data
  if (!Array.isArray(data) || data.length === 0) return undefined
  const ids = data.map((model) => (model as { id?: unknown } | null)?.id)
  return ids.every((id) => typeof id === 'string') ? (ids as string[]) : undefined
}

// The user named the file: a file that cannot be read, or is no model list, is theirs to hear of.
const readFileSource = async (file: string): Promise<Catalogue> => {
  let text: string
  let changed: Date
  try {
    ;[text, changed] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtime)])
  } catch (error) {
    throw new Error(`cannot read the model list ${file}: ${(error as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`the model list ${file} is not JSON: ${(error as Error).message}`)
  }
  const ids = idsOf(json)
  if (!ids)
    throw new Error(
      `the model list ${file} is not an answer of GET /api/v1/models ({"data": [{"id": …}, …]})`,
    )
  return {
    ids: new Set(ids),
    source: 'file',
    where: file,
    date: day(changed),
    note: asOf(changed, `from ${file}`),
  }
}

type Cached = { url: string; savedAt: string; ids: string[] }

const defaultCacheDir = () =>
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'openrouter-docs-verify')

const readCache = async (file: string): Promise<Cached | undefined> => {
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as Cached
    return Array.isArray(cached.ids) && !Number.isNaN(Date.parse(cached.savedAt))
      ? cached
      : undefined
  } catch {
    // None yet, or unreadable: either way there is no cache to use.
    return undefined
  }
}

// Written whole then renamed, so a run reading it alongside never sees half a file. A cache that
// cannot be written costs the next run a fetch, nothing more.
const writeCache = async (dir: string, file: string, cached: Cached) => {
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(`${file}.${process.pid}`, JSON.stringify(cached))
    await rename(`${file}.${process.pid}`, file)
  } catch {}
}

// Why a fetch failed, in a few words: the socket's code (ECONNREFUSED, ENOTFOUND) where it has one.
const whyFailed = (error: unknown, timeoutMs: number) => {
  const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } }
  if (name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`
  return cause?.code ?? cause?.message ?? message
}

const fetchIds = async (url: string, timeoutMs: number): Promise<string[] | { failed: string }> => {
  try {
    // No retries: a run waits on this before any block, and a stale or no list is a fine answer.
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) return { failed: `HTTP ${response.status}` }
    return idsOf(await response.json()) ?? { failed: 'its answer is not a list of models' }
  } catch (error) {
    return { failed: whyFailed(error, timeoutMs) }
  }
}

// A URL's list, cached for a day, one file per URL. Never throws for the network: a stale cache,
// else no list, with why.
const readUrlSource = async (url: string, options: ReadOptions): Promise<Catalogue> => {
  const now = options.now ?? new Date()
  const timeoutMs = options.timeoutMs ?? 10_000
  const dir = options.cacheDir ?? defaultCacheDir()
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16)
  const file = join(dir, `models-${hash}.json`)
  const cached = await readCache(file)
  const fromCache = (how: string): Catalogue => ({
    ids: new Set(cached!.ids),
    source: 'cache',
    where: url,
    date: day(new Date(cached!.savedAt)),
    note: asOf(new Date(cached!.savedAt), how),
  })
  if (cached && now.getTime() - Date.parse(cached.savedAt) < dayMs)
    return fromCache(`cached from ${url}`)

  const fetched = await fetchIds(url, timeoutMs)
  if ('failed' in fetched) {
    if (cached) return fromCache(`a stale copy: could not reach ${url}: ${fetched.failed}`)
    return {
      ids: new Set(),
      source: 'none',
      where: url,
      note: `model ids not judged: no model list (could not reach ${url}: ${fetched.failed})`,
    }
  }
  await writeCache(dir, file, { url, savedAt: now.toISOString(), ids: fetched })
  return {
    ids: new Set(fetched),
    source: 'live',
    where: url,
    date: day(now),
    note: asOf(now, `fetched from ${url}`),
  }
}

export const readCatalogue = (
  source: CatalogueSource,
  options: ReadOptions = {},
): Promise<Catalogue> => {
  if (source.kind === 'file') return readFileSource(source.file)
  if (source.kind === 'url') return readUrlSource(source.url, options)
  return Promise.resolve({
    ids: new Set(),
    source: 'none',
    note: 'model ids not judged: no model list (--models off)',
  })
}
