namespace Ferry.Build.Selection;

public enum LibRule
{
    /// <summary><c>--lib</c>: the library must exist.</summary>
    True,

    /// <summary>Included if there is one (<c>--all-targets</c>).</summary>
    Default,

    /// <summary>Not selected.</summary>
    False,
}
