using System.Collections.Immutable;
using Ferry.Core.Manifest.Targets;
using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// Turns a parsed Cargo.toml into <see cref="TomlManifest"/>, reproducing what Cargo's serde-derived
/// schema accepts, which key it complains about first (document order), its exact wording, and which
/// keys it silently ignores (collected as unused manifest keys).
/// </summary>
/// <remarks>
/// Cargo's messages come from several serde layers (derived structs, hand-written visitors, untagged
/// enums that re-render inner errors). Rather than emulate serde generically, each schema type has a
/// small hand-written reader here and in the sibling decoders, so every message and position can be
/// matched against Cargo case by case; <see cref="SchemaReader.Wrap"/> is the one place that models the
/// untagged re-rendering.
/// </remarks>
public static class ManifestDecoder
{
    public static TomlManifest Decode(TomlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var reader = new SchemaReader();
        var manifest = Root(reader, document.Root);
        return manifest with { UnusedKeys = reader.UnusedKeys };
    }

    private static bool IsRootField(string key) => key is "cargo-features" or "package" or "project" or "badges" or "features"
        or "lib" or "bin" or "example" or "test" or "bench" or "dependencies" or "dev-dependencies" or "dev_dependencies"
        or "build-dependencies" or "build_dependencies" or "target" or "lints" or "hints" or "workspace" or "profile"
        or "patch" or "replace";

    private static TomlManifest Root(SchemaReader reader, TomlTable root)
    {
        var m = new TomlManifest();
        foreach (var entry in root.Entries)
        {
            var key = entry.Key.Name;
            var v = entry.Value;
            if (!IsRootField(key))
            {
                reader.Unused(key);
                continue;
            }

            reader.Push(key);
            try
            {
                m = key switch
                {
                    "cargo-features" => m with { CargoFeatures = reader.Strings(v) },
                    "package" => m with { Package = Package(reader, v) },
                    "project" => m with { Project = Package(reader, v) },
                    "badges" => m with { Badges = Badges(reader, v) },
                    "features" => m with { Features = Features(reader, v) },
                    "lib" => m with { Lib = Target(reader, v) },
                    "bin" => m with { Bin = Targets(reader, v) },
                    "example" => m with { Example = Targets(reader, v) },
                    "test" => m with { Test = Targets(reader, v) },
                    "bench" => m with { Bench = Targets(reader, v) },
                    "dependencies" => m with { Dependencies = DependencyDecoder.PackageTable(reader, v) },
                    "dev-dependencies" => m with { DevDependencies = DependencyDecoder.PackageTable(reader, v) },
                    "dev_dependencies" => m with { DevDependencies2 = DependencyDecoder.PackageTable(reader, v) },
                    "build-dependencies" => m with { BuildDependencies = DependencyDecoder.PackageTable(reader, v) },
                    "build_dependencies" => m with { BuildDependencies2 = DependencyDecoder.PackageTable(reader, v) },
                    "target" => m with { Target = Platforms(reader, v) },
                    "lints" => m with { Lints = LintsDecoder.Inheritable(reader, v) },
                    "hints" => m with { Hints = Hints(reader, v) },
                    "workspace" => m with { Workspace = Workspace(reader, v) },
                    "profile" => m with { Profile = ProfileDecoder.Profiles(reader, v) },
                    "patch" => m with { Patch = Patch(reader, v) },
                    _ => m with { Replace = DependencyDecoder.PlainTable(reader, v, validateNames: false) },
                };
            }
            finally
            {
                reader.Pop();
            }
        }

        return m;
    }

    private static bool IsPackageField(string key) => key is "edition" or "rust-version" or "name" or "version" or "authors"
        or "build" or "metabuild" or "default-target" or "forced-target" or "links" or "exclude" or "include" or "publish"
        or "workspace" or "im-a-teapot" or "autolib" or "autobins" or "autoexamples" or "autotests" or "autobenches"
        or "default-run" or "description" or "homepage" or "documentation" or "readme" or "keywords" or "categories"
        or "license" or "license-file" or "repository" or "resolver" or "metadata" or "cargo-features";

