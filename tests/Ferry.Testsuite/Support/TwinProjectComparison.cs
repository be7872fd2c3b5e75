using System.Text;

namespace Ferry.Testsuite.Support;

/// <summary>
/// Two copies of one project, one for cargo and one for ferry (so each writes its own
/// Cargo.lock), the same command lines run in both, and every difference collected rather than
/// the first one thrown: what the tree and metadata comparisons share. Subclasses decide how
/// outputs are normalized and compared.
/// </summary>
internal abstract class TwinProjectComparison
{
    private readonly StringBuilder _failures = new();

    protected TwinProjectComparison(Sandbox sandbox)
    {
        Sandbox = sandbox;
        CargoTemp = Path.Combine(sandbox.RootDirectory, "cargo");
        FerryTemp = Path.Combine(sandbox.RootDirectory, "ferry");
        CargoWork = Path.Combine(CargoTemp, "work");
        FerryWork = Path.Combine(FerryTemp, "work");
        Directory.CreateDirectory(CargoWork);
        Directory.CreateDirectory(FerryWork);
    }

    public string CargoWork { get; }

    public string FerryWork { get; }

    public int Runs { get; private set; }

    public int Failed { get; private set; }

    public string Failures => _failures.ToString();

    /// <summary>Whether stderr must match on success too (status lines such as <c>Locking</c>); errors always compare it.</summary>
    public bool CompareStderrOnSuccess { get; init; } = true;

    protected Sandbox Sandbox { get; }

    protected string CargoTemp { get; }

    protected string FerryTemp { get; }

    /// <summary>Runs <paramref name="args"/> in both copies (in <paramref name="cwd"/>, relative to the workspace), counting the run.</summary>
    protected (CommandResult Cargo, CommandResult Ferry) RunBoth(IReadOnlyList<string> args, string? cwd = null)
    {
        Runs++;
        var cargo = Sandbox.CargoIn(cwd is null ? CargoWork : Path.Combine(CargoWork, cwd), [.. args]);
        var ferry = Sandbox.FerryIn(cwd is null ? FerryWork : Path.Combine(FerryWork, cwd), [.. args]);
        return (cargo, ferry);
    }

    /// <summary>A command line as a shell would show it (arguments with spaces, or empty, quoted).</summary>
    protected static string Label(IEnumerable<string> args) =>
        string.Join(' ', args.Select(a => a.Contains(' ') || a.Length == 0 ? $"'{a}'" : a));

    /// <summary>Adds a difference of the two Cargo.lock files left behind to <paramref name="problems"/>.</summary>
    protected void CompareLockfiles(List<string> problems)
    {
        var cargoLock = ReadLock(CargoWork);
        var ferryLock = ReadLock(FerryWork);
        if (cargoLock != ferryLock)
        {
            problems.Add($"Cargo.lock differs:\n--- cargo\n{cargoLock}--- ferry\n{ferryLock}");
        }
    }

    /// <summary>Counts a failed run and keeps its problems under its label.</summary>
    protected void Record(string label, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        Failed++;
        _failures.Append("=== ").Append(label).Append('\n');
        foreach (var problem in problems)
        {
            _failures.Append(problem).Append('\n');
        }
    }

    /// <summary>Keeps a failure already written out as text.</summary>
    protected void RecordText(string text)
    {
        Failed++;
        _failures.Append(text);
    }

    private static string? ReadLock(string work)
    {
        var path = Path.Combine(work, "Cargo.lock");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
