/*
 * The reference SDK's networking pieces, for differential tests. Its root does not export
 * them, so they are loaded from its bundled core package.
 */
export { MultiHost as RefMultiHost } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/Host'
export { ServiceInterfaceBuilder as RefServiceInterfaceBuilder } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/ServiceInterfaceBuilder'
export { RangeInterfaceBuilder as RefRangeInterfaceBuilder } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/RangeInterfaceBuilder'
export { setupServiceInterfaces as refSetupServiceInterfaces } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/setupInterfaces'
export { utils as refUtils } from 'start-sdk-reference'
export type { Origin as RefOrigin } from 'start-sdk-reference/node_modules/@start9labs/start-core/interfaces/Origin'
