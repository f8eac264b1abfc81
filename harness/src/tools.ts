import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

// Command-line tools a style's programs call, and how to get each: checked when a cell runs, so
// a missing tool fails only the cells that need it, with the fix, instead of stopping every task.
const installHints: Record<string, string> = {
  curl: 'Debian/Ubuntu: sudo apt-get install -y curl; macOS: brew install curl',
  jq: 'Debian/Ubuntu: sudo apt-get install -y jq; macOS: brew install jq',
}

const onPath = (tool: string, path = process.env.PATH ?? '') =>
  path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK)
      return true
    } catch {
      return false
    }
  })

// The tools of `tools` not on PATH, each with how to install it.
export const missingTools = (tools: readonly string[], path?: string) =>
  tools
    .filter((tool) => !onPath(tool, path))
    .map((tool) => `${tool} is not on PATH (${installHints[tool] ?? 'install it'})`)
