import { SdkError } from '../errors'

/**
 * The error for an archive that is malformed, truncated or fails verification: `where`
 * names the part of the archive, `problem` what is wrong with it.
 */
export function badArchive(
  where: string,
  problem: string,
  details: Record<string, unknown> = {},
): SdkError {
  return new SdkError(
    'FILE_PARSE',
    `invalid .s9pk archive: ${where}: ${problem}; rebuild the package (start-cli s9pk pack) or download it again`,
    { details: { where, ...details } },
  )
}
