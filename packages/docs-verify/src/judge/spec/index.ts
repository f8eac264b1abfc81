// The site's published OpenAPI spec as a judge of requests, answers and a page's examples.
export { specFiles, type SpecFiles } from './find.ts'
export { loadSpecs } from './load.ts'
export { sseEvents, type SseEvent } from './sse.ts'
export type {
  ExampleCheck,
  ExampleTarget,
  RequestCheck,
  SiteSpec,
  SpecIssue,
  SpecOperation,
  SpecPlace,
  SpecRequest,
} from '../../types.ts'
