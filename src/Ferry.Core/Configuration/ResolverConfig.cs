namespace Ferry.Core.Configuration;

/// <summary>The <c>[resolver]</c> table (Cargo's <c>CargoResolverConfig</c>).</summary>
public sealed record ResolverConfig
{
    /// <summary><c>allow</c> or <c>fallback</c>.</summary>
    public string? IncompatibleRustVersions { get; init; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public string? IncompatiblePublishAge { get; init; }

    /// <summary><c>package</c>, <c>selected</c> or <c>workspace</c>.</summary>
    public string? FeatureUnification { get; init; }

    public ConfigRelativePath? LockfilePath { get; init; }

    internal static ResolverConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("resolver");
        reader.Struct(key, ["incompatible-rust-versions", "incompatible-publish-age", "feature-unification", "lockfile-path"]);
        return new ResolverConfig
        {
            IncompatibleRustVersions = reader.Enum(key.Push("incompatible-rust-versions"), "allow", "fallback"),
            IncompatiblePublishAge = reader.Enum(key.Push("incompatible-publish-age"), "allow", "deny"),
            FeatureUnification = reader.Enum(key.Push("feature-unification"), "package", "selected", "workspace"),
            LockfilePath = reader.RelativePath(key.Push("lockfile-path")),
        };
    }
}
