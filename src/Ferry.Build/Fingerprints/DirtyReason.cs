using System.Globalization;

namespace Ferry.Build.Fingerprints;

/// <summary>Why a unit is rebuilt (Cargo's <c>DirtyReason</c>); <c>-v</c> prints it as a <c>Dirty</c> status line.</summary>
public sealed record DirtyReason(DirtyReasonKind Kind)
{
    public static DirtyReason FreshBuild { get; } = new(DirtyReasonKind.FreshBuild);

    public string? Name { get; init; }

    public int Old { get; init; }

    public int New { get; init; }

    public FsStatus? Status { get; init; }

    /// <summary>The dependency's package name (dependency reasons).</summary>
    public string? DependencyName { get; init; }

    public bool IsFreshBuild => Kind == DirtyReasonKind.FreshBuild;

    /// <summary>The text after <c>Dirty pkg v1.0.0 (/path): </c>; a second element is a note printed after it.</summary>
    public (string Message, string? Note) Describe(string root) => Kind switch
    {
        DirtyReasonKind.RustcChanged => ("the toolchain changed", null),
        DirtyReasonKind.FeaturesChanged => ("the list of features changed", null),
        DirtyReasonKind.DeclaredFeaturesChanged => ("the list of declared features changed", null),
        DirtyReasonKind.TargetConfigurationChanged => ("the target configuration changed", null),
        DirtyReasonKind.PathToSourceChanged => ("the path to the source changed", null),
        DirtyReasonKind.ProfileConfigurationChanged => ("the profile configuration changed", null),
        DirtyReasonKind.RustflagsChanged => ("the rustflags changed", null),
        DirtyReasonKind.ConfigSettingsChanged => ("the config settings changed", null),
        DirtyReasonKind.CompileKindChanged => ("the rustc compile kind changed", null),
        DirtyReasonKind.LocalLengthsChanged => ("the local lengths changed", "this could happen because of added/removed `cargo::rerun-if` instructions in the build script"),
        DirtyReasonKind.PrecalculatedComponentsChanged => ("the precalculated components changed", null),
        DirtyReasonKind.DepInfoOutputChanged => ("the dependency info output changed", null),
        DirtyReasonKind.RerunIfChangedOutputFileChanged => ("rerun-if-changed output file path changed", null),
        DirtyReasonKind.RerunIfChangedOutputPathsChanged => ("the rerun-if-changed instructions changed", null),
        DirtyReasonKind.EnvVarsChanged => ("the environment variables changed", null),
        DirtyReasonKind.EnvVarChanged => ($"the env variable {Name} changed", null),
        DirtyReasonKind.LocalFingerprintTypeChanged => ("the local fingerprint type changed", null),
        DirtyReasonKind.NumberOfDependenciesChanged => ($"number of dependencies changed ({Old} => {New})", null),
        DirtyReasonKind.UnitDependencyNameChanged => ($"name of dependency changed ({Name})", null),
        DirtyReasonKind.UnitDependencyInfoChanged => ($"info of dependency `{DependencyName}` changed", null),
        DirtyReasonKind.FsStatusOutdated => (DescribeStatus(Status!, root), null),
        DirtyReasonKind.Forced => ("forced", null),
        DirtyReasonKind.FreshBuild => ("fresh build", null),
        _ => ("the fingerprint comparison turned up nothing obvious", null),
    };

    private string DescribeStatus(FsStatus status, string root)
    {
        string Relative(string path) => path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..] : path;
        return status.Kind switch
        {
            FsStatusKind.StaleItem => status.Item switch
            {
                StaleItemKind.MissingFile => $"the file `{Relative(status.Path!)}` is missing",
                StaleItemKind.FailedToReadMetadata => $"couldn't read metadata for file `{Relative(status.Path!)}`",
                StaleItemKind.ChangedFile => $"the file `{Relative(status.Path!)}` has changed ({After(status.ReferenceMtime, status.StaleMtime)})",
                _ => $"the environment variable {status.Path} changed",
            },
            FsStatusKind.StaleDependency => $"the dependency `{DependencyName}` was rebuilt ({After(status.ReferenceMtime, status.StaleMtime)})",
            FsStatusKind.StaleDepFingerprint => $"the dependency `{DependencyName}` was rebuilt",
            _ => "stale, unknown reason",
        };
    }

    /// <summary>Cargo's <c>After</c>: <c>NEW, DIFF after last build at OLD</c> with file times as <c>secs.nanoss</c>.</summary>
    private static string After(DateTime old, DateTime updated)
    {
        var diff = updated - old;
        var diffText = diff.TotalSeconds >= 1 ? FormatDuration((long)diff.TotalSeconds) : $"{(diff.Ticks % TimeSpan.TicksPerSecond) * 100}ns";
        return $"{FileTime(updated)}, {diffText} after last build at {FileTime(old)}";
    }

    private static string FormatDuration(long seconds)
    {
        var parts = new List<string>();
        if (seconds >= 3600)
        {
            parts.Add($"{seconds / 3600}h");
            seconds %= 3600;
        }

        if (seconds >= 60)
        {
            parts.Add($"{seconds / 60}m");
            seconds %= 60;
        }

        if (seconds > 0 || parts.Count == 0)
        {
            parts.Add($"{seconds}s");
        }

        return string.Join(' ', parts);
    }

    private static string FileTime(DateTime time)
    {
        var ticks = time.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var nanos = (ticks % TimeSpan.TicksPerSecond) * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanos:D9}s");
    }
}
