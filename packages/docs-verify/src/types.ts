// What the stages hand each other, and nothing else: types only, so a stage imports this and
// never another stage's code. The pipeline goes: a page's text → Page (parse/) → PlannedBlock
// (plan/) → RunFacts and CheckedFile (run/) → BlockResult and GroupResult (judge/) → reports
// (report/). check-site.ts wires the stages together; cli.ts reads the command line.
import type { CanonicalRequest, ProgramRun } from '@conformance/common'
import type { RefusedEntry, RequestEntry, RunningMock } from '@conformance/openrouter-mock'
import type { Expression, Program } from 'estree'

// ——— parse/: a page as its author wrote it ———

// `{/* UsageSnippet … operationID="createKeys" method="post" path="/keys" */}` before a fence.
export type Operation = { id: string; method: string; path: string }

// A fence of a page: one tab of a code group, or a block of its own.
export type Fence = {
  title: string
  language: string
  flags: string[]
  code: string
  line: number
  // The API operation an SDK reference's "Example Usage" block declares it calls.
  operation?: Operation
  // What the comments before it tell the checker; and those it could not read, with why.
  directives?: Directive[]
  badDirectives?: string[]
  // How many headings stand before it on the page: the section it belongs to; and the text of
  // the heading it stands under.
  section?: number
  heading?: string
}

export type CodeGroup = {
  index: number
  line: number
  fences: Fence[]
  // A fence outside any group: checked too, as a group of one.
  standalone?: boolean
  // `<Template data={{…}}>` around the group: the expression, evaluated later against imports.
  template?: Expression
}

export type ParsedPage = {
  groups: CodeGroup[]
  // The page's `import … from '…'` statements, for resolving template values.
  imports: Program[]
  // The API operation the page's front matter says it documents (`openapi: POST /keys`).
  operation?: { method: string; path: string }
}

// Why a page cannot be checked at all, where.
export type PageProblem = { message: string; line: number; column: number }

export type PageLimits = {
  // A page larger than this is not read (a generated file, a data dump named .mdx).
  pageBytes: number
  // A block larger than this is not run.
  blockBytes: number
  // Blocks of one page past this many are not run.
  blocks: number
}

// What a block's result says of where it stands on the page, from the moment it is read.
export type BlockPlace = {
  page: string
  group: number
  title: string
  language: string
  line: number
  // The block as the page has it (before templates and placeholders), for reports that show it.
  code?: string
  request: CanonicalRequest | null
  warnings: string[]
  operation?: Operation
}

// One block of a page, read: where it stands, its code as the site renders it, and why it cannot
// be run, where that is already known.
export type Block = {
  place: BlockPlace
  // The index of its group among the page's.
  groupIndex: number
  // The page's section it stands in (a heading starts the next), and that section's heading.
  section: number
  heading?: string
  code: string
  // Why its <Template> cannot be rendered, if so (it is not run, unless it is no program at all).
  unrenderable?: string
  // Its result, where it is known before any plan: a block over a limit is not judged.
  settled?: BlockResult
  // What the comments before it tell the checker, and those it could not read.
  directives: Directive[]
  badDirectives: string[]
}

// Where a page stands in its site, as a docs team names it: its path from the docs root, the
// navigation section that lists it (docs.json), or its folder when the navigation does not.
export type PageSite = {
  // From the docs root (the folder with docs.json), else from where the checker ran.
  path: string
  // Navigation labels, outermost first (tab, group, nested group); or the folder's parts.
  section: string[]
  // Listed in the site's navigation; false when only a link reaches it; absent when the site has
  // no navigation to say (no docs.json or mint.json).
  inNavigation?: boolean
  // Why --changed-since chose it (it changed; it imports a changed snippet).
  selected?: string
}

