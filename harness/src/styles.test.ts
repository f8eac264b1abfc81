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

  it('finds every program of the real catalogue', () => {
    expect(missingPrograms(exampleStyles(), loadScenarios())).toEqual([])
  })
})
