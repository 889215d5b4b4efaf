/*
 * Compile-only tests of S9pk: the reader has 2.0.9's signatures (statics, methods, fields),
 * an instance of either class is usable as the other, and misuse does not compile.
 */
import type { S9pk as RefS9pk } from 'start-sdk-reference'
import type { MerkleArchiveCommitment as RefCommitment } from 'start-sdk-reference/node_modules/@start9labs/start-core/osBindings'
import type {
  DirectoryContents,
  Entry,
  EntryContents,
  FileContents,
  MerkleArchive,
  MerkleArchiveCommitment,
  S9pkDependencyMetadata,
  Signer,
} from '../../lib/s9pk'
import { S9pk, compare, serializeVarint } from '../../lib/s9pk'
import type { Equal, Expect } from './helpers'

type Ref = RefS9pk
type RefArchive = Ref['archive']
type RefDir = RefArchive['contents']
type RefEntry = RefDir['contents'][string]

// the statics and methods take and return what 2.0.9's do
type _deserialize = Expect<
  Equal<
    typeof S9pk.deserialize,
    (source: Blob, commitment: MerkleArchiveCommitment | null) => Promise<S9pk>
  >
>
type _commitment = Expect<Equal<MerkleArchiveCommitment, RefCommitment>>
type _icon = Expect<Equal<ReturnType<S9pk['icon']>, ReturnType<Ref['icon']>>>
type _license = Expect<
  Equal<ReturnType<S9pk['license']>, ReturnType<Ref['license']>>
>
type _instructions = Expect<
  Equal<ReturnType<S9pk['instructions']>, ReturnType<Ref['instructions']>>
>
type _metaFor = Expect<
  Equal<
    ReturnType<S9pk['dependencyMetadataFor']>,
    ReturnType<Ref['dependencyMetadataFor']>
  >
>
type _iconFor = Expect<
  Equal<
    ReturnType<S9pk['dependencyIconFor']>,
    ReturnType<Ref['dependencyIconFor']>
  >
>
type _meta = Expect<
  Equal<
    ReturnType<S9pk['dependencyMetadata']>,
    ReturnType<Ref['dependencyMetadata']>
  >
>
type _size = Expect<Equal<S9pk['size'], Ref['size']>>
type _signer = Expect<Equal<Signer, RefArchive['signer']>>
type _hash = Expect<Equal<Entry['hash'], RefEntry['hash']>>
type _entrySize = Expect<Equal<Entry['size'], RefEntry['size']>>
type _fileBlob = Expect<Equal<FileContents['contents'], Blob>>
type _verified = Expect<
  Equal<FileContents['verified'], (hash: Uint8Array) => Promise<ArrayBuffer>>
>
type _getPath = Expect<
  Equal<DirectoryContents['getPath'], (path: string[]) => Entry | null>
>
type _entryContents = Expect<
  Equal<EntryContents, null | FileContents | DirectoryContents>
>
type _compare = Expect<
  Equal<typeof compare, (a: Uint8Array, b: Uint8Array) => boolean>
>
type _varint = Expect<
  Equal<typeof serializeVarint, (int: number) => ArrayBuffer>
>

// an instance of either reader passes where the other is expected (structural types)
declare const ours: S9pk
declare const theirs: Ref
const asRef: Ref = ours
const asOurs: S9pk = theirs
const archiveAsRef: RefArchive = ours.archive
const archiveAsOurs: MerkleArchive = theirs.archive
void [asRef, asOurs, archiveAsRef, archiveAsOurs]

// the documented shape of dependencyMetadata() values
declare const meta: S9pkDependencyMetadata
const optional: boolean = meta.optional
const icon: string | null = meta.icon
void [optional, icon]

async function misuse(blob: Blob): Promise<void> {
  // @ts-expect-error the commitment is required (pass null to skip it)
  await S9pk.deserialize(blob)
  const bytesHash = { rootSighash: new Uint8Array(32), rootMaxsize: 1 }
  // @ts-expect-error a commitment's root hash is base64 text, not bytes
  await S9pk.deserialize(blob, bytesHash)
  const s9pk = await S9pk.deserialize(blob, null)
  // @ts-expect-error license() is a promise of text
  const text: string = s9pk.license()
  // @ts-expect-error instructions() may be null
  const instructions: string = await s9pk.instructions()
  // @ts-expect-error fields are read-only
  s9pk.size = 1
  void [text, instructions]
}
void misuse
