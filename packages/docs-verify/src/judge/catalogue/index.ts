// OpenRouter's live model list as a judge: read it (a saved file, or fetched and cached a day),
// and say whether a request's model ids are in it, and which listed ids a missing one meant.
export { liveCatalogueUrl, readCatalogue, type ReadOptions } from './read.ts'
export {
  judgeModelId,
  nearestIds,
  unlistedText,
  withoutVariant,
  type ModelJudgement,
} from './resolve.ts'
export { modelIdsOf } from './model-ids.ts'
