// The checker as a library: what this repository's own tests and tools use of it.
export { checkPage, checkSite } from './check-site.ts'
export { parsePage, parseTree } from './parse/mdx.ts'
export { expandPages, findDocsRoot } from './parse/pages.ts'
export { reports } from './report/index.ts'
export { createWorkspace } from './run/index.ts'
export type { BlockResult, GroupResult, SiteOptions } from './types.ts'
