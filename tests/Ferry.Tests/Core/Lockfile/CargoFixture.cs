using Ferry.Tests.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// A temp directory for a Cargo project and a private CARGO_HOME whose crates.io is replaced by the
/// local registry of real crates (<c>/work/registry-out</c>, see the registry README), so Cargo can
/// resolve and lock registry dependencies without a network. Deleted afterwards.
/// </summary>
internal sealed class CargoFixture : IDisposable
{
    public const string LocalRegistry = "/work/registry-out";

    private readonly string _base = Directory.CreateTempSubdirectory("ferry-lockfile-cargo-").FullName;

    public CargoFixture()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(CargoHome);
        File.WriteAllText(Path.Join(CargoHome, "config.toml"),
            $"[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\nlocal-registry = \"{LocalRegistry}\"\n");
    }

    public string Root => Path.Join(_base, "root");

    public string CargoHome => Path.Join(_base, "home");

    /// <summary>Writes a file under <see cref="Root"/>, creating directories.</summary>
    public string Write(string relative, string contents)
    {
        var path = Path.Join(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>A library package with an empty <c>src/lib.rs</c>.</summary>
    public string Package(string directory, string name, string version, string extra = "")
    {
        Write(Path.Join(directory, "src", "lib.rs"), string.Empty);
        Write(Path.Join(directory, "Cargo.toml"), $"[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2018\"\n{extra}");
        return Path.Join(Root, directory);
    }

    public CargoRun Cargo(string directory, params string[] arguments)
    {
        var run = LockfileCargo.Run(Path.Join(Root, directory), CargoHome, arguments);
        return run;
    }

    /// <summary>Runs cargo and fails the test if it fails.</summary>
    public void CargoOk(string directory, params string[] arguments)
    {
        var run = Cargo(directory, arguments);
        Assert.True(run.ExitCode == 0, $"cargo {string.Join(' ', arguments)} failed:\n{run.Stderr}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Git makes read-only object files; leaving them in the temp folder is harmless.
        }
    }
}
