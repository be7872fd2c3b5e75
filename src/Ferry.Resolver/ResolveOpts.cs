namespace Ferry.Resolver;

/// <summary>How a package is activated: whether its dev-dependencies count, and with which features.</summary>
public sealed record ResolveOpts(bool DevDeps, RequestedFeatures Features)
{
    /// <summary>Lockfile generation: dev-dependencies and all features.</summary>
    public static ResolveOpts Everything { get; } = new(true, new RequestedFeatures.Cli(CliFeatures.All));
}
