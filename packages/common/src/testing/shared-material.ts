import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The team's shared/ folder, checked out beside this repository (never copied into it): the
// published pages the docs tests check. Without it, the error says where it comes from and how
// to run every other test.
export const sharedDir = fileURLToPath(new URL('../../../../../shared/', import.meta.url))

export const sharedFile = (relativePath: string, root = sharedDir) => {
  const path = root + relativePath
  if (!existsSync(path)) {
    throw new Error(
      [
        `This test reads ${relativePath} from the team's shared/ folder, expected at ${path}.`,
        `shared/ is checked out beside this repository; CI has it.`,
        `To run every other test without it: npx -y pnpm@10.34.8 exec vitest run --exclude <the test that reads it>, in its package`,
      ].join('\n'),
    )
  }
  return path
}
