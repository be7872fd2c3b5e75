namespace Ferry.Core.Configuration;

/// <summary>A <c>[registries.NAME]</c> table (Cargo's <c>RegistryConfig</c>).</summary>
public sealed record RegistryConfig
{
    internal static readonly string[] Fields =
    [
        "index", "token", "credential-provider", "secret-key", "secret-key-subject", "min-publish-age", "protocol",
    ];

    public string? Index { get; init; }

    /// <summary>The token with its definition (a secret: never print it).</summary>
    public Value<string>? Token { get; init; }

    public PathAndArgs? CredentialProvider { get; init; }

    public Value<string>? SecretKey { get; init; }

    public string? SecretKeySubject { get; init; }

    public string? MinPublishAge { get; init; }

    /// <summary><c>sparse</c> or <c>git</c> (only meaningful for <c>crates-io</c>).</summary>
    public string? Protocol { get; init; }

    internal static RegistryConfig Read(ConfigReader reader, string name)
    {
        var key = ConfigKey.Parse("registries").Push(name);
        reader.Struct(key, Fields);
        return new RegistryConfig
        {
            Index = reader.String(key.Push("index")),
            Token = reader.StringValue(key.Push("token")),
            CredentialProvider = reader.PathAndArgs(key.Push("credential-provider"), wrapped: false),
            SecretKey = reader.StringValue(key.Push("secret-key")),
            SecretKeySubject = reader.String(key.Push("secret-key-subject")),
            MinPublishAge = reader.String(key.Push("min-publish-age")),
            Protocol = reader.String(key.Push("protocol")),
        };
    }
}