    private static TomlPackage Package(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct TomlPackage");
        var p = new TomlPackage();
        foreach (var entry in entries)
        {
            var key = entry.Key;
            var v = entry.Value;
            if (!IsPackageField(key))
            {
                reader.Unused(key);
                continue;
            }

            reader.Push(key);
            try
            {
                p = key switch
                {
                    "edition" => p with { Edition = InheritableDecoder.String(reader, v) },
                    "rust-version" => p with { RustVersion = InheritableDecoder.RustVersion(reader, v) },
                    "name" => p with { Name = PackageName(reader, v) },
                    "version" => p with { Version = InheritableDecoder.Version(reader, v) },
                    "authors" => p with { Authors = InheritableDecoder.Strings(reader, v) },
                    "build" => p with { Build = Build(reader, v) },
                    "metabuild" => p with { Metabuild = DependencyDecoder.StringOrVec(reader, v) },
                    "default-target" => p with { DefaultTarget = reader.String(v) },
                    "forced-target" => p with { ForcedTarget = reader.String(v) },
                    "links" => p with { Links = reader.String(v) },
                    "exclude" => p with { Exclude = InheritableDecoder.Strings(reader, v) },
                    "include" => p with { Include = InheritableDecoder.Strings(reader, v) },
                    "publish" => p with { Publish = InheritableDecoder.VecStringOrBool(reader, v) },
                    "workspace" => p with { Workspace = reader.String(v) },
                    "im-a-teapot" => p with { ImATeapot = reader.Bool(v) },
                    "autolib" => p with { Autolib = reader.Bool(v) },
                    "autobins" => p with { Autobins = reader.Bool(v) },
                    "autoexamples" => p with { Autoexamples = reader.Bool(v) },
                    "autotests" => p with { Autotests = reader.Bool(v) },
                    "autobenches" => p with { Autobenches = reader.Bool(v) },
                    "default-run" => p with { DefaultRun = reader.String(v) },
                    "description" => p with { Description = InheritableDecoder.String(reader, v) },
                    "homepage" => p with { Homepage = InheritableDecoder.String(reader, v) },
                    "documentation" => p with { Documentation = InheritableDecoder.String(reader, v) },
                    "readme" => p with { Readme = InheritableDecoder.StringOrBool(reader, v) },
                    "keywords" => p with { Keywords = InheritableDecoder.Strings(reader, v) },
                    "categories" => p with { Categories = InheritableDecoder.Strings(reader, v) },
                    "license" => p with { License = InheritableDecoder.String(reader, v) },
                    "license-file" => p with { LicenseFile = InheritableDecoder.String(reader, v) },
                    "repository" => p with { Repository = InheritableDecoder.String(reader, v) },
                    "resolver" => p with { Resolver = reader.String(v) },
                    "metadata" => p with { Metadata = v },
                    _ => throw reader.Error("the field `cargo-features` should be set at the top of Cargo.toml before any tables", v.Span),
                };
            }
            catch (ManifestDecodeException e)
            {
                throw SchemaReader.Locate(e, value);
            }
            finally
            {
                reader.Pop();
            }
        }

        return p;
    }

    private static string PackageName(SchemaReader reader, TomlValue value)
    {
        var name = reader.String(value);
        return NameValidation.PackageNameError(name) is { } error ? throw reader.Error(error, value.Span) : name;
    }

    private static PackageBuild Build(SchemaReader reader, TomlValue value) => value switch
    {
        TomlBoolean b => PackageBuild.Auto(b.Value),
        TomlString s => PackageBuild.Script(s.Value),
        TomlArray => PackageBuild.MultipleScripts(InheritableDecoder.UntaggedStrings(reader, value)),
        _ => throw reader.TypeError(value, "a boolean, string or array"),
    };

