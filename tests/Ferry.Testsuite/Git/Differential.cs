using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Git;

/// <summary>Runs cargo, then ferry, from the same Cargo.lock (or none) and asserts the same outcome.</summary>
internal static class Differential
{
    /// <summary>Returns the lockfile both left (empty when none), after asserting exit codes, stderr and lockfiles agree.</summary>
    public static string Same(Sandbox sandbox, string? lockBefore, params string[] args) => SameWithOutput(sandbox, lockBefore, args).Lock;

    /// <summary>As <see cref="Same"/>, also returning ferry's redacted stderr.</summary>
    public static (string Lock, string Stderr) SameWithOutput(Sandbox sandbox, string? lockBefore, params string[] args)
    {
        var cargo = Run(sandbox, lockBefore, cargo: true, args);
        var ferry = Run(sandbox, lockBefore, cargo: false, args);
        var command = string.Join(' ', args);
        var expected = Redactions.CargoToFerry(Redactions.Apply(cargo.Result.Stderr, sandbox));
        var actual = Redactions.CargoToFerry(Redactions.Apply(ferry.Result.Stderr, sandbox));
        Assert.True(
            cargo.Result.ExitCode == ferry.Result.ExitCode && expected == actual,
            $"`{command}`: cargo exit {cargo.Result.ExitCode}, ferry exit {ferry.Result.ExitCode}\n--- cargo\n{expected}--- ferry\n{actual}");
        Assert.Equal(cargo.Result.Stdout, ferry.Result.Stdout);
        Assert.Equal(cargo.Lock, ferry.Lock);
        return (ferry.Lock, actual);
    }

    private static (CommandResult Result, string Lock) Run(Sandbox sandbox, string? lockBefore, bool cargo, string[] args)
    {
        var lockPath = sandbox.Path("Cargo.lock");
        if (lockBefore is null)
        {
            File.Delete(lockPath);
        }
        else
        {
            File.WriteAllText(lockPath, lockBefore);
        }

        var result = cargo ? sandbox.Cargo(args) : sandbox.Ferry(args);
        return (result, File.Exists(lockPath) ? File.ReadAllText(lockPath) : string.Empty);
    }
}
