using System.Collections.Immutable;

namespace Ferry.Build.Fingerprints;

/// <summary>One unit-local freshness input (see <see cref="LocalKind"/>).</summary>
public sealed record LocalFingerprint(LocalKind Kind, string Text, ImmutableArray<string> Paths, string? Value)
{
    public static LocalFingerprint CheckDepInfo(string depInfo) => new(LocalKind.CheckDepInfo, depInfo, [], null);

    public static LocalFingerprint Precalculated(string value) => new(LocalKind.Precalculated, value, [], null);

    public static LocalFingerprint RerunIfChanged(string output, ImmutableArray<string> paths) => new(LocalKind.RerunIfChanged, output, paths, null);

    public static LocalFingerprint RerunIfEnvChanged(string name, string? value) => new(LocalKind.RerunIfEnvChanged, name, [], value);

    public string KindName => Kind switch
    {
        LocalKind.CheckDepInfo => "dep-info",
        LocalKind.Precalculated => "precalculated",
        LocalKind.RerunIfChanged => "rerun-if-changed",
        _ => "rerun-if-env-changed",
    };

    public bool Equals(LocalFingerprint? other) =>
        other is not null && Kind == other.Kind && Text == other.Text && Value == other.Value && Paths.SequenceEqual(other.Paths);

    public override int GetHashCode() => HashCode.Combine(Kind, Text, Value, Paths.Length);
}
