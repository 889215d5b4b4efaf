export { deepEqual } from './deepEqual'
