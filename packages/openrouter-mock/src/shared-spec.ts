import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

// OpenRouter's published OpenAPI 3.1 document, read by the contract tests where the team keeps
// it: `shared/` beside the repository (never copied into it). Without it, the error says where it
// comes from and how to run everything else.
export const specPath = fileURLToPath(
  new URL('../../../../shared/reference/openrouter-openapi.yaml', import.meta.url),
)

export const readSharedSpec = () => {
  try {
    return parse(readFileSync(specPath, 'utf8'))
  } catch (error) {
    throw new Error(
      [
        `The contract tests validate the mock against OpenRouter's OpenAPI spec, expected at ${specPath}.`,
        `It comes with the team's shared/ folder (reference/openrouter-openapi.yaml), checked out beside this repository.`,
        `To run every other test without it: cd packages/openrouter-mock && npx -y pnpm@10.34.8 exec vitest run --exclude 'src/contract*.test.ts'`,
      ].join('\n'),
      { cause: error },
    )
  }
}
