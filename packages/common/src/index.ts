// What the conformance matrix (harness/) and the docs checker (packages/docs-verify) both use.
export * from './canonicalize.ts'
export * from './diff.ts'
export * from './escape.ts'
export * from './printable.ts'
export * from './run-program.ts'
