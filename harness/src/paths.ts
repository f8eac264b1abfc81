import { fileURLToPath } from 'node:url'

export const repoDir = fileURLToPath(new URL('../../', import.meta.url))
export const harnessDir = fileURLToPath(new URL('..', import.meta.url))
export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url))
export const scenariosFile = fileURLToPath(new URL('../scenarios.yaml', import.meta.url))
export const docsDir = fileURLToPath(new URL('../../docs/', import.meta.url))
