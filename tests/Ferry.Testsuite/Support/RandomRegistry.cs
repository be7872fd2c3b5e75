using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ferry.Testsuite.Support;

/// <summary>
/// Generates a random registry and a workspace that depends on it, for differential resolver
/// tests: crates with pre-release and yanked versions, features (including <c>dep:</c> and
/// <c>?/</c>), optional and renamed dependencies, target-specific and dev dependencies,
/// <c>links</c> and <c>rust-version</c>. Dependencies only point "down" the crate list, so the
/// graph has no cycles, and requirements are drawn from the versions that exist so most
/// workspaces resolve but conflicts and backtracking are common. Seeded: a failing seed
/// reproduces exactly.
/// </summary>
public sealed class RandomRegistry
{
    private readonly Random _random;
    private readonly List<CrateSpec> _crates = [];
    private readonly Dictionary<(string Name, string Version), string> _checksums = [];

    public RandomRegistry(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
        var count = _random.Next(4, 14);
        for (var i = 0; i < count; i++)
        {
            var featureNames = new List<string>();
            var featureCount = _random.Next(0, 3);
            for (var f = 0; f < featureCount; f++)
            {
                featureNames.Add(f == 0 ? "default" : $"feat{f}");
            }

            _crates.Add(new CrateSpec(CrateName(i)) { FeatureNames = featureNames });
        }

        for (var i = _crates.Count - 1; i >= 0; i--)
        {
            GenerateVersions(i);
        }
    }

    public int Seed { get; }

    /// <summary>Crates whose library is a proc-macro (decided by their own generator, so the index does not change).</summary>
    public IReadOnlySet<string> ProcMacros { get; private set; } = new HashSet<string>();

