using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Manifest.Schema;
using Ferry.Core.Manifest.Targets;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest;

/// <summary>
/// What a workspace root offers its members: <c>[workspace.package]</c>, <c>[workspace.dependencies]</c>
/// and <c>[workspace.lints]</c>. Each getter fails with Cargo's "was not defined" message; paths are
/// rebased from the root to the member (<c>license-file</c>, <c>readme</c>, path dependencies).
/// </summary>
public sealed record InheritableFields(
    InheritablePackage? Package,
    ImmutableArray<KeyValuePair<string, TomlDependency>>? Dependencies,
    TomlLints? Lints,
    string WorkspaceRoot)
{
    private static T Defined<T>(T? value, string key)
        where T : class =>
        value ?? throw new FerryException($"`workspace.package.{key}` was not defined");

    private static T DefinedValue<T>(T? value, string key)
        where T : struct =>
        value ?? throw new FerryException($"`workspace.package.{key}` was not defined");

    public ImmutableArray<string> Authors() => DefinedValue(Package?.Authors, "authors");

    public ImmutableArray<string> Categories() => DefinedValue(Package?.Categories, "categories");

    public string Description() => Defined(Package?.Description, "description");

    public string Documentation() => Defined(Package?.Documentation, "documentation");

    public string Edition() => Defined(Package?.Edition, "edition");

    public ImmutableArray<string> Exclude() => DefinedValue(Package?.Exclude, "exclude");

    public string Homepage() => Defined(Package?.Homepage, "homepage");

    public ImmutableArray<string> Include() => DefinedValue(Package?.Include, "include");

    public ImmutableArray<string> Keywords() => DefinedValue(Package?.Keywords, "keywords");

    public string License() => Defined(Package?.License, "license");

    public VecStringOrBool Publish() => Defined(Package?.Publish, "publish");

    public string Repository() => Defined(Package?.Repository, "repository");

    public RustVersion RustVersion() => Defined(Package?.RustVersion, "rust-version");

    public Version Version() => Defined(Package?.Version, "version");

    public string LicenseFile(string packageRoot) =>
        ResolveRelativePath("license-file", WorkspaceRoot, packageRoot, Defined(Package?.LicenseFile, "license-file"));

    public StringOrBool Readme(string packageRoot)
    {
        var readme = ManifestLowering.NormalizeReadme(WorkspaceRoot, Package?.Readme)
            ?? throw new FerryException("`workspace.package.readme` was not defined");
        return StringOrBool.Of(ResolveRelativePath("readme", WorkspaceRoot, packageRoot, readme));
    }

    public TomlLints WorkspaceLints() => Lints ?? throw new FerryException("`workspace.lints` was not defined");

    /// <summary>A <c>[workspace.dependencies]</c> entry, with a path (without <c>base</c>) made relative to the member.</summary>
    public TomlDependency Dependency(string name, string packageRoot)
    {
        if (Dependencies is not { } deps)
        {
            throw new FerryException("`workspace.dependencies` was not defined");
        }

        foreach (var (key, dep) in deps)
        {
            if (key != name)
            {
                continue;
            }

            if (dep.Detailed is { Base: null, Path: { } path } detailed)
            {
                return TomlDependency.Of(detailed with { Path = ResolveRelativePath(name, WorkspaceRoot, packageRoot, path) });
            }

            return dep;
        }

        throw new FerryException($"`dependency.{name}` was not found in `workspace.dependencies`");
    }

    /// <summary>Cargo's <c>resolve_relative_path</c>: <paramref name="relative"/> from <paramref name="oldRoot"/>, seen from <paramref name="newRoot"/>.</summary>
    public static string ResolveRelativePath(string label, string oldRoot, string newRoot, string relative)
    {
        var joined = TargetPaths.Normalize(TargetPaths.Resolve(oldRoot, relative));
        return PathDiff.Diff(joined, newRoot)
            ?? throw new FerryException($"`{label}` was defined in {oldRoot} but could not be resolved with {newRoot}");
    }
}
