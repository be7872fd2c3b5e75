namespace Ferry.Tests.Core.Manifest.Targets;

/// <summary>A fresh temp directory holding a package root and a private CARGO_HOME, deleted afterwards.</summary>
internal sealed class TempPackage : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("ferry-targets-").FullName;

    public TempPackage()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(CargoHome);
    }

    public string Root => Path.Join(_base, "pkg");

    public string CargoHome => Path.Join(_base, "cargo-home");

    public string Manifest => Path.Join(Root, "Cargo.toml");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover directory in the temp folder is harmless.
        }
    }
}
