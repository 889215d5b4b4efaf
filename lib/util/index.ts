export { deepEqual } from './deepEqual'
export { fieldPath } from './fieldPath'
export { describeValue } from './describeValue'
