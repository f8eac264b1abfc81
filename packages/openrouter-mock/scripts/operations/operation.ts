// One operation as an SDK calls it, in the shape both SDK readers print.
export type SdkResponse = { status: number; mediaType: string; schema: object | null }

export type SdkOperation = {
  sdkMethod: string
  operationId?: string
  method: string
  // `/keys/{hash}`, relative to `server` (default: https://openrouter.ai/api/v1).
  path: string
  server?: string
  requestBody?: { mediaType: string; schema: object | null }
  responses?: SdkResponse[]
}
