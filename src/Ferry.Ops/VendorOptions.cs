namespace Ferry.Ops;

public sealed record VendorOptions
{
    public string? ManifestPath { get; init; }

    /// <summary>Where to vendor (<c>vendor</c> by default), relative to the working directory.</summary>
    public string Destination { get; init; } = "vendor";

    /// <summary><c>--no-delete</c>: keep what is already in the directory.</summary>
    public bool NoDelete { get; init; }

    /// <summary><c>--versioned-dirs</c>: always <c>NAME-VERSION</c>, not just for older versions.</summary>
    public bool VersionedDirs { get; init; }

    /// <summary><c>--sync</c>: more workspaces (their <c>Cargo.toml</c>) to vendor into the same directory.</summary>
    public IReadOnlyList<string> Sync { get; init; } = [];

    /// <summary><c>--respect-source-config</c>: resolve through <c>[source]</c> replacement instead of going to the original registries.</summary>
    public bool RespectSourceConfig { get; init; }
}
