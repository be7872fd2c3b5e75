namespace Ferry.Ops;

/// <summary>The options of <c>ferry metadata</c>.</summary>
public sealed record MetadataOptions
{
    public string? ManifestPath { get; init; }

    public bool NoDeps { get; init; }

    /// <summary>The <c>--format-version</c> given, or null (then Cargo warns and uses 1).</summary>
    public string? FormatVersion { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    public bool AllFeatures { get; init; }

    public bool NoDefaultFeatures { get; init; }

    public IReadOnlyList<string> FilterPlatforms { get; init; } = [];
}
