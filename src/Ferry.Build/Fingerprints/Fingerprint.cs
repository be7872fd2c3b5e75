using System.Collections.Immutable;
using System.Text.Json;
using Ferry.Build.Layout;
using Ferry.Build.Units;

namespace Ferry.Build.Fingerprints;

/// <summary>
/// Everything that decides whether a unit must be rebuilt (Cargo's <c>Fingerprint</c>): the
/// compiler, features, target, profile, flags and configuration, the dependencies' fingerprints,
/// and unit-local inputs (source files via dep-info, build script rerun rules). The hash of those is
/// stored after a successful build; mtimes are never hashed but checked against the outputs and
/// dep-info when the hash matches (<see cref="FsStatus"/>).
/// </summary>
public sealed class Fingerprint
{
    private ulong? _hash;

    public required Unit Unit { get; init; }

    public string Rustc { get; init; } = string.Empty;

    public string Features { get; init; } = string.Empty;

    public string DeclaredFeatures { get; init; } = string.Empty;

    public string Target { get; init; } = string.Empty;

    public string Path { get; init; } = string.Empty;

    public string Profile { get; init; } = string.Empty;

    public ImmutableArray<string> Rustflags { get; init; } = [];

    public string Config { get; init; } = string.Empty;

    public string CompileKind { get; init; } = string.Empty;

    public List<DepFingerprint> Deps { get; init; } = [];

    public List<LocalFingerprint> Local { get; set; } = [];

    /// <summary>Output files whose mtimes stand for this unit (dependents compare with them).</summary>
    public List<string> Outputs { get; init; } = [];

    public FsStatus Status { get; set; } = FsStatus.Stale;

    public ulong Hash
    {
        get
        {
            if (_hash is { } cached)
            {
                return cached;
            }

            var hasher = new StableHasher()
                .Add(Rustc).Add(Features).Add(DeclaredFeatures).Add(Target).Add(Path).Add(Profile)
                .AddAll(Rustflags).Add(Config).Add(CompileKind);
            foreach (var local in Local)
            {
                hasher.Add(local.KindName).Add(local.Text).AddAll(local.Paths).Add(local.Value ?? "\u0000none");
            }

            foreach (var dep in Deps)
            {
                hasher.Add(dep.PackageId).Add(dep.Name).Add(dep.Public).Add(dep.Fingerprint.Hash);
            }

            var hash = hasher.Finish();
            _hash = hash;
            return hash;
        }
    }

    public string HashHex => StableHasher.Hex(Hash);

    /// <summary>Forgets the memoized hash (build script rules change after the script ran).</summary>
    public void Invalidate() => _hash = null;

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("rustc", Rustc);
            writer.WriteString("features", Features);
            writer.WriteString("declared_features", DeclaredFeatures);
            writer.WriteString("target", Target);
            writer.WriteString("path", Path);
            writer.WriteString("profile", Profile);
            writer.WriteStartArray("rustflags");
            foreach (var flag in Rustflags)
            {
                writer.WriteStringValue(flag);
            }

            writer.WriteEndArray();
            writer.WriteString("config", Config);
            writer.WriteString("compile_kind", CompileKind);
            writer.WriteStartArray("local");
            foreach (var local in Local)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", local.KindName);
                writer.WriteString("text", local.Text);
                writer.WriteStartArray("paths");
                foreach (var path in local.Paths)
                {
                    writer.WriteStringValue(path);
                }

