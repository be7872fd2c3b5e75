using Ferry.Core.Dependencies;
using Ferry.Core.Resolution;

namespace Ferry.Resolver;

/// <summary>
/// One resolution: the root summaries (workspace members, already locked against the previous
/// lockfile by the caller) with how each is activated, the <c>[replace]</c> entries, the sources,
/// the version preferences and the lockfile format to record.
/// </summary>
public sealed record ResolveRequest(
    IReadOnlyList<(Summary Summary, ResolveOpts Opts)> Roots,
    IReadOnlyList<PackageReplacement> Replacements,
    IPackageQuery Registry,
    VersionPreferences Preferences,
    ResolveVersion Version)
{
    /// <summary>Extra sources of information for error messages (alternative versions and names).</summary>
    public IResolverDiagnostics? Diagnostics { get; init; }

    /// <summary>Upper bound on search steps, so a pathological graph ends with an error, not minutes of work.</summary>
    public int MaxTicks { get; init; } = 5_000_000;
}