    private static ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, string>>>> Badges(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var badges = new List<KeyValuePair<string, ImmutableArray<KeyValuePair<string, string>>>>(entries.Count);
        foreach (var entry in entries)
        {
            reader.Push(entry.Key);
            try
            {
                var inner = reader.Map(entry.Value, "a map");
                var values = new List<KeyValuePair<string, string>>(inner.Count);
                foreach (var item in inner)
                {
                    reader.Push(item.Key);
                    try
                    {
                        values.Add(new(item.Key, reader.String(item.Value)));
                    }
                    finally
                    {
                        reader.Pop();
                    }
                }

                values.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                badges.Add(new(entry.Key, [.. values]));
            }
            finally
            {
                reader.Pop();
            }
        }

        badges.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. badges];
    }

    private static ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Features(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var features = new List<KeyValuePair<string, ImmutableArray<string>>>(entries.Count);
        foreach (var entry in entries)
        {
            if (NameValidation.FeatureNameError(entry.Key) is { } error)
            {
                throw reader.Error(error, entry.KeySpan);
            }

            reader.Push(entry.Key);
            try
            {
                features.Add(new(entry.Key, reader.Strings(entry.Value)));
            }
            finally
            {
                reader.Pop();
            }
        }

        features.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. features];
    }

    private static ImmutableArray<TomlTarget> Targets(SchemaReader reader, TomlValue value)
    {
        IReadOnlyList<TomlValue> items = value switch
        {
            TomlArrayOfTables tables => tables,
            TomlArray array => array,
            _ => throw reader.TypeError(value, "a sequence"),
        };

        var targets = ImmutableArray.CreateBuilder<TomlTarget>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            reader.Push(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                targets.Add(Target(reader, items[i]));
            }
            finally
            {
                reader.Pop();
            }
        }

        return targets.MoveToImmutable();
    }

    private static bool IsTargetField(string key) => key is "name" or "crate-type" or "crate_type" or "path" or "filename"
        or "test" or "doctest" or "bench" or "doc" or "doc-scrape-examples" or "proc-macro" or "proc_macro" or "harness"
        or "required-features" or "edition";

    private static TomlTarget Target(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct TomlTarget");
        var t = new TomlTarget();
        foreach (var entry in entries)
        {
            var key = entry.Key;
            var v = entry.Value;
            if (!IsTargetField(key))
            {
                reader.Unused(key);
                continue;
            }

            reader.Push(key);
            try
            {
                t = key switch
                {
                    "name" => t with { Name = reader.String(v) },
                    "crate-type" => t with { CrateType = reader.Strings(v) },
                    "crate_type" => t with { CrateTypeUnderscore = reader.Strings(v) },
                    "path" => t with { Path = reader.String(v) },
                    "filename" => t with { Filename = reader.String(v) },
                    "test" => t with { Test = reader.Bool(v) },
                    "doctest" => t with { Doctest = reader.Bool(v) },
                    "bench" => t with { Bench = reader.Bool(v) },
                    "doc" => t with { Doc = reader.Bool(v) },
                    "doc-scrape-examples" => t with { DocScrapeExamples = reader.Bool(v) },
                    "proc-macro" => t with { ProcMacro = reader.Bool(v) },
                    "proc_macro" => t with { ProcMacroUnderscore = reader.Bool(v) },
                    "harness" => t with { Harness = reader.Bool(v) },
                    "required-features" => t with { RequiredFeatures = reader.Strings(v) },
                    _ => t with { Edition = reader.String(v) },
                };
            }
            catch (ManifestDecodeException e)
            {
                throw SchemaReader.Locate(e, value);
            }
            finally
            {
                reader.Pop();
            }
        }

        return t;
    }

    private static ImmutableArray<KeyValuePair<string, TomlPlatform>> Platforms(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var platforms = new List<KeyValuePair<string, TomlPlatform>>(entries.Count);
        foreach (var entry in entries)
        {
            reader.Push(entry.Key);
            try
            {
                platforms.Add(new(entry.Key, Platform(reader, entry.Value)));
            }
            finally
            {
                reader.Pop();
            }
        }

        platforms.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. platforms];
    }

    private static TomlPlatform Platform(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct TomlPlatform");
        var p = new TomlPlatform();
        foreach (var entry in entries)
        {
            var key = entry.Key;
            if (key is not ("dependencies" or "build-dependencies" or "build_dependencies" or "dev-dependencies" or "dev_dependencies"))
            {
                reader.Unused(key);
                continue;
            }

            reader.Push(key);
            try
            {
                var table = DependencyDecoder.PackageTable(reader, entry.Value);
                p = key switch
                {
                    "dependencies" => p with { Dependencies = table },
                    "build-dependencies" => p with { BuildDependencies = table },
                    "build_dependencies" => p with { BuildDependencies2 = table },
                    "dev-dependencies" => p with { DevDependencies = table },
                    _ => p with { DevDependencies2 = table },
                };
            }
            catch (ManifestDecodeException e)
            {
                throw SchemaReader.Locate(e, value);
            }
            finally
            {
                reader.Pop();
            }
        }

        return p;
    }

    private static TomlValue Hints(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct Hints");
        foreach (var entry in entries)
        {
            if (entry.Key != "mostly-unused")
            {
                reader.Unused(entry.Key);
            }
        }

        return value;
    }

    private static bool IsWorkspaceField(string key) => key is "members" or "exclude" or "default-members" or "resolver"
        or "metadata" or "package" or "dependencies" or "lints";

    private static TomlWorkspace Workspace(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct TomlWorkspace");
        var w = new TomlWorkspace();
        foreach (var entry in entries)
        {
            var key = entry.Key;
            var v = entry.Value;
            if (!IsWorkspaceField(key))
            {
                reader.Unused(key);
                continue;
            }

            reader.Push(key);
            try
            {
                w = key switch
                {
                    "members" => w with { Members = reader.Strings(v) },
                    "exclude" => w with { Exclude = reader.Strings(v) },
                    "default-members" => w with { DefaultMembers = reader.Strings(v) },
                    "resolver" => w with { Resolver = reader.String(v) },
                    "metadata" => w with { Metadata = v },
                    "package" => w with { Package = WorkspacePackage(reader, v) },
                    "dependencies" => w with { Dependencies = DependencyDecoder.PlainTable(reader, v, validateNames: true) },
                    _ => w with { Lints = LintsDecoder.Lints(reader, v) },
                };
            }
            catch (ManifestDecodeException e)
            {
                throw SchemaReader.Locate(e, value);
            }
            finally
            {
                reader.Pop();
            }
        }

        return w;
    }

    private static bool IsWorkspacePackageField(string key) => key is "version" or "authors" or "description" or "homepage"
        or "documentation" or "readme" or "keywords" or "categories" or "license" or "license-file" or "repository"
        or "publish" or "edition" or "badges" or "exclude" or "include" or "rust-version";

    private static InheritablePackage WorkspacePackage(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "struct InheritablePackage");
        var p = new InheritablePackage();
        foreach (var entry in entries)
        {
            var key = entry.Key;
            var v = entry.Value;
            if (!IsWorkspacePackageField(key))
            {
                reader.Unused(key);
                continue;
            }

            reader.Push(key);
            try
            {
                p = key switch
                {
                    "version" => p with
                    {
                        Version = v is TomlString s ? InheritableDecoder.ParseVersion(reader, s, trim: false) : throw reader.TypeError(v, "semver version"),
                    },
                    "authors" => p with { Authors = reader.Strings(v) },
                    "description" => p with { Description = reader.String(v) },
                    "homepage" => p with { Homepage = reader.String(v) },
                    "documentation" => p with { Documentation = reader.String(v) },
                    "readme" => p with { Readme = ProfileDecoder.StringOrBool(reader, v) },
                    "keywords" => p with { Keywords = reader.Strings(v) },
                    "categories" => p with { Categories = reader.Strings(v) },
                    "license" => p with { License = reader.String(v) },
                    "license-file" => p with { LicenseFile = reader.String(v) },
                    "repository" => p with { Repository = reader.String(v) },
                    "publish" => p with
                    {
                        Publish = v switch
                        {
                            TomlBoolean b => VecStringOrBool.Of(b.Value),
                            TomlArray => VecStringOrBool.Of(InheritableDecoder.UntaggedStrings(reader, v)),
                            _ => throw reader.TypeError(v, "a boolean or vector of strings"),
                        },
                    },
                    "edition" => p with { Edition = reader.String(v) },
                    "badges" => p with { Badges = Badges(reader, v) },
                    "exclude" => p with { Exclude = reader.Strings(v) },
                    "include" => p with { Include = reader.Strings(v) },
                    _ => p with
                    {
                        RustVersion = v is TomlString rv ? InheritableDecoder.ParseRustVersion(reader, rv) : throw reader.TypeError(v, "SemVer version"),
                    },
                };
            }
            catch (ManifestDecodeException e)
            {
                throw SchemaReader.Locate(e, value);
            }
            finally
            {
                reader.Pop();
            }
        }

        return p;
    }

    private static ImmutableArray<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlDependency>>>> Patch(SchemaReader reader, TomlValue value)
    {
        var entries = reader.Map(value, "a map");
        var patch = new List<KeyValuePair<string, ImmutableArray<KeyValuePair<string, TomlDependency>>>>(entries.Count);
        foreach (var entry in entries)
        {
            reader.Push(entry.Key);
            try
            {
                patch.Add(new(entry.Key, DependencyDecoder.PlainTable(reader, entry.Value, validateNames: true)));
            }
            finally
            {
                reader.Pop();
            }
        }

        patch.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. patch];
    }
}
