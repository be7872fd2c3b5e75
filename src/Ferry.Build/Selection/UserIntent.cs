namespace Ferry.Build.Selection;

/// <summary>What the user asked for (Cargo's <c>UserIntent</c>), which decides default targets and root modes.</summary>
public enum UserIntent
{
    Build,
    Check,
    CheckTest,
    Test,
    Bench,
    Doc,
}
