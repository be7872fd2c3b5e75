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

    /// <summary><c>cargo test --doc</c>: only the doctests of the libraries.</summary>
    Doctest,
}