// A comment before a block that tells the checker how to judge it:
// `{/* docs-verify: skip "why" */}` (`<!-- … -->` in Markdown).
export type Directive =
  | { name: 'skip'; reason: string }
  | { name: 'expect-fail'; reason: string }
  | { name: 'timeout'; seconds: number }
  // The block is the directive's own fence, hidden in the comment: later blocks run after it.
  | { name: 'setup' }

export type Page = {
  file: string
  site?: PageSite
  // Why it cannot be checked at all (it is checked for nothing else).
  problem?: PageProblem
  // The checker's own failure on it: reported as ours, and the run goes on.
  fault?: unknown
  groups: CodeGroup[]
  blocks: Block[]
  // The names the page imports (its template constants among them).
  imports: Set<string>
  // `export NAME=value` lines the page's blocks tell the reader to run.
  exported: Record<string, string>
  // The API operation its front matter says it documents.
  operation?: { method: string; path: string }
}

// ——— plan/: how each block is judged, and the files it is run and type-checked from ———

export type Runner = 'typescript' | 'python' | 'shell'

// JavaScript and TypeScript are one family: their blocks join each other.
export type Family = 'javascript' | 'python' | 'shell'

export type StatementKind =
  // `import …`
  | 'import'
  // Types alone, erased when the program runs: interfaces, type aliases, `declare`, a function's
  // signature without a body.
  | 'type'
  // `const value: SomeType = { … }`: a value written out under a declared type, computing nothing.
  | 'typed-value'
  // Other declarations: functions, classes, variables that compute their value.
  | 'declaration'
  // Anything else: calls, loops, assignments.
  | 'other'

// One top-level statement of a block, as the join needs it.
export type JoinStatement = {
  text: string
  // The block line it starts on (1-based).
  line: number
  defines: string[]
  assigns: string[]
  // Names it uses and does not bind, values and types alike, and the values among them.
  uses: string[]
  values: string[]
}

// What a block means to the blocks around it, as a reader follows the page: its top-level
// statements, the names it uses and defines nowhere itself, and whether it only declares.
export type BlockNames = {
  statements: (JoinStatement & { kind: StatementKind })[]
  defines: string[]
  // Values it uses and does not define: what must exist when it runs (types aside).
  uses: string[]
  onlyDeclares: boolean
  jsx: boolean
}

// One member of a values block: a literal (`"deny"`) or a type (`Unrecognized<string>`), with the
// block line it is on.
export type ValueMember = { text: string; literal: boolean; line: number }

// What a TypeScript block is: a program runs; reference notation is type-checked, never run.
export type BlockKind =
  | { kind: 'program' }
  | { kind: 'type-example' }
  | { kind: 'declarations' }
  | { kind: 'values'; members: ValueMember[] }
  | { kind: 'signatures' }

export type Joined = {
  // The earlier statements the block runs after, in page order, one after another, and the number
  // of lines they take: the block's own code follows them.
  prefix: string
  prefixLines: number
  // The page lines of the blocks those statements come from.
  joinedWith: number[]
  // Values the block (or a statement it runs after) uses that no statement on the page defines.
  unresolved: string[]
}

// How a block was judged when it was not run: by the type checker alone (reference notation), or
// as a fragment of a program.
export type Mode = 'type-example' | 'declarations' | 'values' | 'signatures' | 'fragment'

// A block planned to run, to be type-checked alone, or as a fragment, with its files written.
export type PlannedBlock = {
  block: Block
  runner: Runner
  id: string
  mode: 'run' | Mode
  joined: Joined
  family: Family
  names?: BlockNames
  // The page lines of the block's own code begin after this many lines of its files.
  prefixLines: number
  ownLines: number
  runFile?: string
  checkFile?: string
  key?: string
  environment: Record<string, string>
  // Values nothing on the page defines; those a sibling tab defines; template constants.
  open: string[]
  lost: string[]
  unrendered: string[]
  // The packages its code (joined) imports.
  imported: string[]
  // How long it may run, where the page says (`timeout 60s`).
  timeoutMs?: number
}

