using Ferry.Core.Dependencies;
using System.Collections.Immutable;

namespace Ferry.Core.Manifest.Schema;

/// <summary><c>[workspace.package]</c>: the values members may inherit.</summary>
public sealed record InheritablePackage
{
    public Version? Version { get; init; }

    public ImmutableArray<string>? Authors { get; init; }

    public string? Description { get; init; }

    public string? Homepage { get; init; }

    public string? Documentation { get; init; }

    public StringOrBool? Readme { get; init; }

    public ImmutableArray<string>? Keywords { get; init; }

    public ImmutableArray<string>? Categories { get; init; }

    public string? License { get; init; }

    public string? LicenseFile { get; init; }

    public string? Repository { get; init; }

    public VecStringOrBool? Publish { get; init; }

    public string? Edition { get; init; }

    public ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, string>>>>? Badges { get; init; }

    public ImmutableArray<string>? Exclude { get; init; }

    public ImmutableArray<string>? Include { get; init; }

    public RustVersion? RustVersion { get; init; }
}
