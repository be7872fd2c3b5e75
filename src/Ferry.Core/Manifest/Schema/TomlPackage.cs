using Ferry.Core.Dependencies;
using System.Collections.Immutable;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>The <c>[package]</c> (or legacy <c>[project]</c>) table as written.</summary>
public sealed record TomlPackage
{
    public Inheritable<string>? Edition { get; init; }

    public Inheritable<RustVersion>? RustVersion { get; init; }

    public string? Name { get; init; }

    public Inheritable<Version>? Version { get; init; }

    public Inheritable<ImmutableArray<string>>? Authors { get; init; }

    public PackageBuild? Build { get; init; }

    public ImmutableArray<string>? Metabuild { get; init; }

    public string? DefaultTarget { get; init; }

    public string? ForcedTarget { get; init; }

    public string? Links { get; init; }

    public Inheritable<ImmutableArray<string>>? Exclude { get; init; }

    public Inheritable<ImmutableArray<string>>? Include { get; init; }

    public Inheritable<VecStringOrBool>? Publish { get; init; }

    public string? Workspace { get; init; }

    public bool? ImATeapot { get; init; }

    public bool? Autolib { get; init; }

    public bool? Autobins { get; init; }

    public bool? Autoexamples { get; init; }

    public bool? Autotests { get; init; }

    public bool? Autobenches { get; init; }

    public string? DefaultRun { get; init; }

    public Inheritable<string>? Description { get; init; }

    public Inheritable<string>? Homepage { get; init; }

    public Inheritable<string>? Documentation { get; init; }

    public Inheritable<StringOrBool>? Readme { get; init; }

    public Inheritable<ImmutableArray<string>>? Keywords { get; init; }

    public Inheritable<ImmutableArray<string>>? Categories { get; init; }

    public Inheritable<string>? License { get; init; }

    public Inheritable<string>? LicenseFile { get; init; }

    public Inheritable<string>? Repository { get; init; }

    public string? Resolver { get; init; }

    /// <summary><c>[package.metadata]</c>, any TOML, kept as parsed.</summary>
    public TomlValue? Metadata { get; init; }
}
