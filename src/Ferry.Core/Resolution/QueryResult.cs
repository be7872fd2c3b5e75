namespace Ferry.Core.Resolution;

/// <summary>Candidates for one dependency, or the news that the source has not loaded them yet.</summary>
public readonly record struct QueryResult(bool IsPending, IReadOnlyList<IndexSummary> Candidates)
{
    public static QueryResult Pending { get; } = new(true, []);

    public static QueryResult Ready(IReadOnlyList<IndexSummary> candidates) => new(false, candidates);
}
