/**
 * A stand-in for a module namespace that loads the module on first use: property reads,
 * `in`, `Object.keys` and spreading all reach the real module then. Keeps `import`ing the
 * SDK from paying for libraries a service may never touch (`YAML`, `TOML`).
 */
export function lazyModule<M extends object>(load: () => M): M {
  let loaded: M | undefined
  const real = (): M => (loaded ??= load())
  return new Proxy(Object.create(null) as M, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key)
      return d === undefined ? undefined : { ...d, configurable: true }
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  })
}
