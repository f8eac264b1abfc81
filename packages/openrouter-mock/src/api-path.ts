// Any origin: the same handlers answer on 127.0.0.1 and, behind the proxy, as openrouter.ai and
// its regional hosts. Path parameters use msw's `:name`.
export const api = (path: string) => `*/api/v1${path}`
