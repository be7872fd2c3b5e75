namespace Ferry.Build.Units;

/// <summary>What is done with a unit (Cargo's <c>CompileMode</c>).</summary>
public enum CompileMode
{
    /// <summary>rustc producing the target's normal artifacts.</summary>
    Build,

    /// <summary><c>--emit=metadata</c> only (<c>cargo check</c>).</summary>
    Check,

    /// <summary><c>cargo check --tests</c>: a check of the test harness build.</summary>
    CheckTest,

    /// <summary>A test or bench harness (<c>--test</c>).</summary>
    Test,

    /// <summary>rustdoc.</summary>
    Doc,

    /// <summary><c>rustdoc --test</c> of a library: nothing is compiled, the command runs it afterwards.</summary>
    Doctest,

    /// <summary>Running a compiled build script.</summary>
    RunCustomBuild,
}
