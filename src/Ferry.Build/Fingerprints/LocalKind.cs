namespace Ferry.Build.Fingerprints;

/// <summary>The kinds of unit-local freshness inputs (Cargo's <c>LocalFingerprint</c> variants).</summary>
public enum LocalKind
{
    /// <summary>The sources rustc listed in its dep-info (path of the encoded dep-info, relative to the build root).</summary>
    CheckDepInfo,

    /// <summary>A value computed up front: a registry package's version, or a path package's newest file.</summary>
    Precalculated,

    /// <summary>A build script's <c>rerun-if-changed</c> paths, compared with its output file.</summary>
    RerunIfChanged,

    /// <summary>A build script's <c>rerun-if-env-changed</c> variable and its value.</summary>
    RerunIfEnvChanged,
}
