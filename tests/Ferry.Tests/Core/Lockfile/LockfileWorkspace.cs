using Ferry.Core.Identity;
using Ferry.Core.Lockfile;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// The workspace the error cases run in: package <c>a</c> 0.1.0 with a path dependency on
/// <c>b</c> 0.1.0, no registry dependencies; plus a private CARGO_HOME. Deleted afterwards.
/// </summary>
internal sealed class LockfileWorkspace : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("ferry-lockfile-").FullName;

    public LockfileWorkspace()
    {
        Directory.CreateDirectory(Path.Join(Root, "src"));
        Directory.CreateDirectory(Path.Join(Root, "b", "src"));
        Directory.CreateDirectory(CargoHome);
        File.WriteAllText(Path.Join(Root, "Cargo.toml"),
            "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nb = { path = \"b\" }\n");
        File.WriteAllText(Path.Join(Root, "src", "lib.rs"), string.Empty);
        File.WriteAllText(Path.Join(Root, "b", "Cargo.toml"), "[package]\nname = \"b\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        File.WriteAllText(Path.Join(Root, "b", "src", "lib.rs"), string.Empty);
    }

    public string Root => Path.Join(_base, "ws");

    public string CargoHome => Path.Join(_base, "home");

    public string LockPath => Path.Join(Root, "Cargo.lock");

    /// <summary>What cargo's <c>build_path_deps</c> finds here: the member and its path dependency.</summary>
    public LockfileContext Context => new(
    [
        new PackageId("a", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath(Root)),
        new PackageId("b", Ferry.Semver.Version.Parse("0.1.0"), SourceId.ForPath(Path.Join(Root, "b"))),
    ]);

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
    }
}