// A block a page shows as an example of a call, judged once the page's programs have run: by the
// operation the nearest of them sends to, against the site's published spec.
export type ExampleKind = 'json' | 'stream'
export type ExampleBlock = { block: Block; kind: ExampleKind }

// What a page's plan is: each of its blocks, in page order, planned, an example, or settled before
// any run (a block not judged, with why); or the checker's own failure to plan it.
export type PlannedPage = {
  page: Page
  blocks: ({ planned: PlannedBlock } | { example: ExampleBlock } | { settled: BlockResult })[]
  fault?: unknown
}

// ——— run/: what happened ———

// One compiler error, at a line of the block's file. `message` is tsc's headline joined with the
// deepest line of its explanation, which is where it names the property or type at fault.
export type TypeCheckError = { line: number; column: number; code: string; message: string }

export type CheckedFile = {
  errors: TypeCheckError[]
  // Names nothing on the page or in TypeScript's libraries defines, left open (any) so the rest
  // of the block is still checked.
  leftOpen: string[]
  // Namespaces the block writes without importing them (`models.Foo`), resolved to the module
  // of that name of a package the checker provides.
  resolved: Record<string, string>
}

// What one run of a block's program did: its process, the requests the mock saw from it, the
// connections the proxy refused, under which key.
export type RunAttempt = {
  run: ProgramRun
  requests: RequestEntry[]
  refused: RefusedEntry[]
  key: string
  // What the block tried that its sandbox stopped (a socket elsewhere, a read outside its
  // folder, a limit reached), in the reader's words.
  contained: string[]
  // The sandbox itself failed (the checker's fault, never the page's).
  sandboxFault?: string
}

// How much a sandboxed block may take.
export type SandboxLimits = {
  processes: number
  diskBytes: number
  memoryBytes: number
  outputBytes: number
}

// required: every block runs in its sandbox, or the run refuses to start; best-effort: in its
// sandbox where the machine can make one, else as before, said once; off: as before.
export type SandboxMode = 'required' | 'best-effort' | 'off'

// The sandbox of a run, once the machine was asked: what each block may read, its limits.
export type Sandbox = {
  limits: SandboxLimits
  readOnly: string[]
  // The mock's CA certificate, where the sandbox's user can read it.
  caFile: string
}

// Every run of a block: the last one counts; the notes say why it ran again (a management key the
// operation needs, an object of the reader's account made for it), and `missingIds` what only
// the reader's account has, which the mock does not keep.
export type RunFacts = {
  last: RunAttempt
  notes: string[]
  missingIds: string[]
}

// ——— judge/: the judges beside the mock ———

// The site's published OpenAPI documents as a judge (judge/spec/): of what a block sent, of what
// the mock answered, of the JSON examples a page shows.
// A line of a spec file, so a report can send the docs team to the schema that said so.
export type SpecPlace = { file: string; line: number }

export type SpecOperation = {
  // Lower case, as OpenAPI keys it.
  method: string
  // The path template as the spec writes it, without the server's base path.
  path: string
  operationId?: string
  // The JSON pointer of the operation in its document.
  pointer: string
  where: SpecPlace
}

export type SpecIssue = {
  // A failure breaks the rule as the spec writes it; a warning is what the spec leaves open
  // (an undeclared field a real client may send, an abridged example).
  severity: 'failure' | 'warning'
  // The value's path ('messages/0/role'; '' for the whole value); parameters as 'query.limit'.
  field: string
  // One line a docs writer understands.
  message: string
  // The JSON pointer of the schema (keyword) that said so, and its line.
  schemaPath: string
  where: SpecPlace
}

export type SpecRequest = {
  method: string
  // As the client sent it: with the server's base path and the query.
  path: string
  headers: [string, string][]
  body: string
}

export type RequestCheck = { operation?: SpecOperation; issues: SpecIssue[] }

// A schema a page's example may illustrate: the request body, or a response (its stream's event).
export type ExampleTarget = {
  role: 'request' | 'response'
  status?: number | 'default'
  stream?: boolean
}

