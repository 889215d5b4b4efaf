/**
 * Stand-in for `@start9labs/start-sdk` in the type-check benchmark's baseline: every name
 * examples/full-service imports, typed `any`, so the project type-checks with (almost) no
 * SDK cost. `bench/typecheck/tsconfig.stub.json` maps the package to this file.
 */
export declare const StartSdk: any
export declare const setupManifest: any
export declare const buildManifest: any
export declare const VersionGraph: any
export declare const VersionInfo: any
export declare const FileHelper: any
export declare const z: any
