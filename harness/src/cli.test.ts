import { execa } from 'execa'
import { describe, expect, it } from 'vitest'

const cli = new URL('./cli.ts', import.meta.url).pathname
const run = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false })

describe('pnpm conformance, asked wrongly or for help', () => {
  it('a mistyped flag gets one line and exit code 2', async () => {
    const { exitCode, stderr } = await run('--bogus')
    expect(exitCode).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^conformance: .*--bogus.*see --help/),
    ])
  })

  it('--help lists the styles and scenarios it accepts', async () => {
    const { exitCode, stdout } = await run('--help')
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/^Styles: .*openai-sdk-python.*curl/m)
    expect(stdout).toMatch(/^Scenarios: .*basic.*error-mid-stream/m)
  })
})
