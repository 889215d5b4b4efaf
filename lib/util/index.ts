export { deepEqual } from './deepEqual'
export { fieldPath } from './fieldPath'
