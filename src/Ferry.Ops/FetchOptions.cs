namespace Ferry.Ops;

public sealed record FetchOptions
{
    public string? ManifestPath { get; init; }

    /// <summary><c>--target</c> triples: only dependencies some of them can use are fetched; empty fetches everything.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
}
