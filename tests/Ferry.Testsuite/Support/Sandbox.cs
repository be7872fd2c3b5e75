namespace Ferry.Testsuite.Support;

/// <summary>
/// A throw-away world for one test: its own HOME, CARGO_HOME and working directory under the
/// temp folder, and a clean environment, so neither ferry nor cargo ever touches ~/.cargo.
/// </summary>
public sealed class Sandbox : IDisposable
{
    public Sandbox()
        : this(System.IO.Path.GetTempPath())
    {
    }

    /// <summary>A sandbox under <paramref name="parent"/> (builds use tmpfs: unpacking and deleting are slow on disk).</summary>
    public Sandbox(string parent)
    {
        RootDirectory = System.IO.Path.Combine(parent, "ferry-test-" + Guid.NewGuid().ToString("N")[..12]);
        Home = System.IO.Path.Combine(RootDirectory, "home");
        CargoHome = System.IO.Path.Combine(RootDirectory, "cargo-home");
        Work = System.IO.Path.Combine(RootDirectory, "work");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(CargoHome);
        Directory.CreateDirectory(Work);
    }

    public string RootDirectory { get; }

    public string Home { get; }

    public string CargoHome { get; }

    public string Work { get; }

    public Dictionary<string, string?> ExtraEnvironment { get; } = new();

    public string Path(params string[] parts) => System.IO.Path.Combine([Work, .. parts]);

    public Sandbox File(string relative, string contents)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, contents);
        return this;
    }

    public IReadOnlyDictionary<string, string?> Environment()
    {
        var toolchain = Tools.ToolchainDirectory;
        var path = toolchain is null ? "/usr/local/bin:/usr/bin:/bin" : $"{toolchain}:/usr/local/bin:/usr/bin:/bin";
        var env = new Dictionary<string, string?>
        {
            ["PATH"] = path,
            ["HOME"] = Home,
            ["CARGO_HOME"] = CargoHome,
            ["LANG"] = "C.UTF-8",
            ["TERM"] = "dumb",
        };
        foreach (var (key, value) in ExtraEnvironment)
        {
            env[key] = value;
        }

        return env;
    }

    public CommandResult Ferry(params string[] args) => FerryIn(Work, args);

    public CommandResult FerryIn(string directory, params string[] args) =>
        ProcessRunner.Run(Tools.Ferry, args, directory, Environment(), TimeSpan.FromMinutes(5));

    public CommandResult Cargo(params string[] args) => CargoIn(Work, args);

    public CommandResult CargoIn(string directory, params string[] args) =>
        ProcessRunner.Run(Tools.Cargo, args, directory, Environment(), TimeSpan.FromMinutes(10));

    public void Dispose()
    {
        // FERRY_KEEP_SANDBOX=1 keeps the directories of a failing case for a look by hand.
        if (System.Environment.GetEnvironmentVariable("FERRY_KEEP_SANDBOX") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
