import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { checkWebUrl } from '../../lib/health'
import { isSdkError } from '../../lib/errors'
import { contextEffects } from '../file/helpers'

const { effects, leave } = contextEffects('health-web')
after(leave)

/** A loopback HTTP server; `handler` may leave a request unanswered. */
async function serve(
  handler: Parameters<typeof createServer>[1] & object,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  assert.ok(address && typeof address === 'object')
  return {
    url: `http://127.0.0.1:${address.port}/health`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('checkWebUrl', () => {
  it('succeeds on any HTTP response, even a 500, with the request made', async () => {
    const paths: string[] = []
    const { url, stop } = await serve((req, res) => {
      paths.push(req.url ?? '')
      res.statusCode = 500
      res.end('broken but alive')
    })
    try {
      assert.deepEqual(
        await checkWebUrl(effects, url, { successMessage: 'web up' }),
        { result: 'success', message: 'web up' },
      )
      assert.deepEqual(await checkWebUrl(effects, url), {
        result: 'success',
        message: `${url} is reachable`,
      })
      assert.deepEqual(paths, ['/health', '/health'])
    } finally {
      await stop()
    }
  })

  it('fails when nothing listens, with the given or a default message', async () => {
    const { url, stop } = await serve((_req, res) => res.end())
    await stop()
    assert.deepEqual(
      await checkWebUrl(effects, url, { errorMessage: 'web down' }),
      { result: 'failure', message: 'web down' },
    )
    const r = await checkWebUrl(effects, url)
    assert.equal(r.result, 'failure')
    assert.match(r.message ?? '', /is not reachable: .*ECONNREFUSED/)
  })

  it('fails after the timeout when the server never answers', async () => {
    const { url, stop } = await serve(() => {
      /* never answers */
    })
    try {
      const r = await checkWebUrl(effects, url, { timeout: 100 })
      assert.deepEqual(r, {
        result: 'failure',
        message: `${url} is not reachable: no response within 100 ms`,
      })
    } finally {
      await stop()
    }
  })

  it('rejects a relative url or a bad timeout, naming the field', async () => {
    await assert.rejects(checkWebUrl(effects, '/health'), (e) => {
      assert.ok(isSdkError(e))
      assert.match(e.message, /checkWebUrl\(url\) must be an absolute URL/)
      return true
    })
    await assert.rejects(
      checkWebUrl(effects, 'http://127.0.0.1:1/', { timeout: Infinity }),
      /checkWebUrl\(options\.timeout\)/,
    )
  })
})
