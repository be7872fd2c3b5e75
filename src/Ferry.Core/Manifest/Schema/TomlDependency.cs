namespace Ferry.Core.Manifest.Schema;

/// <summary>A dependency: <c>foo = "1.0"</c> (<see cref="Simple"/>) or <c>foo = { ... }</c> (<see cref="Detailed"/>).</summary>
public sealed record TomlDependency(string? Simple, TomlDetailedDependency? Detailed)
{
    public static TomlDependency OfVersion(string version) => new(version, null);

    public static TomlDependency Of(TomlDetailedDependency detailed) => new(null, detailed);

    /// <summary>The detailed form; a simple version string becomes <c>{ version = "..." }</c>.</summary>
    public TomlDetailedDependency AsDetailed() => Detailed ?? new TomlDetailedDependency { Version = Simple };

    public bool IsVersionSpecified => Simple is not null || Detailed!.Version is not null;

    public bool IsOptional => Detailed?.Optional ?? false;

    public bool IsPublic => Detailed?.Public ?? false;

    public IReadOnlyList<string> UnusedKeys => Detailed?.UnusedKeys ?? [];
}
