using System.Collections.Immutable;
using Ferry.Core.Configuration;

namespace Ferry.Tests.Core.Configuration;

/// <summary>
/// A throw-away directory tree with a home, a Cargo home and a project, plus a made-up
/// environment: everything a <see cref="GlobalContext"/> needs, without touching the real ones.
/// </summary>
internal sealed class ConfigWorld : IDisposable
{
    public ConfigWorld()
    {
        Root = Path.Combine(Path.GetTempPath(), "ferry-config-" + Guid.NewGuid().ToString("N")[..12]);
        Home = Path.Combine(Root, "home");
        CargoHome = Path.Combine(Root, "cargo-home");
        Work = Path.Combine(Root, "work");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(CargoHome);
        Directory.CreateDirectory(Work);
        Variables = new Dictionary<string, string> { ["HOME"] = Home, ["CARGO_HOME"] = CargoHome };
    }

    public string Root { get; }

    public string Home { get; }

    public string CargoHome { get; }

    public string Work { get; }

    public Dictionary<string, string> Variables { get; }

    public RecordingShell Shell { get; } = new();

    /// <summary>Writes a file relative to <see cref="Root"/> and returns its full path.</summary>
    public string File(string relative, string contents)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, contents);
        return full;
    }

    public GlobalContext Context(string? cwd = null, params string[] configArgs) =>
        GlobalContext.Create(
            new EnvironmentSnapshot(Variables.ToImmutableDictionary(StringComparer.Ordinal)),
            cwd ?? Work,
            CliOverrides.None with { ConfigArgs = [.. configArgs] },
            Shell);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
