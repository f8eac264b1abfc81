import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { examplesDir } from './paths.ts'

// How to run one program of a style: the file that holds it, and the command that runs that file.
export type Style = {
  name: string
  title: string
  dir: string
  programFile: (program: string) => string
  command: (file: string) => { file: string; args: string[] }
  // Command-line tools its programs call (Node and the venv's Python are provided).
  tools?: string[]
}

// TypeScript runs on this Node (24, native type stripping): never through npx or tsx, whose
// start-up would dominate every cell. Python runs from the example's own venv by path.
const runWithNode = (file: string) => ({ file: process.execPath, args: [file] })
const withVenvPython = <T extends { dir: string }>(style: T) => ({
  ...style,
  command: (file: string) => ({ file: join(style.dir, '.venv', 'bin', 'python'), args: [file] }),
})

export const exampleStyles = (root = examplesDir): Style[] => {
  const style = (name: string, title: string, extension: string) => {
    const dir = join(root, name)
    return {
      name,
      title,
      dir,
      programFile: (program: string) => join(dir, `${program}.${extension}`),
    }
  }
  return [
    { ...style('openrouter-sdk-ts', 'OpenRouter SDK (TypeScript)', 'ts'), command: runWithNode },
    { ...style('openai-sdk-ts', 'OpenAI SDK (TypeScript)', 'ts'), command: runWithNode },
    withVenvPython(style('openrouter-sdk-python', 'OpenRouter SDK (Python)', 'py')),
    withVenvPython(style('openai-sdk-python', 'OpenAI SDK (Python)', 'py')),
    withVenvPython(style('python-requests', 'requests (Python)', 'py')),
    { ...style('vercel-ai-sdk-ts', 'Vercel AI SDK (TypeScript)', 'ts'), command: runWithNode },
    { ...style('fetch-ts', 'fetch (TypeScript)', 'ts'), command: runWithNode },
    {
      ...style('curl', 'cURL', 'sh'),
      command: (file) => ({ file: 'bash', args: [file] }),
      tools: ['curl', 'jq'],
    },
  ]
}

// The program files the styles lack for these scenarios, each named once.
export const missingPrograms = (
  styles: Style[],
  scenarios: { program: string; notApplicable?: Record<string, string> }[],
) =>
  [
    ...new Set(
      styles.flatMap((style) =>
        scenarios
          .filter((scenario) => !scenario.notApplicable?.[style.name])
          .map((scenario) => style.programFile(scenario.program)),
      ),
    ),
  ].filter((file) => !existsSync(file))
