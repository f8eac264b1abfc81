import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoDir } from '../src/paths.ts'
import { loadScenarios } from '../src/scenarios.ts'
import { exampleStyles } from '../src/styles.ts'

// The READMEs' tables of styles, scenarios and programs are prose a reader trusts; these tests
// hold them to the catalogue and the styles, so adding one without the other fails here.
const tableRows = (markdown: string, header: string) => {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => line.startsWith(header))
  if (start < 0) throw new Error(`no table starting "${header}"`)
  const rows = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
  }
  return rows
}
const code = (cell: string) => cell.match(/`([^`]+)`/)?.[1]
const read = (path: string) => readFileSync(join(repoDir, path), 'utf8')
const catalogue = loadScenarios()

describe('README tables follow the catalogue', () => {
  it('the root README lists every scenario with its program, in catalogue order', () => {
    const rows = tableRows(read('README.md'), '| scenario ')
    expect(rows.map(([scenario, program]) => [code(scenario!), code(program!)])).toEqual(
      catalogue.map((scenario) => [scenario.name, scenario.program]),
    )
  })

  it('the root README lists every style by its folder', () => {
    const rows = tableRows(read('README.md'), '| style ')
    expect(rows.map(([, folder]) => code(folder!))).toEqual(
      exampleStyles().map((style) => `examples/${style.name}`),
    )
  })

  for (const style of exampleStyles()) {
    it(`examples/${style.name}/README.md lists each program of the catalogue once`, () => {
      const rows = tableRows(read(`examples/${style.name}/README.md`), '| program ')
      // A program only not-applicable scenarios run is one the style does not have.
      const programs = [
        ...new Set(
          catalogue
            .filter((scenario) => !scenario.notApplicable?.[style.name])
            .map((scenario) => scenario.program),
        ),
      ]
      expect(rows.map(([program]) => code(program!))).toEqual(
        programs.map((program) => style.programFile(program).split('/').at(-1)),
      )
    })
  }
})
