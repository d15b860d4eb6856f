export { compareVersions, parseVersion, isVersion, type Version } from './version';
export { generateReleaseKey, parsePublicKey, parsePrivateKey, publicKeyOf, keyIdOf, type ReleaseKeyPair } from './keys';
export { digestFile, type FileDigest } from './hash';
export { canonicalText, parseManifest, MANIFEST_FORMAT, type Artifact, type ReleaseManifest, type UnsignedManifest } from './manifest';
export { signRelease, manifestFileName, type SignReleaseInput } from './sign';
export { verifyRelease, verifyManifestSignature, assertNewer, assertArtifact, type VerifyReleaseInput, type VerifiedRelease } from './verify';
