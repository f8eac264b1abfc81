import { describeStyle } from './describe-style.ts'

describeStyle('vercel-ai-sdk-ts')
