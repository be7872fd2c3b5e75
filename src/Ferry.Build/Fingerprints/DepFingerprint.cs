namespace Ferry.Build.Fingerprints;

/// <summary>A dependency as its dependent's fingerprint records it (Cargo's <c>DepFingerprint</c>).</summary>
public sealed record DepFingerprint(string PackageId, string Name, bool Public, Fingerprint Fingerprint, bool OnlyRequiresRmeta);
