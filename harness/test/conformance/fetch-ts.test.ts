import { describeStyle } from './describe-style.ts'

describeStyle('fetch-ts')
