using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Registry;

/// <summary>
/// The token for a registry that says <c>auth-required</c> (Cargo's <c>auth_token</c> for reads,
/// with the built-in <c>cargo:token</c> provider only): <c>[registry] token</c> for crates.io,
/// <c>[registries.NAME] token</c> otherwise (both also settable through
/// <c>CARGO_REGISTRY_TOKEN</c> / <c>CARGO_REGISTRIES_NAME_TOKEN</c>), else <c>credentials.toml</c>
/// (<see cref="CredentialsFile"/>). As in Cargo, sending a token
/// on reads needs a credential provider to be configured explicitly, so a token meant for
/// publishing never leaks into index requests by accident. The value is a secret: it only ever
/// goes into an <c>Authorization</c> header, never into a message.
/// </summary>
internal sealed class RegistryCredentials
{
    private const string TokenProvider = "cargo:token";

    private readonly SourceConfigMap _config;
    private readonly Lazy<CredentialsFile> _file;

    public RegistryCredentials(SourceConfigMap config)
    {
        _config = config;
        _file = new Lazy<CredentialsFile>(() => CredentialsFile.Load(config.Context.CargoHome));
    }

    /// <summary>The token for <paramref name="registry"/>, or Cargo's error saying how to provide one.</summary>
    public string Token(SourceId registry)
    {
        var gctx = _config.Context;
        var name = registry.IsCratesIo ? SourceId.CratesIoRegistryName : RegistryNameOf(registry);
        var configured = name is null ? null : gctx.Registries(name);
        PathAndArgs? provider;
        Value<string>? token;
        if (registry.IsCratesIo)
        {
            provider = gctx.Registry.CredentialProvider;
            token = gctx.Registry.Token;
        }
        else
        {
            provider = configured?.CredentialProvider;
            token = configured?.Token;
        }

        var globalProviders = gctx.Registry.GlobalCredentialProviders;
        if (provider is null && globalProviders is null)
        {
            throw new FerryException(
                "authenticated registries require a credential-provider to be configured\n"
                + "see https://doc.rust-lang.org/cargo/reference/registry-authentication.html for details");
        }

        var providers = provider is not null
            ? [provider.Path.Raw]
            : globalProviders!.Value.Select(p => p.Split(' ', 2)[0]).ToList();
        if (!providers.Contains(TokenProvider))
        {
            throw new FerryException(
                $"credential provider `{providers.LastOrDefault() ?? string.Empty}` is not supported yet: configure `{TokenProvider}` to send a token from the configuration");
        }

        // Configuration and CARGO_*_TOKEN variables first, then what `cargo login` stored.
        var value = token is { Val.Length: > 0 } ? token.Val : _file.Value.Token(registry.IsCratesIo ? null : name);
        if (value is null)
        {
            throw registry.IsCratesIo
                ? new FerryException("no token found, please run `cargo login`\nor use environment variable CARGO_REGISTRY_TOKEN")
                : new FerryException(
                    $"no token found for `{DisplayName(registry, name)}`, please run `cargo login --registry {DisplayName(registry, name)}`\n"
                    + $"or use environment variable {EnvName(DisplayName(registry, name))}");
        }

        return value;
    }

    /// <summary>Cargo's message when the server refused the token.</summary>
    public FerryException Rejected(SourceId registry, Exception cause)
    {
        if (registry.IsCratesIo)
        {
            return new FerryException("token rejected for `crates-io`, please run `cargo login`\nor use environment variable CARGO_REGISTRY_TOKEN", cause);
        }

        var name = DisplayName(registry, RegistryNameOf(registry));
        return new FerryException(
            $"token rejected for `{name}`, please run `cargo login --registry {name}`\nor use environment variable {EnvName(name)}",
            cause);
    }

    private static string DisplayName(SourceId registry, string? name) => name ?? registry.DisplayRegistryName;

    private static string EnvName(string name) => $"CARGO_REGISTRIES_{name.ToUpperInvariant().Replace('-', '_')}_TOKEN";

    /// <summary>The <c>[registries]</c> key whose index is this registry (by name first, then by URL).</summary>
    private string? RegistryNameOf(SourceId registry)
    {
        if (registry.RegistryName is { } name && _config.AltRegistry(name) is { } byName && byName == registry)
        {
            return name;
        }

        if (_config.Context.Get(ConfigKey.Parse("registries")) is ConfigTable table)
        {
            foreach (var key in table.Entries.Keys)
            {
                if (_config.AltRegistry(key) is { } candidate && candidate == registry)
                {
                    return key;
                }
            }
        }

        return null;
    }
}
