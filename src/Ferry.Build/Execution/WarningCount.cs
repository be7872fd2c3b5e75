namespace Ferry.Build.Execution;

/// <summary>Warnings a unit produced (Cargo's <c>WarningCount</c>), for the <c>generated N warnings</c> line.</summary>
internal sealed class WarningCount
{
    public int Total { get; set; }

    public int Duplicates { get; set; }

    public int Fixable { get; set; }

    /// <summary>An error was seen: no "to apply N suggestions" hint.</summary>
    public bool FixableDisallowed { get; set; }
}
