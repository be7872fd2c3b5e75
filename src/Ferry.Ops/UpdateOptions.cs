namespace Ferry.Ops;

public sealed record UpdateOptions
{
    public string? ManifestPath { get; init; }

    /// <summary>Package specs to update (<c>-p</c> or positional); empty means everything.</summary>
    public IReadOnlyList<string> ToUpdate { get; init; } = [];

    public string? Precise { get; init; }

    public bool Recursive { get; init; }

    public bool DryRun { get; init; }

    /// <summary><c>-w</c>: only the workspace members' own entries (their versions after a manifest edit).</summary>
    public bool Workspace { get; init; }
}
