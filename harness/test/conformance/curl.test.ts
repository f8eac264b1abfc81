import { describeStyle } from './describe-style.ts'

describeStyle('curl')
