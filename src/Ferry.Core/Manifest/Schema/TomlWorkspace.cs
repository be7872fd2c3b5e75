using System.Collections.Immutable;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>The <c>[workspace]</c> table as written.</summary>
public sealed record TomlWorkspace
{
    public ImmutableArray<string>? Members { get; init; }

    public ImmutableArray<string>? Exclude { get; init; }

    public ImmutableArray<string>? DefaultMembers { get; init; }

    public string? Resolver { get; init; }

    public TomlValue? Metadata { get; init; }

    public InheritablePackage? Package { get; init; }

    /// <summary><c>[workspace.dependencies]</c>, sorted by name.</summary>
    public ImmutableArray<KeyValuePair<string, TomlDependency>>? Dependencies { get; init; }

    public TomlLints? Lints { get; init; }
}
