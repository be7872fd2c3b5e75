using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>The <c>[registry]</c> table: crates.io credentials and registry-wide defaults.</summary>
public sealed record GlobalRegistryConfig
{
    private static readonly string[] Fields =
    [
        "index", "token", "credential-provider", "secret-key", "secret-key-subject", "global-min-publish-age", "default",
        "global-credential-providers",
    ];

    /// <summary>No longer supported by Cargo (source replacement replaces it); kept so callers can reject it.</summary>
    public string? Index { get; init; }

    public Value<string>? Token { get; init; }

    public PathAndArgs? CredentialProvider { get; init; }

    public Value<string>? SecretKey { get; init; }

    public string? SecretKeySubject { get; init; }

    public string? GlobalMinPublishAge { get; init; }

    /// <summary>The default registry name; <c>crates-io</c> when unset.</summary>
    public string? Default { get; init; }

    public ImmutableArray<string>? GlobalCredentialProviders { get; init; }

    internal static GlobalRegistryConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("registry");
        reader.Struct(key, Fields);
        return new GlobalRegistryConfig
        {
            Index = reader.String(key.Push("index")),
            Token = reader.StringValue(key.Push("token")),
            CredentialProvider = reader.PathAndArgs(key.Push("credential-provider"), wrapped: false),
            SecretKey = reader.StringValue(key.Push("secret-key")),
            SecretKeySubject = reader.String(key.Push("secret-key-subject")),
            GlobalMinPublishAge = reader.String(key.Push("global-min-publish-age")),
            Default = reader.String(key.Push("default")),
            GlobalCredentialProviders = reader.StringArray(key.Push("global-credential-providers")),
        };
    }
}