export type ExampleCheck = {
  // How much the value looks like the schema, 0..1: the share of its top-level keys the schema
  // declares; the caller decides from it whether the example illustrates this operation at all.
  fit: number
  issues: SpecIssue[]
}

export type SiteSpec = {
  files: string[]
  // What loading noticed and did not stop for (an operation two documents both define).
  problems: string[]
  operations(): SpecOperation[]
  operationOf(method: string, urlPath: string): SpecOperation | undefined
  checkRequest(request: SpecRequest): RequestCheck
  checkResponse(
    operation: SpecOperation,
    status: number,
    contentType: string,
    body: string,
  ): SpecIssue[]
  checkExample(
    operation: SpecOperation,
    role: ExampleTarget['role'],
    value: unknown,
    options?: Omit<ExampleTarget, 'role'>,
  ): ExampleCheck
  exampleSchemas(operation: SpecOperation): ExampleTarget[]
  // The line of a JSON pointer in one of the files.
  where(file: string, pointer: string): SpecPlace
}

// Where the list of OpenRouter's model ids comes from: a saved answer of `GET /api/v1/models`, a
// URL that answers as it does, or none (model ids are then not judged).
export type CatalogueSource =
  { kind: 'file'; file: string } | { kind: 'url'; url: string } | { kind: 'none' }

export type Catalogue = {
  ids: ReadonlySet<string>
  source: 'file' | 'live' | 'cache' | 'none'
  // The file or URL the list is from.
  where?: string
  // The ISO day the list is as of: when it was fetched, cached, or the file last changed.
  date?: string
  // One line for the report: what the list is and where from, or why there is none.
  note: string
}

// ——— judge/: what it means ———

export type Verdict =
  | 'pass'
  | 'skipped'
  | 'unrenderable'
  | 'failed-before-sending'
  | 'rejected-request'
  | 'crashed'
  | 'hung'
  | 'sent-nothing'
  | 'definition-only'
  | 'type-error'
  | 'wrong-operation'
  // It tried to leave its sandbox (a socket elsewhere, a file outside its folder) or reached a
  // limit (processes, disk, output): stopped, and never a pass.
  | 'contained'
  // The site's published OpenAPI spec rejects what the block sent, or contradicts what the
  // example shows, whatever the mock accepted.
  | 'against-spec'
  // Uses names nothing on the page defines, by intent: a part of a program, not one.
  | 'fragment'
  // The mock answered 5xx, or the checker failed: the checker's own fault, never the page's.
  | 'checker-fault'
  // The page cannot be read or parsed: one verdict for the whole page.
  | 'unparseable'

// What kind of docs bug a failure is, so a docs team can sort a site's failures.
export type Cause =
  | "the SDK's own error"
  | 'an export the package does not have'
  | 'a field the type requires is missing'
  | 'an option or field the type does not have'
  | 'a method or property the SDK does not have'
  | 'a type error'
  | 'a syntax error'
  | 'a name nothing on the page defines'
  | 'a template constant the site leaves unrendered'
  | 'a request the API rejects'
  | 'a crash after the answer'
  | 'a crash before sending'
  | 'hangs'
  | 'sends nothing'
  | 'calls another operation'
  | 'a template that cannot be rendered'
  | 'a page that does not parse'
  | 'tries to leave its sandbox'
  | 'reaches a limit of its sandbox'
  | 'the published spec rejects this request'
  | 'an example the published spec contradicts'
  | 'a model OpenRouter does not list'

export type SentRequest = { method: string; path: string; status?: number; answer?: string }

export type Evidence = {
  requests: SentRequest[]
  exitCode?: number
  // The line of stderr that names the error, if any.
  error?: string
  stdoutTail: string
  stderrTail: string
  typeErrors: string[]
}

// A verdict on what a block did, before it is placed on its page.
export type Judgement = {
  verdict: Verdict
  // One line that says why, quoting the block's own error where there is one.
  reason: string
  // What to change, where the SDK, Python or the type checker names it.
  fix?: string
  evidence: Evidence
  request: CanonicalRequest | null
  warnings: string[]
}

