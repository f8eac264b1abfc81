import { describeStyle } from './describe-style.ts'

describeStyle('openai-sdk-python')
