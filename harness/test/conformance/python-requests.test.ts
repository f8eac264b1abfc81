import { describeStyle } from './describe-style.ts'

describeStyle('python-requests')