export type BlockResult = BlockPlace & {
  verdict: Verdict
  reason: string
  fix?: string
  evidence?: Evidence
  // A failure the baseline (--baseline) accepts: reported, and no longer failing the run.
  accepted?: boolean
  // The page's `expect-fail "why"`: a failure it expects, reported and not failing the run; or a
  // pass it did not expect (`passes`), named so the directive is removed.
  expectFail?: { reason: string; passes?: boolean }
  // What the page's directives make of it: one it could not read, an expect-fail that passes.
  directiveNotes?: string[]
  // The page lines of the earlier blocks this one ran after, because it uses what they define.
  joinedWith?: number[]
  // How it was judged, where it was not run.
  mode?: Mode
  // Names it uses that the page imports as template constants, which the site leaves unrendered.
  unrendered?: string[]
  cause?: Cause
  // A fragment counted as a failure (--strict).
  strictFailure?: boolean
  // What the site's published spec says of it: each field at fault, on its page line where the
  // block shows it (an example), with the spec's schema and line.
  specIssues?: PlacedSpecIssue[]
  // What the judges beside the mock noticed and do not fail: a field the spec does not declare,
  // what an abridged example leaves out, a model id the mock's catalogue lacks offline, and an
  // answer of the mock's that does not fit the spec (ours to fix).
  notices?: string[]
  // Where the checker itself failed (a checker-fault): in the JSON report only.
  stack?: string
}

export type PlacedSpecIssue = {
  severity: 'failure' | 'warning'
  // The page line of the field, where the block shows it (an example's JSON); absent for what
  // a program sent, whose fields its code builds.
  line?: number
  // The field's path ('messages/0/role'), and what is wrong with it.
  field: string
  message: string
  // The spec's schema that says so: its JSON pointer, and `file:line` from the docs root.
  schemaPath: string
  spec: string
}

export type Comparison = {
  // Header differences and legacy names: warnings, failures under --strict.
  headers: string[]
  // Body differences: often on purpose (a different prompt per tab), so reported, never failed.
  bodies: string[]
}

export type GroupResult = {
  page: string
  index: number
  line: number
  standalone?: boolean
  // The verdict of the whole page (it does not parse, or the checker failed on it), not a group's.
  pageLevel?: boolean
  site?: PageSite
  blocks: BlockResult[]
  comparison: Comparison
}

// ——— the run as a whole ———

// What a run holds beside the mock: the published spec of a page's site (none where the site names
// none), with its files named from the docs root; and OpenRouter's model list, or why there is none.
export type Judges = {
  specOf: (page: string) => { spec: SiteSpec; name: (file: string) => string } | undefined
  catalogue: Catalogue
}

// What a site run reports as it goes: how many blocks each page has once every page is read, then
// each block's result as it comes (report/progress.ts prints them).
export type Progress = {
  planned: (totals: { pages: Map<string, number>; blocks: number }) => void
  judged: (result: BlockResult) => void
}

export type SiteOptions = {
  mock: RunningMock
  workspace: string
  docsRoot?: (page: string) => string | undefined
  // Where the user ran the command: a page outside any docs root is named from here.
  base?: string
  // Why each page was chosen, where --changed-since chose them.
  selected?: Map<string, string>
  timeoutMs: number
  // Where blocks run contained (run/sandbox.ts); without it, as the checker's own children.
  sandbox?: Sandbox
  // The judges beside the mock: the site's published spec, OpenRouter's model list.
  judges?: Judges
  progress?: Progress
  limits?: PageLimits
}

// `base` is where the user ran the command: pages are shown as they would type them.
// `judgedWith`: what the run held blocks to beside the mock (the site's spec, the model list and
// its date), as it said at the start.
export type ReportOptions = { strict: boolean; base: string; judgedWith?: string[] }
