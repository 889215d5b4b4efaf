import type { Effects } from '../effects'
import type { ActionId, PluginHostnameInfo } from '../types'

/** An action as the URL plugin hooks take it: only its id is sent. */
type ActionRef = { readonly id: ActionId }

/**
 * Registers this package as a URL plugin whose table of URLs is shown by `tableAction`
 * (for packages whose manifest lists the `url-v0` plugin).
 */
export function registerUrlPlugin(
  effects: Effects,
  options: { tableAction: ActionRef },
): Promise<null> {
  return effects.plugin.url.register({ tableAction: options.tableAction.id })
}

/** Publishes one URL for another package's binding, with the actions offered on it. */
export function exportPluginUrl(
  effects: Effects,
  options: {
    hostnameInfo: PluginHostnameInfo
    removeAction: ActionRef | null
    overflowActions: ActionRef[]
  },
): Promise<null> {
  return effects.plugin.url.exportUrl({
    hostnameInfo: options.hostnameInfo,
    removeAction: options.removeAction?.id ?? null,
    overflowActions: options.overflowActions.map((action) => action.id),
  })
}

/** The callback given to {@link setupExportedUrls}. */
export type SetExportedUrls = (opts: { effects: Effects }) => Promise<void>

/** The step {@link setupExportedUrls} returns. */
export type UpdateExportedUrls = (effects: Effects) => Promise<null>

/** The type of {@link setupExportedUrls}. */
export type SetupExportedUrls = (fn: SetExportedUrls) => UpdateExportedUrls

/**
 * Declares the URLs this plugin publishes. The returned step runs `fn`, then clears every
 * URL `fn` did not export again.
 */
export const setupExportedUrls: SetupExportedUrls = (fn) => {
  return async (effects) => {
    const kept: PluginHostnameInfo[] = []
    const url = effects.plugin.url
    const recordingUrl: Effects['plugin']['url'] = Object.assign(
      Object.create(url) as Effects['plugin']['url'],
      {
        exportUrl: (options: Parameters<typeof url.exportUrl>[0]) => {
          kept.push(options.hostnameInfo)
          return url.exportUrl(options)
        },
      },
    )
    const plugin = Object.assign(
      Object.create(effects.plugin) as Effects['plugin'],
      { url: recordingUrl },
    )
    const recorder = Object.assign(Object.create(effects) as Effects, {
      plugin,
    })
    await fn({ effects: recorder })
    await url.clearUrls({ except: kept })
    return null
  }
}
