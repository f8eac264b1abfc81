import { fileURLToPath } from 'node:url'

export const repoDir = fileURLToPath(new URL('../../', import.meta.url))
export const harnessDir = fileURLToPath(new URL('..', import.meta.url))
export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url))
export const scenariosFile = fileURLToPath(new URL('../scenarios.yaml', import.meta.url))
// What docs blocks may import besides the examples' clients (packages/docs-toolbox).
export const toolboxDir = fileURLToPath(new URL('../../packages/docs-toolbox/', import.meta.url))
export const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url))
// The docs checker's Python: the venv the set-up makes from docs-python/requirements.txt.
export const docsPython = fileURLToPath(new URL('../docs-python/.venv/bin/python', import.meta.url))
