namespace Ferry.Build.Selection;

/// <summary>
/// Which targets of the selected packages to build (Cargo's <c>CompileFilter</c>): the default
/// (libraries and binaries), or exactly what <c>--lib</c>, <c>--bin</c>, <c>--example</c>, <c>--test</c>,
/// <c>--bench</c> and their plural and <c>--all-targets</c> forms ask for.
/// </summary>
public sealed record CompileFilter
{
    public bool IsDefault { get; init; } = true;

    /// <summary>Default filter: targets whose required features are missing are skipped silently.</summary>
    public bool RequiredFeaturesFilterable { get; init; } = true;

    public bool AllTargets { get; init; }

    public LibRule Lib { get; init; } = LibRule.False;

    public FilterRule Bins { get; init; } = FilterRule.None;

    public FilterRule Examples { get; init; } = FilterRule.None;

    public FilterRule Tests { get; init; } = FilterRule.None;

    public FilterRule Benches { get; init; } = FilterRule.None;

    public static CompileFilter Default { get; } = new();

    public bool IsSpecific => !IsDefault;

    public static CompileFilter FromRawArguments(
        bool libOnly,
        IEnumerable<string> bins,
        bool allBins,
        IEnumerable<string> tests,
        bool allTests,
        IEnumerable<string> examples,
        bool allExamples,
        IEnumerable<string> benches,
        bool allBenches,
        bool allTargets)
    {
        if (allTargets)
        {
            return AllTargetsFilter();
        }

        return New(
            libOnly ? LibRule.True : LibRule.False,
            FilterRule.New(bins, allBins),
            FilterRule.New(tests, allTests),
            FilterRule.New(examples, allExamples),
            FilterRule.New(benches, allBenches));
    }

    public static CompileFilter New(LibRule lib, FilterRule bins, FilterRule tests, FilterRule examples, FilterRule benches)
    {
        if (lib == LibRule.True || bins.IsSpecific || tests.IsSpecific || examples.IsSpecific || benches.IsSpecific)
        {
            return new CompileFilter
            {
                IsDefault = false,
                Lib = lib,
                Bins = bins,
                Tests = tests,
                Examples = examples,
                Benches = benches,
            };
        }

        return Default;
    }

    public static CompileFilter AllTargetsFilter() => new()
    {
        IsDefault = false,
        AllTargets = true,
        Lib = LibRule.Default,
        Bins = FilterRule.Everything,
        Examples = FilterRule.Everything,
        Tests = FilterRule.Everything,
        Benches = FilterRule.Everything,
    };

    /// <summary>Cargo's <c>lib_only</c> (<c>cargo test --doc</c>).</summary>
    public static CompileFilter LibOnly() => new()
    {
        IsDefault = false,
        Lib = LibRule.True,
    };

    /// <summary>Cargo's <c>all_test_targets</c> (<c>cargo test TESTNAME</c>): everything with <c>test = true</c>, not examples.</summary>
    public static CompileFilter AllTestTargets() => new()
    {
        IsDefault = false,
        Lib = LibRule.Default,
        Bins = FilterRule.None,
        Examples = FilterRule.None,
        Tests = FilterRule.Everything,
        Benches = FilterRule.None,
    };

    public static CompileFilter SingleBin(string name) => new()
    {
        IsDefault = false,
        Lib = LibRule.False,
        Bins = new FilterRule(false, [name]),
    };

    public static CompileFilter SingleExample(string name) => new()
    {
        IsDefault = false,
        Lib = LibRule.False,
        Examples = new FilterRule(false, [name]),
    };

    /// <summary>Whether dev-dependencies are needed (Cargo's <c>need_dev_deps</c>).</summary>
    public bool NeedDevDeps(UserIntent intent) => intent switch
    {
        UserIntent.Test or UserIntent.Doctest or UserIntent.Bench or UserIntent.CheckTest => true,
        _ => !IsDefault && (Examples.IsSpecific || Tests.IsSpecific || Benches.IsSpecific),
    };

    public bool ContainsGlobPatterns => Bins.ContainsGlobPatterns || Examples.ContainsGlobPatterns || Tests.ContainsGlobPatterns || Benches.ContainsGlobPatterns;
}
