import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { examplesDir } from './paths.ts'

// How to run one program of a style: the command, its arguments and the folder to run it in.
export type Style = {
  name: string
  title: string
  dir: string
  command: (program: string) => { file: string; args: string[] }
  // Command-line tools its programs call (Node and the venv's Python are provided).
  tools?: string[]
}

// TypeScript runs on this Node (24, native type stripping): never through npx or tsx, whose
// start-up would dominate every cell. Python runs from the example's own venv by path.
const node = (dir: string) => (program: string) => ({
  file: process.execPath,
  args: [join(dir, `${program}.ts`)],
})

export const exampleStyles = (root = examplesDir): Style[] => {
  const dir = (name: string) => join(root, name)
  return [
    {
      name: 'openrouter-sdk-ts',
      title: 'OpenRouter SDK (TypeScript)',
      dir: dir('openrouter-sdk-ts'),
      command: node(dir('openrouter-sdk-ts')),
    },
    {
      name: 'openai-sdk-ts',
      title: 'OpenAI SDK (TypeScript)',
      dir: dir('openai-sdk-ts'),
      command: node(dir('openai-sdk-ts')),
    },
    {
      name: 'openai-sdk-python',
      title: 'OpenAI SDK (Python)',
      dir: dir('openai-sdk-python'),
      command: (program) => ({
        file: join(dir('openai-sdk-python'), '.venv', 'bin', 'python'),
        args: [join(dir('openai-sdk-python'), `${program}.py`)],
      }),
    },
    {
      name: 'fetch-ts',
      title: 'fetch (TypeScript)',
      dir: dir('fetch-ts'),
      command: node(dir('fetch-ts')),
    },
    {
      name: 'curl',
      title: 'cURL',
      dir: dir('curl'),
      command: (program) => ({ file: 'bash', args: [join(dir('curl'), `${program}.sh`)] }),
      tools: ['curl', 'jq'],
    },
  ]
}

// The program files the styles lack for these scenarios (a program's file is its command's last
// argument), each named once.
export const missingPrograms = (styles: Style[], scenarios: { program: string }[]) =>
  [
    ...new Set(
      styles.flatMap((style) =>
        scenarios.map((scenario) => style.command(scenario.program).args.at(-1)!),
      ),
    ),
  ].filter((file) => !existsSync(file))
