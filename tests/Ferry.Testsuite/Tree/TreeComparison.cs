using System.Text;
using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Tree;

/// <summary>
/// Runs the same command lines with cargo in one copy of a project and with ferry in another (so
/// each writes its own Cargo.lock), and collects every difference: exit code, stdout byte for
/// byte, stderr (both with the copy's paths redacted and the program name made the same), and the
/// lockfile left behind.
/// </summary>
internal sealed class TreeComparison
{
    private readonly Sandbox _sandbox;
    private readonly string _cargoTemp;
    private readonly string _ferryTemp;
    private readonly StringBuilder _failures = new();

    public TreeComparison(Sandbox sandbox)
    {
        _sandbox = sandbox;
        _cargoTemp = Path.Combine(sandbox.RootDirectory, "cargo");
        _ferryTemp = Path.Combine(sandbox.RootDirectory, "ferry");
        CargoWork = Path.Combine(_cargoTemp, "work");
        FerryWork = Path.Combine(_ferryTemp, "work");
        Directory.CreateDirectory(CargoWork);
        Directory.CreateDirectory(FerryWork);
    }

    public string CargoWork { get; }

    public string FerryWork { get; }

    public int Runs { get; private set; }

    public int Failed { get; private set; }

    /// <summary>Whether stderr must match on success too (status lines such as <c>Locking</c>); errors always compare it.</summary>
    public bool CompareStderrOnSuccess { get; init; } = true;

    public string Failures => _failures.ToString();

    /// <summary>Cargo's stderr of the last run (redacted), for tests that check what the case provoked.</summary>
    public string LastCargoStderr { get; private set; } = string.Empty;

    /// <summary>Runs <paramref name="args"/> in both copies (in <paramref name="cwd"/>, relative to the workspace).</summary>
    public void Run(IReadOnlyList<string> args, string? cwd = null)
    {
        Runs++;
        var cargo = _sandbox.CargoIn(cwd is null ? CargoWork : Path.Combine(CargoWork, cwd), [.. args]);
        var ferry = _sandbox.FerryIn(cwd is null ? FerryWork : Path.Combine(FerryWork, cwd), [.. args]);
        var label = string.Join(' ', args.Select(a => a.Contains(' ') || a.Length == 0 ? $"'{a}'" : a));
        var problems = new List<string>();
        if (cargo.ExitCode != ferry.ExitCode)
        {
            problems.Add($"exit code: cargo {cargo.ExitCode}, ferry {ferry.ExitCode}");
        }

        var cargoOut = Normalize(cargo.Stdout, CargoWork, _cargoTemp);
        var ferryOut = Normalize(ferry.Stdout, FerryWork, _ferryTemp);
        if (cargoOut != ferryOut)
        {
            problems.Add($"stdout differs:\n--- cargo\n{cargoOut}--- ferry\n{ferryOut}");
        }

        var cargoErr = Normalize(cargo.Stderr, CargoWork, _cargoTemp);
        LastCargoStderr = cargoErr;
        var ferryErr = Normalize(ferry.Stderr, FerryWork, _ferryTemp);
        if ((CompareStderrOnSuccess || cargo.ExitCode != 0) && cargoErr != ferryErr)
        {
            problems.Add($"stderr differs:\n--- cargo\n{cargoErr}--- ferry\n{ferryErr}");
        }

        var cargoLock = ReadLock(CargoWork);
        var ferryLock = ReadLock(FerryWork);
        if (cargoLock != ferryLock)
        {
            problems.Add($"Cargo.lock differs:\n--- cargo\n{cargoLock}--- ferry\n{ferryLock}");
        }

        if (problems.Count > 0)
        {
            Failed++;
            _failures.Append("=== ").Append(label).Append('\n');
            foreach (var problem in problems)
            {
                _failures.Append(problem).Append('\n');
            }
        }
    }

    private string Normalize(string text, string work, string temp) =>
        Redactions.CargoToFerry(Redactions.Apply(text.Replace(work, "[ROOT]", StringComparison.Ordinal).Replace(temp, "[TEMP]", StringComparison.Ordinal), _sandbox));

    private static string? ReadLock(string work)
    {
        var path = Path.Combine(work, "Cargo.lock");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
