using System.Text;

namespace Ferry.Testsuite.New;

/// <summary>
/// <c>ferry new</c>/<c>init</c> against cargo 1.95 on the same scenarios, each in its own sandbox:
/// the exit code, stdout and stderr (temp paths redacted) and every file left behind (byte for
/// byte; directories too; a <c>.git</c> only by its presence) must be identical.
/// </summary>
public sealed class NewInitDifferentialTests
{
    public static TheoryData<string> SuccessNames => Names(NewInitCases.Successes);

    public static TheoryData<string> BadInputNames => Names(NewInitCases.BadInputs);

    [Theory]
    [MemberData(nameof(SuccessNames))]
    public void SucceedsLikeCargo(string name)
    {
        var testCase = NewInitCases.Successes.Single(c => c.Name == name);
        var (cargo, ferry) = RunBoth(testCase);
        Assert.Equal(0, cargo.ExitCode);
        AssertSame(cargo, ferry);
    }

    [Theory]
    [MemberData(nameof(BadInputNames))]
    public void FailsLikeCargo(string name)
    {
        var testCase = NewInitCases.BadInputs.Single(c => c.Name == name);
        if (testCase.Immutable.Count > 0 && !NewRun.CanMakeImmutable)
        {
            return;
        }

        var (cargo, ferry) = RunBoth(testCase);
        Assert.NotEqual(0, cargo.ExitCode);
        AssertSame(cargo, ferry);
    }

    [Fact]
    public void CaseCountsMeetTheBar()
    {
        Assert.True(NewInitCases.Successes.Count >= 30);
        Assert.True(NewInitCases.BadInputs.Count >= 15);
        Assert.Equal(NewInitCases.Successes.Count + NewInitCases.BadInputs.Count, NewInitCases.Successes.Concat(NewInitCases.BadInputs).Select(c => c.Name).Distinct().Count());
    }

    private static (NewRun Cargo, NewRun Ferry) RunBoth(NewCase testCase) => (NewRun.Execute(testCase, cargo: true), NewRun.Execute(testCase, cargo: false));

    private static void AssertSame(NewRun cargo, NewRun ferry)
    {
        Assert.Equal(Describe(cargo), Describe(ferry));
    }

    /// <summary>The whole outcome as one text, so a failure shows every difference at once.</summary>
    private static string Describe(NewRun run)
    {
        var text = new StringBuilder();
        text.Append("exit ").Append(run.ExitCode).Append("\n--- stdout\n").Append(run.Stdout).Append("--- stderr\n").Append(run.Stderr);
        foreach (var (path, contents) in run.Tree.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("--- ").Append(path).Append('\n').Append(contents).Append('\n');
        }

        return text.ToString();
    }

    private static TheoryData<string> Names(IEnumerable<NewCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var testCase in cases)
        {
            data.Add(testCase.Name);
        }

        return data;
    }
}
