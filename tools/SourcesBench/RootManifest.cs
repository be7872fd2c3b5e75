using System.Collections.Immutable;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Semver;
using Ferry.Toml;

namespace Ferry.SourcesBench;

/// <summary>
/// A root <see cref="Summary"/> read straight from a simple Cargo.toml (<c>[package]</c>,
/// <c>[dependencies]</c>, <c>[dev-dependencies]</c>, <c>[build-dependencies]</c>, <c>[features]</c>;
/// crates.io dependencies only). Enough for benchmarks and tests until the manifest loader lands;
/// not a manifest parser.
/// </summary>
internal static class RootManifest
{
    /// <param name="manifestPath">The Cargo.toml.</param>
    /// <param name="registries">Maps <c>registry = "NAME"</c> to its source; null when no dependency names one.</param>
    public static Summary Read(string manifestPath, Func<string, SourceId?>? registries = null)
    {
        var root = TomlDocument.Parse(File.ReadAllText(manifestPath)).Root;
        var package = root.TryGetTable("package", out var table) ? table : throw new InvalidDataException("no [package]");
        package.TryGetString("name", out var name);
        package.TryGetString("version", out var version);
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        foreach (var (key, kind) in new[] { ("dependencies", DependencyKind.Normal), ("dev-dependencies", DependencyKind.Development), ("build-dependencies", DependencyKind.Build) })
        {
            if (root.TryGetTable(key, out var section))
            {
                foreach (var (depName, value) in section)
                {
                    deps.Add(Dependency(depName, value, kind, registries));
                }
            }
        }

        var features = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        if (root.TryGetTable("features", out var featureTable))
        {
            foreach (var (feature, value) in featureTable)
            {
                features.Add(new(feature, Strings(value)));
            }
        }

        var dependencies = deps.ToImmutable();
        return new Summary
        {
            PackageId = new PackageId(name ?? "root", Ferry.Semver.Version.Parse(version ?? "0.0.0"), SourceId.ForPath(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!)),
            Dependencies = dependencies,
            Features = FeatureMapBuilder.Build(features, dependencies),
        };
    }

    private static Dependency Dependency(string key, TomlValue value, DependencyKind kind, Func<string, SourceId?>? registries)
    {
        if (value.TryGetString(out var req))
        {
            return new Dependency { PackageName = key, Source = SourceId.CratesIo, Req = VersionReq.Parse(req), SpecifiedReq = true, Kind = kind };
        }

        var table = (TomlTable)value;
        table.TryGetString("version", out var version);
        var package = table.TryGetString("package", out var renamed) ? renamed : null;
        var source = SourceId.CratesIo;
        if (table.TryGetString("registry", out var registry))
        {
            source = registries?.Invoke(registry) ?? throw new InvalidDataException($"registry index was not found in any configuration: `{registry}`");
        }

        return new Dependency
        {
            PackageName = package ?? key,
            ExplicitNameInToml = package is null ? null : key,
            Source = source,
            RegistryId = source.IsCratesIo ? null : source,
            Req = version is null ? VersionReq.Star : VersionReq.Parse(version),
            SpecifiedReq = version is not null,
            Kind = kind,
            Optional = table.TryGetBoolean("optional", out var optional) && optional,
            DefaultFeatures = !table.TryGetBoolean("default-features", out var defaults) || defaults,
            Features = table.TryGetArray("features", out var list) ? [.. Strings(list)] : [],
        };
    }

    private static List<string> Strings(TomlValue value)
    {
        var result = new List<string>();
        if (value is TomlArray array)
        {
            foreach (var item in array)
            {
                if (item.TryGetString(out var text))
                {
                    result.Add(text);
                }
            }
        }

        return result;
    }
}
