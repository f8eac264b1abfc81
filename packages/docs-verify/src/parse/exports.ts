// `export NAME=value` in a page's shell or env blocks: setup the page tells the reader to do.
export const exportedVariables = (code: string): Record<string, string> =>
  Object.fromEntries(
    [
      ...code.matchAll(/^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=(?:"([^"\n]*)"|'([^'\n]*)'|(\S*))/gm),
    ].map((m) => [m[1]!, m[2] ?? m[3] ?? m[4] ?? '']),
  )