                writer.WriteEndArray();
                if (local.Value is { } value)
                {
                    writer.WriteString("value", value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("deps");
            foreach (var dep in Deps)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(dep.Name);
                writer.WriteStringValue(dep.Fingerprint.HashHex);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Cargo's <c>Fingerprint::compare</c>: the first difference from the stored fingerprint, in Cargo's order.</summary>
    public DirtyReason Compare(JsonElement old)
    {
        string S(string name) => old.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
        if (Rustc != S("rustc"))
        {
            return new DirtyReason(DirtyReasonKind.RustcChanged);
        }

        if (Features != S("features"))
        {
            return new DirtyReason(DirtyReasonKind.FeaturesChanged);
        }

        if (DeclaredFeatures != S("declared_features"))
        {
            return new DirtyReason(DirtyReasonKind.DeclaredFeaturesChanged);
        }

        if (Target != S("target"))
        {
            return new DirtyReason(DirtyReasonKind.TargetConfigurationChanged);
        }

        if (Path != S("path"))
        {
            return new DirtyReason(DirtyReasonKind.PathToSourceChanged);
        }

        if (Profile != S("profile"))
        {
            return new DirtyReason(DirtyReasonKind.ProfileConfigurationChanged);
        }

        var oldFlags = old.TryGetProperty("rustflags", out var flags) ? flags.EnumerateArray().Select(f => f.GetString() ?? string.Empty).ToList() : [];
        if (!Rustflags.SequenceEqual(oldFlags))
        {
            return new DirtyReason(DirtyReasonKind.RustflagsChanged);
        }

        if (Config != S("config"))
        {
            return new DirtyReason(DirtyReasonKind.ConfigSettingsChanged);
        }

        if (CompileKind != S("compile_kind"))
        {
            return new DirtyReason(DirtyReasonKind.CompileKindChanged);
        }

        var oldLocal = old.TryGetProperty("local", out var locals) ? locals.EnumerateArray().ToList() : [];
        if (oldLocal.Count != Local.Count)
        {
            return new DirtyReason(DirtyReasonKind.LocalLengthsChanged);
        }

        for (var i = 0; i < Local.Count; i++)
        {
            var mine = Local[i];
            var theirs = oldLocal[i];
            var kind = theirs.GetProperty("kind").GetString();
            var text = theirs.GetProperty("text").GetString();
            var paths = theirs.GetProperty("paths").EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToList();
            var value = theirs.TryGetProperty("value", out var v) ? v.GetString() : null;
            if (kind != mine.KindName)
            {
                return new DirtyReason(DirtyReasonKind.LocalFingerprintTypeChanged);
            }

            switch (mine.Kind)
            {
                case LocalKind.Precalculated when text != mine.Text:
                    return new DirtyReason(DirtyReasonKind.PrecalculatedComponentsChanged);
                case LocalKind.CheckDepInfo when text != mine.Text:
                    return new DirtyReason(DirtyReasonKind.DepInfoOutputChanged);
                case LocalKind.RerunIfChanged when text != mine.Text:
                    return new DirtyReason(DirtyReasonKind.RerunIfChangedOutputFileChanged);
                case LocalKind.RerunIfChanged when !paths.SequenceEqual(mine.Paths):
                    return new DirtyReason(DirtyReasonKind.RerunIfChangedOutputPathsChanged);
                case LocalKind.RerunIfEnvChanged when text != mine.Text:
                    return new DirtyReason(DirtyReasonKind.EnvVarsChanged);
                case LocalKind.RerunIfEnvChanged when value != mine.Value:
                    return new DirtyReason(DirtyReasonKind.EnvVarChanged) { Name = mine.Text };
            }
        }

        var oldDeps = old.TryGetProperty("deps", out var deps) ? deps.EnumerateArray().ToList() : [];
        if (oldDeps.Count != Deps.Count)
        {
            return new DirtyReason(DirtyReasonKind.NumberOfDependenciesChanged) { Old = oldDeps.Count, New = Deps.Count };
        }

        for (var i = 0; i < Deps.Count; i++)
        {
            var name = oldDeps[i][0].GetString();
            var hash = oldDeps[i][1].GetString();
            if (name != Deps[i].Name)
            {
                return new DirtyReason(DirtyReasonKind.UnitDependencyNameChanged) { Name = $"{name} => {Deps[i].Name}" };
            }

            if (hash != Deps[i].Fingerprint.HashHex)
            {
                return new DirtyReason(DirtyReasonKind.UnitDependencyInfoChanged) { DependencyName = Deps[i].Fingerprint.Unit.Package.Name };
            }
        }

        if (!Status.IsUpToDate)
        {
            return FsReason(Status);
        }

        return new DirtyReason(DirtyReasonKind.NothingObvious);
    }

    public static DirtyReason FsReason(FsStatus status) =>
        new(DirtyReasonKind.FsStatusOutdated) { Status = status, DependencyName = status.Dependency?.Package.Name };
}
