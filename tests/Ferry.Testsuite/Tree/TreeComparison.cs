using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Tree;

/// <summary>
/// Runs the same command lines with cargo in one copy of a project and with ferry in another (so
/// each writes its own Cargo.lock), and collects every difference: exit code, stdout byte for
/// byte, stderr (both with the copy's paths redacted and the program name made the same), and the
/// lockfile left behind.
/// </summary>
internal sealed class TreeComparison : TwinProjectComparison
{
    public TreeComparison(Sandbox sandbox)
        : base(sandbox)
    {
    }

    /// <summary>Cargo's stderr of the last run (redacted), for tests that check what the case provoked.</summary>
    public string LastCargoStderr { get; private set; } = string.Empty;

    /// <summary>Runs <paramref name="args"/> in both copies (in <paramref name="cwd"/>, relative to the workspace).</summary>
    public void Run(IReadOnlyList<string> args, string? cwd = null)
    {
        var (cargo, ferry) = RunBoth(args, cwd);
        var problems = new List<string>();
        if (cargo.ExitCode != ferry.ExitCode)
        {
            problems.Add($"exit code: cargo {cargo.ExitCode}, ferry {ferry.ExitCode}");
        }

        var cargoOut = Normalize(cargo.Stdout, CargoWork, CargoTemp);
        var ferryOut = Normalize(ferry.Stdout, FerryWork, FerryTemp);
        if (cargoOut != ferryOut)
        {
            problems.Add($"stdout differs:\n--- cargo\n{cargoOut}--- ferry\n{ferryOut}");
        }

        var cargoErr = Normalize(cargo.Stderr, CargoWork, CargoTemp);
        LastCargoStderr = cargoErr;
        var ferryErr = Normalize(ferry.Stderr, FerryWork, FerryTemp);
        if ((CompareStderrOnSuccess || cargo.ExitCode != 0) && cargoErr != ferryErr)
        {
            problems.Add($"stderr differs:\n--- cargo\n{cargoErr}--- ferry\n{ferryErr}");
        }

        CompareLockfiles(problems);
        Record(Label(args), problems);
    }

    private string Normalize(string text, string work, string temp) =>
        Redactions.CargoToFerry(Redactions.Apply(text.Replace(work, "[ROOT]", StringComparison.Ordinal).Replace(temp, "[TEMP]", StringComparison.Ordinal), Sandbox));
}