    /// <summary>
    /// Writes a <c>NAME-VERSION.crate</c> for every version into <paramref name="root"/> (where
    /// <see cref="StaticRegistryServer"/> serves downloads from): a manifest declaring what the
    /// index line declares, an empty library (some of them proc-macros), and a build script when
    /// the version has <c>links</c>. Call before <see cref="WriteIndex(string, string)"/>, whose
    /// lines then carry the archives' real checksums.
    /// </summary>
    public void WriteCrates(string root)
    {
        var random = new Random((Seed * 7919) + 13);
        ProcMacros = _crates.Where(_ => random.Next(5) == 0).Select(c => c.Name).ToHashSet();
        Directory.CreateDirectory(root);
        foreach (var crate in _crates)
        {
            foreach (var version in crate.Versions)
            {
                var bytes = CrateArchive(crate, version, ProcMacros.Contains(crate.Name));
                File.WriteAllBytes(Path.Combine(root, $"{crate.Name}-{version.Version}.crate"), bytes);
                _checksums[(crate.Name, version.Version)] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
        }
    }

    private static byte[] CrateArchive(CrateSpec crate, VersionSpec version, bool procMacro)
    {
        var files = new List<(string Path, string Text)> { ("Cargo.toml", CrateManifest(crate, version, procMacro)), ("src/lib.rs", string.Empty) };
        if (version.Links is not null)
        {
            files.Add(("build.rs", "fn main() {}\n"));
        }

        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new System.Formats.Tar.TarWriter(gzip, System.Formats.Tar.TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                var entry = new System.Formats.Tar.UstarTarEntry(System.Formats.Tar.TarEntryType.RegularFile, $"{crate.Name}-{version.Version}/{path}")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                    Mode = (UnixFileMode)0b110_100_100,
                    ModificationTime = new DateTimeOffset(2006, 7, 24, 0, 0, 0, TimeSpan.Zero),
                };
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    /// <summary>The published manifest of a version: the same dependencies and features as its index line.</summary>
    private static string CrateManifest(CrateSpec crate, VersionSpec version, bool procMacro)
    {
        var text = new StringBuilder();
        // A published manifest is valid: its edition cannot need a newer Rust than its rust-version.
        var edition = version.RustVersion is { } rv && System.Version.TryParse(rv, out var parsed)
            ? parsed < new System.Version(1, 31) ? "2015" : parsed < new System.Version(1, 56) ? "2018" : "2021"
            : "2021";
        text.Append($"[package]\nname = \"{crate.Name}\"\nversion = \"{version.Version}\"\nedition = \"{edition}\"\n");
        if (version.Links is not null)
        {
            text.Append($"links = \"{version.Links}\"\nbuild = \"build.rs\"\n");
        }

        if (version.RustVersion is not null)
        {
            text.Append($"rust-version = \"{version.RustVersion}\"\n");
        }

        text.Append("license = \"MIT\"\n");
        if (procMacro)
        {
            text.Append("\n[lib]\nproc-macro = true\n");
        }

        foreach (var group in version.Deps.GroupBy(d => (d.Target, d.Kind)).OrderBy(g => g.Key.Target ?? string.Empty, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            var table = group.Key.Kind switch
            {
                "dev" => "dev-dependencies",
                "build" => "build-dependencies",
                _ => "dependencies",
            };
            text.Append(group.Key.Target is { } target ? $"\n[target.'{target}'.{table}]\n" : $"\n[{table}]\n");
            foreach (var dep in group)
            {
                var parts = new List<string> { $"version = \"{dep.Req}\"" };
                if (dep.Package is not null)
                {
                    parts.Add($"package = \"{dep.Package}\"");
                }

                if (dep.Optional)
                {
                    parts.Add("optional = true");
                }

                if (!dep.DefaultFeatures)
                {
                    parts.Add("default-features = false");
                }

                if (dep.Features.Count > 0)
                {
                    parts.Add($"features = [{string.Join(", ", dep.Features.Select(f => $"\"{f}\""))}]");
                }

                text.Append($"{dep.Name} = {{ {string.Join(", ", parts)} }}\n");
            }
        }

        if (version.Features.Count > 0)
        {
            text.Append("\n[features]\n");
            foreach (var feature in version.Features)
            {
                text.Append($"{feature.Name} = [{string.Join(", ", feature.Values.Select(v => $"\"{v}\""))}]\n");
            }
        }

        return text.ToString();
    }

    public IReadOnlyList<CrateSpec> Crates => _crates;

    /// <summary>Writes <c>index/config.json</c> and one index file per crate under <paramref name="root"/>.</summary>
    public void WriteIndex(string root, string downloadBase) => WriteIndex(root, downloadBase, latestEpoch: 1);

    /// <summary>
    /// Writes the index as it was at <paramref name="latestEpoch"/>: versions "published later"
    /// are left out, so a lockfile made at epoch 0 can be updated at epoch 1.
    /// </summary>
    public void WriteIndex(string root, string downloadBase, int latestEpoch)
    {
        var index = Path.Combine(root, "index");
        Directory.CreateDirectory(index);
        File.WriteAllText(Path.Combine(index, "config.json"), $"{{\"dl\":\"{downloadBase}/api/v1/crates\",\"api\":\"{downloadBase}\"}}");
        foreach (var crate in _crates)
        {
            var file = Path.Combine(index, IndexPathFor(crate.Name));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var text = new StringBuilder();
            foreach (var version in crate.Versions)
            {
                if (version.Epoch <= latestEpoch)
                {
                    text.Append(IndexLine(crate, version, _checksums)).Append('\n');
                }
            }

            File.WriteAllText(file, text.ToString());
        }
    }

    /// <summary>A workspace whose members depend on random crates of the registry.</summary>
    public void WriteWorkspace(string root)
    {
        Directory.CreateDirectory(root);
        var memberCount = _random.Next(0, 3);
        var rootManifest = new StringBuilder();
        rootManifest.Append("[package]\nname = \"root\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        if (_random.Next(5) == 0)
        {
            rootManifest.Append($"rust-version = \"1.{_random.Next(50, 90)}\"\n");
        }

        if (memberCount > 0)
        {
            rootManifest.Append("\n[workspace]\nmembers = [");
            rootManifest.Append(string.Join(", ", Enumerable.Range(0, memberCount).Select(i => $"\"m{i}\"")));
            rootManifest.Append("]\n");
            if (_random.Next(3) == 0)
            {
                rootManifest.Append("resolver = \"2\"\n");
            }
        }

        rootManifest.Append(RandomDependencyTables(allowPathToMembers: memberCount));
        File.WriteAllText(Path.Combine(root, "Cargo.toml"), rootManifest.ToString());
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "src", "lib.rs"), string.Empty);
        for (var i = 0; i < memberCount; i++)
        {
            var dir = Path.Combine(root, $"m{i}");
            Directory.CreateDirectory(Path.Combine(dir, "src"));
            File.WriteAllText(Path.Combine(dir, "src", "lib.rs"), string.Empty);
            File.WriteAllText(
                Path.Combine(dir, "Cargo.toml"),
                $"[package]\nname = \"m{i}\"\nversion = \"0.{i + 1}.0\"\nedition = \"2021\"\n" + RandomDependencyTables(allowPathToMembers: 0));
        }
    }

    private string RandomDependencyTables(int allowPathToMembers)
    {
        var text = new StringBuilder();
        var used = new HashSet<string>();
        var normal = new StringBuilder();
        var features = new List<string>();
        var depCount = _random.Next(1, 5);
        for (var i = 0; i < depCount; i++)
        {
            var crate = _crates[_random.Next(_crates.Count)];
            if (!used.Add(crate.Name))
            {
                continue;
            }

            var key = crate.Name;
            var parts = new List<string> { $"version = \"{RandomReq(crate, allowPrerelease: true)}\"" };
            if (_random.Next(6) == 0)
            {
                key = crate.Name + "_renamed";
                parts.Add($"package = \"{crate.Name}\"");
            }

            if (_random.Next(4) == 0)
            {
                parts.Add("optional = true");
                features.Add($"use-{key} = [\"dep:{key}\"]");
            }

            if (_random.Next(5) == 0)
            {
                parts.Add("default-features = false");
            }

            if (crate.FeatureNames.Count > 0 && _random.Next(3) == 0)
            {
                parts.Add($"features = [\"{crate.FeatureNames[_random.Next(crate.FeatureNames.Count)]}\"]");
            }

            normal.Append($"{key} = {{ {string.Join(", ", parts)} }}\n");
        }

        if (allowPathToMembers > 0 && _random.Next(2) == 0)
        {
            normal.Append("m0 = { path = \"m0\" }\n");
        }

        text.Append("\n[dependencies]\n").Append(normal);
        if (_random.Next(3) == 0)
        {
            var crate = _crates[_random.Next(_crates.Count)];
            text.Append($"\n[dev-dependencies]\n{crate.Name} = \"{RandomReq(crate, allowPrerelease: false)}\"\n");
        }

        if (_random.Next(4) == 0)
        {
            var crate = _crates[_random.Next(_crates.Count)];
            var target = _random.Next(2) == 0 ? "cfg(windows)" : "cfg(unix)";
            text.Append($"\n[target.'{target}'.dependencies]\n{crate.Name}_t = {{ package = \"{crate.Name}\", version = \"{RandomReq(crate, allowPrerelease: false)}\" }}\n");
        }

        if (features.Count > 0)
        {
            text.Append("\n[features]\n").Append(string.Join("\n", features)).Append('\n');
        }

        return text.ToString();
    }

    private void GenerateVersions(int index)
    {
        var crate = _crates[index];
        var versionCount = _random.Next(1, 7);
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        var list = new List<(int Major, int Minor, int Patch, string? Pre)>();
        while (list.Count < versionCount)
        {
            var major = _random.Next(3) == 0 ? 0 : _random.Next(1, 3);
            var minor = _random.Next(0, 4);
            var patch = _random.Next(0, 3);
            string? pre = _random.Next(12) == 0 ? (_random.Next(2) == 0 ? "alpha.1" : "beta") : null;
            var text = $"{major}.{minor}.{patch}" + (pre is null ? string.Empty : "-" + pre);
            if (versions.Add(text))
            {
                list.Add((major, minor, patch, pre));
            }
        }

        list.Sort((a, b) =>
        {
            var c = a.Major.CompareTo(b.Major);
            c = c != 0 ? c : a.Minor.CompareTo(b.Minor);
            c = c != 0 ? c : a.Patch.CompareTo(b.Patch);
            return c != 0 ? c : (a.Pre is null ? 1 : 0).CompareTo(b.Pre is null ? 1 : 0);
        });

        var links = _random.Next(8) == 0 ? "native-" + crate.Name : null;

        // Newer versions are "published later": everything from a cut-off on is epoch 1, and the
        // oldest version always exists from the start.
        var cutoff = _random.Next(2) == 0 ? _random.Next(1, list.Count + 1) : list.Count;
        var position = 0;
        foreach (var (major, minor, patch, pre) in list)
        {
            var version = new VersionSpec($"{major}.{minor}.{patch}" + (pre is null ? string.Empty : "-" + pre))
            {
                Yanked = _random.Next(15) == 0,
                Links = links,
                RustVersion = _random.Next(6) == 0 ? $"1.{_random.Next(40, 110)}" : null,
                Epoch = position++ >= cutoff ? 1 : 0,
            };

            // Dependencies point to later crates only: no cycles.
            var depCount = index + 1 < _crates.Count ? _random.Next(0, 4) : 0;
            var depNames = new HashSet<string>();
            for (var d = 0; d < depCount; d++)
            {
                var target = _crates[_random.Next(index + 1, _crates.Count)];
                if (!depNames.Add(target.Name))
                {
                    continue;
                }

                var dep = new DepSpec(target.Name, RandomReq(target, allowPrerelease: false))
                {
                    Optional = _random.Next(4) == 0,
                    DefaultFeatures = _random.Next(5) != 0,
                    Kind = _random.Next(8) == 0 ? "dev" : _random.Next(10) == 0 ? "build" : "normal",
                    Target = _random.Next(10) == 0 ? "cfg(windows)" : null,
                    Package = _random.Next(10) == 0 ? target.Name : null,
                };
                if (dep.Package is not null)
                {
                    dep = dep with { Name = target.Name + "_alias" };
                }

                if (target.FeatureNames.Count > 0 && _random.Next(3) == 0)
                {
                    dep = dep with { Features = [target.FeatureNames[_random.Next(target.FeatureNames.Count)]] };
                }

                version.Deps.Add(dep);
            }

            foreach (var featureName in crate.FeatureNames)
            {
                var values = new List<string>();
                foreach (var dep in version.Deps)
                {
                    if (!dep.Optional || dep.Kind == "dev" || _random.Next(2) != 0)
                    {
                        continue;
                    }

                    var targetCrate = _crates.First(c => c.Name == (dep.Package ?? dep.Name));
                    values.Add(targetCrate.FeatureNames.Count > 0 && _random.Next(3) == 0
                        ? $"{dep.Name}?/{targetCrate.FeatureNames[_random.Next(targetCrate.FeatureNames.Count)]}"
                        : $"dep:{dep.Name}");
                }

                version.Features.Add(new FeatureSpec(featureName, values));
            }

            // Every optional dependency must be reachable from a feature, or Cargo rejects the line.
            foreach (var dep in version.Deps)
            {
                if (dep.Optional && dep.Kind != "dev" && !version.Features.Any(f => f.Values.Contains($"dep:{dep.Name}")))
                {
                    version.Features.Add(new FeatureSpec("with-" + dep.Name, [$"dep:{dep.Name}"]));
                }
            }

            version.Deps.RemoveAll(dep => dep.Optional && dep.Kind == "dev");
            crate.Versions.Add(version);
        }
    }

    private string RandomReq(CrateSpec crate, bool allowPrerelease)
    {
        if (crate.Versions.Count == 0 || _random.Next(60) == 0)
        {
            return _random.Next(2) == 0 ? "*" : "^9.9";
        }

        // Mostly draw from versions that can be selected, so most graphs resolve; now and then
        // from any version (yanked or pre-release), so failures and rejections are exercised too.
        var usable = crate.Versions.Where(v => !v.Yanked && (allowPrerelease || !v.Version.Contains('-'))).ToList();

        // Requirements name versions that existed from the start, so lockfiles can be made before
        // the later versions appear (the update tests); caret ranges still reach the newer ones.
        if (usable.Any(v => v.Epoch == 0))
        {
            usable = usable.Where(v => v.Epoch == 0).ToList();
        }

        var pool = usable.Count > 0 && _random.Next(30) != 0 ? usable : crate.Versions;
        var version = pool[_random.Next(pool.Count)].Version;
        var dash = version.IndexOf('-');
        var release = dash >= 0 ? version[..dash] : version;
        if (dash >= 0 && !allowPrerelease)
        {
            version = release;
        }

        if (version.Contains('-'))
        {
            // Only a requirement naming the pre-release itself can select it.
            return _random.Next(2) == 0 ? "=" + version : version;
        }

        var parts = release.Split('.');
        return _random.Next(7) switch
        {
            0 => "=" + version,
            1 => "~" + parts[0] + "." + parts[1],
            2 => ">=" + parts[0] + "." + parts[1] + ", <" + (int.Parse(parts[0], CultureInfo.InvariantCulture) + 2) + ".0",
            3 => parts[0] + "." + parts[1],
            4 => parts[0],
            _ => version,
        };
    }

    private static string IndexLine(CrateSpec crate, VersionSpec version, Dictionary<(string Name, string Version), string> checksums)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("name", crate.Name);
            json.WriteString("vers", version.Version);
            json.WriteStartArray("deps");
            foreach (var dep in version.Deps)
            {
                json.WriteStartObject();
                json.WriteString("name", dep.Name);
                json.WriteString("req", dep.Req);
                json.WriteStartArray("features");
                foreach (var feature in dep.Features)
                {
                    json.WriteStringValue(feature);
                }

                json.WriteEndArray();
                json.WriteBoolean("optional", dep.Optional);
                json.WriteBoolean("default_features", dep.DefaultFeatures);
                if (dep.Target is null)
                {
                    json.WriteNull("target");
                }
                else
                {
                    json.WriteString("target", dep.Target);
                }

                json.WriteString("kind", dep.Kind);
                json.WriteNull("registry");
                if (dep.Package is not null)
                {
                    json.WriteString("package", dep.Package);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("cksum", checksums.TryGetValue((crate.Name, version.Version), out var checksum)
                ? checksum
                : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(crate.Name + version.Version))));
            json.WriteStartObject("features");
            var hasV2 = false;
            foreach (var feature in version.Features)
            {
                if (feature.Values.Any(v => v.StartsWith("dep:", StringComparison.Ordinal) || v.Contains("?/", StringComparison.Ordinal)))
                {
                    hasV2 = true;
                    continue;
                }

                json.WriteStartArray(feature.Name);
                foreach (var value in feature.Values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteBoolean("yanked", version.Yanked);
            if (version.Links is null)
            {
                json.WriteNull("links");
            }
            else
            {
                json.WriteString("links", version.Links);
            }

            if (hasV2)
            {
                json.WriteStartObject("features2");
                foreach (var feature in version.Features)
                {
                    if (feature.Values.Any(v => v.StartsWith("dep:", StringComparison.Ordinal) || v.Contains("?/", StringComparison.Ordinal)))
                    {
                        json.WriteStartArray(feature.Name);
                        foreach (var value in feature.Values)
                        {
                            json.WriteStringValue(value);
                        }

                        json.WriteEndArray();
                    }
                }

                json.WriteEndObject();
                json.WriteNumber("v", 2);
            }

            if (version.RustVersion is not null)
            {
                json.WriteString("rust_version", version.RustVersion);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private string CrateName(int index)
    {
        // Names of every index-path shape: 1, 2, 3 and 4+ characters, some with dashes.
        string[] stems = ["a", "bz", "cat", "dogs", "emu-x", "fox_y", "gnu", "hare", "ibis", "jay", "koala", "lynx", "mole", "newt"];
        return stems[index % stems.Length] + (index >= stems.Length ? index.ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    private static string IndexPathFor(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Length switch
        {
            1 => $"1/{lower}",
            2 => $"2/{lower}",
            3 => $"3/{lower[..1]}/{lower}",
            _ => $"{lower[..2]}/{lower[2..4]}/{lower}",
        };
    }

    public sealed record CrateSpec(string Name)
    {
        /// <summary>Features every version defines, so dependents can ask for them whatever version they get.</summary>
        public IReadOnlyList<string> FeatureNames { get; init; } = [];

        public List<VersionSpec> Versions { get; } = [];
    }

    public sealed record VersionSpec(string Version)
    {
        public List<DepSpec> Deps { get; } = [];

        public List<FeatureSpec> Features { get; } = [];

        public bool Yanked { get; init; }

        public string? Links { get; init; }

        public string? RustVersion { get; init; }

        /// <summary>0 for versions that exist from the start, 1 for versions published later.</summary>
        public int Epoch { get; init; }
    }

    public sealed record DepSpec(string Name, string Req)
    {
        public bool Optional { get; init; }

        public bool DefaultFeatures { get; init; } = true;

        public string Kind { get; init; } = "normal";

        public string? Target { get; init; }

        public string? Package { get; init; }

        public IReadOnlyList<string> Features { get; init; } = [];
    }

    public sealed record FeatureSpec(string Name, IReadOnlyList<string> Values);
}
