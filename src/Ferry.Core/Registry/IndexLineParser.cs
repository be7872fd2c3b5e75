using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Ferry.Core.Dependencies;
using Ferry.Core.Identity;
using Ferry.Core.Resolution;
using Ferry.Core.Urls;
using Ferry.Semver;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Registry;

/// <summary>
/// Turns one registry index line (one JSON object per published version) into a candidate, with
/// Cargo's tolerance rules: <c>features2</c> merged into <c>features</c>, empty feature names
/// dropped from dependencies, a line whose format version <c>v</c> is newer than Ferry knows is
/// <see cref="IndexSummaryStatus.Unsupported"/>, and a line that fails to parse or validate but still
/// names a package and version is <see cref="IndexSummaryStatus.Invalid"/> rather than an error,
/// so one bad publish never breaks resolution of the other versions.
/// </summary>
public static class IndexLineParser
{
    /// <summary>The newest index format version understood (2 adds <c>features2</c>).</summary>
    public const int IndexVersionMax = 2;

    public static IndexSummary Parse(ReadOnlySpan<byte> line, SourceId source)
    {
        IndexLine raw;
        try
        {
            raw = ReadLine(line);
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
        {
            throw new FerryException($"failed to parse index line: {error.Message}", error);
        }

        try
        {
            var summary = ToSummary(raw, source);
            var status = raw.V > IndexVersionMax ? IndexSummaryStatus.Unsupported
                : raw.Yanked ? IndexSummaryStatus.Yanked
                : IndexSummaryStatus.Candidate;
            return new IndexSummary(summary, status);
        }
        catch (Exception error) when (error is FerryException or FormatException)
        {
            // Keep the version visible (it may be locked) but never select it.
            if (!Version.TryParse(raw.Vers, out var version))
            {
                throw new FerryException($"failed to parse index line: invalid version `{raw.Vers}`", error);
            }

            var summary = new Summary
            {
                PackageId = new PackageId(raw.Name, version, source),
                RustVersion = TryRustVersion(raw.RustVersion),
            };
            return new IndexSummary(summary, raw.V > IndexVersionMax ? IndexSummaryStatus.Unsupported : IndexSummaryStatus.Invalid);
        }
    }

    private static RustVersion? TryRustVersion(string? text) =>
        text is not null && RustVersion.TryParse(text, out var version, out _) ? version : null;

    private static Summary ToSummary(IndexLine raw, SourceId source)
    {
        var version = Version.Parse(raw.Vers);
        var id = new PackageId(raw.Name, version, source);
        var dependencies = ImmutableArray.CreateBuilder<Dependency>(raw.Deps.Count);
        foreach (var dep in raw.Deps)
        {
            dependencies.Add(ToDependency(dep, source));
        }

        var features = new List<KeyValuePair<string, IReadOnlyList<string>>>(raw.Features);
        foreach (var (name, values) in raw.Features2)
        {
            var index = features.FindIndex(pair => pair.Key == name);
            if (index >= 0)
            {
                features[index] = new(name, [.. features[index].Value, .. values]);
            }
            else
            {
                features.Add(new(name, values));
            }
        }

        var deps = dependencies.ToImmutable();
        return new Summary
        {
            PackageId = id,
            Dependencies = deps,
            Features = FeatureMapBuilder.Build(features, deps),
            Links = raw.Links,
            RustVersion = raw.RustVersion is null ? null : RustVersion.Parse(raw.RustVersion),
            Checksum = raw.Cksum,
        };
    }

    private static Dependency ToDependency(IndexDependencyLine dep, SourceId source)
    {
        var depSource = dep.Registry is null ? source : SourceId.ForRegistry(Url.Parse(dep.Registry));
        var features = ImmutableArray.CreateBuilder<string>(dep.Features.Count);
        foreach (var feature in dep.Features)
        {
            if (feature.Length > 0)
            {
                features.Add(feature);
            }
        }

        return new Dependency
        {
            PackageName = dep.Package ?? dep.Name,
            ExplicitNameInToml = dep.Package is null ? null : dep.Name,
            Source = depSource,
            Req = VersionReq.Parse(dep.Req),
            SpecifiedReq = true,
            Kind = dep.Kind switch
            {
                "dev" => DependencyKind.Development,
                "build" => DependencyKind.Build,
                _ => DependencyKind.Normal,
            },
            Optional = dep.Optional,
            DefaultFeatures = dep.DefaultFeatures,
            Features = features.ToImmutable(),
            Platform = dep.Target is null ? null : TargetPlatform.Parse(dep.Target),
            Public = dep.Public,
            RegistryId = depSource.IsCratesIo ? null : depSource,
        };
    }

    private static IndexLine ReadLine(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        Expect(ref reader, JsonTokenType.StartObject);
        var result = new IndexLine();
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = LineKey(ref reader);
            Read(ref reader);
            switch (key)
            {
                case "name":
                    result.Name = reader.GetString() ?? throw new FormatException("`name` is null");
                    break;
                case "vers":
                    result.Vers = reader.GetString() ?? throw new FormatException("`vers` is null");
                    break;
                case "cksum":
                    result.Cksum = NullableString(ref reader);
                    break;
                case "links":
                    result.Links = NullableString(ref reader);
                    break;
                case "rust_version":
                    result.RustVersion = NullableString(ref reader);
                    break;
                case "yanked":
                    result.Yanked = reader.TokenType == JsonTokenType.True;
                    break;
                case "v":
                    result.V = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : 1;
                    break;
                case "deps":
                    result.Deps = ReadDeps(ref reader);
                    break;
                case "features":
                    result.Features = ReadFeatures(ref reader);
                    break;
                case "features2":
                    result.Features2 = reader.TokenType == JsonTokenType.Null ? [] : ReadFeatures(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (result.Name.Length == 0 || result.Vers.Length == 0)
        {
            throw new FormatException("missing field `name` or `vers`");
        }

        return result;
    }

    private static List<IndexDependencyLine> ReadDeps(ref Utf8JsonReader reader)
    {
        var list = new List<IndexDependencyLine>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return list;
        }

        Check(ref reader, JsonTokenType.StartArray);
        while (Read(ref reader) && reader.TokenType == JsonTokenType.StartObject)
        {
            var dep = new IndexDependencyLine();
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = DependencyKey(ref reader);
                Read(ref reader);
                switch (key)
                {
                    case "name":
                        dep.Name = reader.GetString() ?? throw new FormatException("dependency `name` is null");
                        break;
                    case "req":
                        dep.Req = reader.GetString() ?? throw new FormatException("dependency `req` is null");
                        break;
                    case "features":
                        dep.Features = ReadStrings(ref reader);
                        break;
                    case "optional":
                        dep.Optional = reader.TokenType == JsonTokenType.True;
                        break;
                    case "default_features":
                        dep.DefaultFeatures = reader.TokenType != JsonTokenType.False;
                        break;
                    case "target":
                        dep.Target = NullableString(ref reader);
                        break;
                    case "kind":
                        dep.Kind = NullableString(ref reader);
                        break;
                    case "registry":
                        dep.Registry = NullableString(ref reader);
                        break;
                    case "package":
                        dep.Package = NullableString(ref reader);
                        break;
                    case "public":
                        dep.Public = reader.TokenType == JsonTokenType.True;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            list.Add(dep);
        }

        return list;
    }

    private static List<KeyValuePair<string, IReadOnlyList<string>>> ReadFeatures(ref Utf8JsonReader reader)
    {
        var list = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return list;
        }

        Check(ref reader, JsonTokenType.StartObject);
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Read(ref reader);
            list.Add(new(name, ReadStrings(ref reader)));
        }

        return list;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return list;
        }

        Check(ref reader, JsonTokenType.StartArray);
        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.GetString() ?? throw new FormatException("null in a string list"));
        }

        return list;
    }

    // Property names are matched in place instead of being allocated as strings: an index line
    // has a dozen of them per dependency, and most lines parsed are parsed once.
    private static string? LineKey(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("name"u8) ? "name"
        : reader.ValueTextEquals("vers"u8) ? "vers"
        : reader.ValueTextEquals("deps"u8) ? "deps"
        : reader.ValueTextEquals("cksum"u8) ? "cksum"
        : reader.ValueTextEquals("features"u8) ? "features"
        : reader.ValueTextEquals("yanked"u8) ? "yanked"
        : reader.ValueTextEquals("links"u8) ? "links"
        : reader.ValueTextEquals("v"u8) ? "v"
        : reader.ValueTextEquals("features2"u8) ? "features2"
        : reader.ValueTextEquals("rust_version"u8) ? "rust_version"
        : null;

    private static string? DependencyKey(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("name"u8) ? "name"
        : reader.ValueTextEquals("req"u8) ? "req"
        : reader.ValueTextEquals("features"u8) ? "features"
        : reader.ValueTextEquals("optional"u8) ? "optional"
        : reader.ValueTextEquals("default_features"u8) ? "default_features"
        : reader.ValueTextEquals("target"u8) ? "target"
        : reader.ValueTextEquals("kind"u8) ? "kind"
        : reader.ValueTextEquals("registry"u8) ? "registry"
        : reader.ValueTextEquals("package"u8) ? "package"
        : reader.ValueTextEquals("public"u8) ? "public"
        : null;

    private static string? NullableString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    private static bool Read(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new FormatException("unexpected end of JSON");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Read(ref reader);
        Check(ref reader, type);
    }

    private static void Check(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new FormatException($"expected {type}, found {reader.TokenType}");
        }
    }

    private sealed class IndexLine
    {
        public string Name { get; set; } = string.Empty;

        public string Vers { get; set; } = string.Empty;

        public string? Cksum { get; set; }

        public string? Links { get; set; }

        public string? RustVersion { get; set; }

        public bool Yanked { get; set; }

        public int V { get; set; } = 1;

        public List<IndexDependencyLine> Deps { get; set; } = [];

        public List<KeyValuePair<string, IReadOnlyList<string>>> Features { get; set; } = [];

        public List<KeyValuePair<string, IReadOnlyList<string>>> Features2 { get; set; } = [];
    }

    private sealed class IndexDependencyLine
    {
        public string Name { get; set; } = string.Empty;

        public string Req { get; set; } = string.Empty;

        public List<string> Features { get; set; } = [];

        public bool Optional { get; set; }

        public bool DefaultFeatures { get; set; } = true;

        public string? Target { get; set; }

        public string? Kind { get; set; }

        public string? Registry { get; set; }

        public string? Package { get; set; }

        public bool Public { get; set; }
    }
}
