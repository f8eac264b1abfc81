import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenarios } from './scenarios.ts'
import { exampleStyles, missingPrograms } from './styles.ts'

describe('missingPrograms', () => {
  it('names each program file a style lacks, once', () => {
    const root = mkdtempSync(join(tmpdir(), 'styles-'))
    mkdirSync(join(root, 'fetch-ts'))
    writeFileSync(join(root, 'fetch-ts', 'basic.ts'), '')
    const styles = exampleStyles(root).filter((style) => style.name === 'fetch-ts')
    const scenarios = [{ program: 'basic' }, { program: 'new-one' }, { program: 'new-one' }]
    expect(missingPrograms(styles, scenarios)).toEqual([join(root, 'fetch-ts', 'new-one.ts')])
  })

  it('asks for no program of a scenario the style cannot express', () => {
    const root = mkdtempSync(join(tmpdir(), 'styles-'))
    const styles = exampleStyles(root).filter((style) => style.name === 'fetch-ts')
    const scenarios = [{ program: 'key-info', notApplicable: { 'fetch-ts': 'no such call' } }]
    expect(missingPrograms(styles, scenarios)).toEqual([])
  })

  it('every style a catalogue entry names (counts, accepted differences, what it cannot express) exists', () => {
    const names = new Set(exampleStyles().map((style) => style.name))
    const named = loadScenarios().flatMap((scenario) => [
      ...Object.keys(scenario.notApplicable ?? {}),
      ...Object.keys(scenario.acceptedDifferences ?? {}),
      ...(typeof scenario.requests === 'object' && !('min' in scenario.requests)
        ? Object.keys(scenario.requests).filter((key) => key !== 'default')
        : []),
    ])
    expect(named.filter((name) => !names.has(name))).toEqual([])
  })

  it('finds every program of the real catalogue', () => {
    expect(missingPrograms(exampleStyles(), loadScenarios())).toEqual([])
  })
})
