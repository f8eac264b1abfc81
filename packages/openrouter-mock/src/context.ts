import type { GenerationStore } from './generations.ts'
import type { KeyRegistry } from './keys.ts'

// What every route family shares: the keys (and so accounts and billing) and the generations it
// has issued. One context per running mock.
export type MockContext = {
  keys: KeyRegistry
  generations: GenerationStore
}
