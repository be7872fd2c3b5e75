using Ferry.Toml;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Registry;

/// <summary>
/// <c>$CARGO_HOME/credentials.toml</c> (or the legacy <c>credentials</c>), where <c>cargo login</c>
/// keeps tokens: <c>[registry] token</c> for crates.io, <c>[registries.NAME] token</c> for others.
/// Read only when a registry needs a token. Unlike Cargo, a file other users can read is refused
/// (Ferry's threat model: tokens are secrets bound to one registry; Cargo itself writes the file
/// with mode 0600).
/// </summary>
internal sealed class CredentialsFile
{
    private readonly TomlTable? _root;

    private CredentialsFile(string? path, TomlTable? root)
    {
        Path = path;
        _root = root;
    }

    public string? Path { get; }

    public static CredentialsFile Load(string cargoHome)
    {
        foreach (var name in new[] { "credentials.toml", "credentials" })
        {
            var path = System.IO.Path.Combine(cargoHome, name);
            if (!File.Exists(path))
            {
                continue;
            }

            if (!OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                throw new FerryException(
                    $"the credentials file `{path}` is readable by other users\nhelp: make it private with `chmod 600 {path}`");
            }

            try
            {
                return new CredentialsFile(path, TomlDocument.Parse(File.ReadAllText(path)).Root);
            }
            catch (TomlParseException error)
            {
                throw new FerryException($"could not parse TOML configuration in `{path}`", error);
            }
            catch (IOException error)
            {
                throw new FerryException($"failed to read `{path}`", error);
            }
        }

        return new CredentialsFile(null, null);
    }

    /// <summary>The stored token of <paramref name="registryName"/> (null: crates.io), or null.</summary>
    public string? Token(string? registryName)
    {
        if (_root is null)
        {
            return null;
        }

        TomlTable? table;
        if (registryName is null)
        {
            _root.TryGetTable("registry", out table);
        }
        else
        {
            table = _root.TryGetTable("registries", out var registries) && registries.TryGetTable(registryName, out var registry) ? registry : null;
        }

        return table is not null && table.TryGetString("token", out var token) && token.Length > 0 ? token : null;
    }
}
