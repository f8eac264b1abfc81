import { describeStyle } from './describe-style.ts'

describeStyle('openrouter-sdk-python')
