import type { ValidateExVer, ValidateVersion } from './validate'

/**
 * Returns its argument unchanged; its signature makes the compiler reject a string
 * literal that is not an extended version (see {@link ValidateExVer}).
 *
 * @example
 * ```ts
 * testTypeExVer('#knots:29.0:1') // compiles
 * ```
 * @example
 * ```ts
 * testTypeExVer('29.0') // type error: no downstream version
 * ```
 */
export const testTypeExVer = <T extends string>(
  t: T & ValidateExVer<T>,
): T & ValidateExVer<T> => t

/**
 * Returns its argument unchanged; its signature makes the compiler reject a string
 * literal that is not a version (see {@link ValidateVersion}).
 *
 * @example
 * ```ts
 * testTypeVersion('1.2.3-rc.1') // compiles
 * ```
 * @example
 * ```ts
 * testTypeVersion('1.2.3:0') // type error: a version has no `:` part
 * ```
 */
export const testTypeVersion = <T extends string>(
  t: T & ValidateVersion<T>,
): T & ValidateVersion<T> => t
