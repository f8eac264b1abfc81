// A text/event-stream body as its events, read as a browser's EventSource reads them: `data:`
// lines joined, `:` lines comments, a blank line ending the event.
export type SseEvent = { data: string; event?: string; id?: string }

export function sseEvents(text: string): SseEvent[] {
  const events: SseEvent[] = []
  let data: string[] = []
  let event: string | undefined
  let id: string | undefined
  const dispatch = () => {
    if (data.length > 0)
      events.push({
        data: data.join('\n'),
        ...(event !== undefined ? { event } : {}),
        ...(id !== undefined ? { id } : {}),
      })
    data = []
    event = undefined
    id = undefined
  }
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') dispatch()
    else if (line.startsWith(':')) continue
    else {
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'data') data.push(value)
      else if (field === 'event') event = value
      else if (field === 'id') id = value
    }
  }
  dispatch()
  return events
}
