namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// Entry point for a package's targets, Cargo 1.95's rules: auto-discovery, merging with the
/// declared tables, defaults per kind, validation, and Cargo's warnings and errors word for word.
/// </summary>
/// <remarks>
/// Failures that stop Cargo at once are thrown as <see cref="Ferry.Util.Diagnostics.FerryException"/>
/// carrying only Cargo's inner message: the caller wraps it as the cause of
/// <c>failed to parse manifest at `…/Cargo.toml`</c>. Deferred failures come back in
/// <see cref="TargetDiscoveryResult.Errors"/>. The work is split in two phases because Cargo emits
/// other manifest warnings (dependencies, ...) between them and because <c>cargo package</c> needs
/// the normalized tables; <see cref="Discover"/> runs both.
/// </remarks>
public static class TargetDiscovery
{
    /// <summary>Normalizes and builds the targets in one go.</summary>
    public static TargetDiscoveryResult Discover(TargetDiscoveryInput input) => Build(input, Normalize(input));

    /// <summary>Phase one: the target tables with names, paths and inferred targets filled in.</summary>
    public static NormalizedTargets Normalize(TargetDiscoveryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TargetNormalizer.Normalize(input);
    }

    /// <summary>
    /// Phase two: the <see cref="Target"/> list. Its warnings start with
    /// <paramref name="normalized"/>'s, and its errors are <paramref name="normalized"/>'s.
    /// </summary>
    public static TargetDiscoveryResult Build(TargetDiscoveryInput input, NormalizedTargets normalized)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(normalized);
        return TargetBuilder.Build(input, normalized);
    }
}
