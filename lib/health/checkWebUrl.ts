import type { Effects } from '../effects'
import { SdkError } from '../errors'
import { checkDuration } from './result'
import type { HealthCheckResult } from './result'

/**
 * Reports `success` when `url` answers with any HTTP response (any status code), `failure`
 * when the request fails or no response arrives within `timeout`. Uses the global `fetch`;
 * the response body is discarded unread.
 *
 * @param effects - The effects of the caller (not used by the check itself).
 * @param url - An absolute URL, e.g. `http://localhost:8080/health`.
 * @param options.timeout - Milliseconds before giving up (default 1000).
 * @param options.successMessage - The message on success (default `<url> is reachable`).
 * @param options.errorMessage - The message on failure (default names the url and the cause).
 */
export const checkWebUrl = async (
  effects: Effects,
  url: string,
  {
    timeout = 1000,
    successMessage = `${url} is reachable`,
    errorMessage,
  }: {
    timeout?: number | undefined
    successMessage?: string | undefined
    errorMessage?: string | undefined
  } = {},
): Promise<HealthCheckResult> => {
  void effects
  if (typeof url !== 'string' || !URL.canParse(url)) {
    throw new SdkError(
      'HEALTH_INVALID',
      `checkWebUrl(url) must be an absolute URL, got ${JSON.stringify(url)}; pass e.g. 'http://localhost:8080'`,
      { details: { field: 'url', value: url } },
    )
  }
  checkDuration('checkWebUrl(options.timeout)', timeout)
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), timeout)
  try {
    const response = await fetch(url, { signal: abort.signal })
    await response.body?.cancel()
    return { result: 'success', message: successMessage }
  } catch (e) {
    const cause = abort.signal.aborted
      ? `no response within ${timeout} ms`
      : e instanceof Error
        ? e.cause instanceof Error
          ? e.cause.message
          : e.message
        : String(e)
    return {
      result: 'failure',
      message: errorMessage ?? `${url} is not reachable: ${cause}`,
    }
  } finally {
    clearTimeout(timer)
  }
}
