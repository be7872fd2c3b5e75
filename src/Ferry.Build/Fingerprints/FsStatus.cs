namespace Ferry.Build.Fingerprints;

/// <summary>
/// What the file system says about a unit (Cargo's <c>FsStatus</c>): up to date (with its outputs'
/// mtimes, which dependents compare with), or why not.
/// </summary>
public sealed record FsStatus(FsStatusKind Kind)
{
    public static FsStatus Stale { get; } = new(FsStatusKind.Stale);

    public IReadOnlyDictionary<string, DateTime>? Mtimes { get; init; }

    public StaleItemKind Item { get; init; }

    /// <summary>The file or variable of a stale item.</summary>
    public string? Path { get; init; }

    public DateTime StaleMtime { get; init; }

    public DateTime ReferenceMtime { get; init; }

    /// <summary>The dependency (for the stale-dependency kinds).</summary>
    public Units.Unit? Dependency { get; init; }

    public bool IsUpToDate => Kind == FsStatusKind.UpToDate;
}
