export {
  startMock,
  impersonatedHost,
  impersonatedHosts,
  type MockOptions,
  type RunningMock,
  type TaggedProxy,
} from './start-mock.ts'
export { isUnknownRoute } from './errors.ts'
export { createHandlers, type MockContext } from './handlers.ts'
export {
  KeyRegistry,
  maskKey,
  anyKeyPattern,
  type ApiKey,
  type Behaviour,
  type KeyOptions,
  type LimitReset,
} from './keys.ts'
export {
  Journal,
  publicEntry,
  type JournalEntry,
  type RequestEntry,
  type RefusedEntry,
} from './journal.ts'
export { childEnvironment, exportLines } from './child-env.ts'
export { catalogue, catalogueDate, defaultModelId, findModel } from './models/catalogue.ts'
export { notInCatalogueHeader, resolveModel, variants } from './models/resolve.ts'
export { GenerationStore, type GenerationRecord } from './generations.ts'
