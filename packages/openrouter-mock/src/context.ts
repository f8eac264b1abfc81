import type { GenerationStore } from './generations.ts'
import type { KeyRegistry } from './keys.ts'

// What every route family shares: the keys (and so accounts and billing), the generations it has
// issued, and how strict it is. One context per running mock.
export type MockContext = {
  keys: KeyRegistry
  generations: GenerationStore
  // Strict: a model id the catalogue lacks is answered as the live API answers an unknown id.
  // Lenient (the default): it is served and marked, so a harness can warn instead of failing.
  strictModels: boolean
  // OpenRouter's live model list, where the harness has one: an id it lacks is answered as the
  // live API answers it, whatever the mock's dated catalogue has.
  listedModels?: ReadonlySet<string>
}
