namespace Ferry.Build.Rustc;

/// <summary>
/// The compiler a build uses (Cargo's <c>Rustc</c>): the program (a rustup proxy resolved to the
/// toolchain's own binary, as Cargo does under rustup), the wrappers, and what <c>rustc -vV</c> said.
/// </summary>
public sealed record RustcInfo
{
    public required string Path { get; init; }

    /// <summary><c>RUSTC_WRAPPER</c> / <c>build.rustc-wrapper</c> (for example sccache).</summary>
    public string? Wrapper { get; init; }

    /// <summary><c>RUSTC_WORKSPACE_WRAPPER</c> / <c>build.rustc-workspace-wrapper</c>: only for workspace members.</summary>
    public string? WorkspaceWrapper { get; init; }

    public required string VerboseVersion { get; init; }

    /// <summary>The <c>release:</c> line, e.g. <c>1.95.0</c>.</summary>
    public required string Release { get; init; }

    public required string Host { get; init; }

    public required string Rustdoc { get; init; }

    /// <summary>Pre-release part of the version (<c>nightly</c>, <c>beta.1</c>), empty for stable.</summary>
    public string Pre => Release.IndexOf('-') is var dash and >= 0 ? Release[(dash + 1)..] : string.Empty;
}
