export { MultiHost } from './MultiHost'
export { Origin } from './Origin'
export type { AddressReceipt, InterfaceReceipt, OriginHost } from './Origin'
export { RangeOrigin } from './RangeOrigin'
export { ServiceInterfaceBuilder } from './ServiceInterfaceBuilder'
export type { ServiceInterfaceOptions } from './ServiceInterfaceBuilder'
export { RangeInterfaceBuilder } from './RangeInterfaceBuilder'
export type { RangeInterfaceOptions } from './RangeInterfaceBuilder'
export { createInterface, createRangeInterface } from './createInterface'
export { MAX_BIND_PORT_RANGE_SIZE, knownProtocols } from './protocols'
export type {
  BindOptionsByProtocol,
  BindPortRangeOptions,
  Scheme,
} from './protocols'
export {
  NO_INTERFACE_CHANGES,
  setupServiceInterfaces,
  setupServiceInterfaces as setupInterfaces,
} from './setupInterfaces'
export type {
  ServiceInterfacesReceipt,
  SetServiceInterfaces,
  SetupServiceInterfaces,
  UpdateServiceInterfaces,
  UpdateServiceInterfacesReceipt,
} from './setupInterfaces'
export {
  addressHostToUrl,
  filledAddress,
  fillHost,
  filterNonLocal,
  mdnsResolvable,
} from './filledAddress'
export type {
  Filled,
  FilledAddressInfo,
  FilledBindInfo,
  FilledHost,
  FilledServiceInterface,
  Filter,
  FilterKinds,
  UrlString,
} from './filledTypes'
export { GetHostInfo, getHost, getOwnHost } from './getHostInfo'
export { GetBridgeAddress, getBridgeAddress } from './getBridgeAddress'
export {
  exportPluginUrl,
  registerUrlPlugin,
  setupExportedUrls,
} from './urlPlugin'
export type {
  SetExportedUrls,
  SetupExportedUrls,
  UpdateExportedUrls,
} from './urlPlugin'
export type {
  AddSslOptions,
  BasicCredential,
  BindOptions,
  ProxyAuth,
  Security,
  UpstreamCertValidation,
} from '../types'
