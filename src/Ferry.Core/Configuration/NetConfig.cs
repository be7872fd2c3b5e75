using System.Collections.Immutable;

namespace Ferry.Core.Configuration;

/// <summary>The <c>[net]</c> table.</summary>
public sealed record NetConfig
{
    private static readonly string[] Fields = ["retry", "offline", "git-fetch-with-cli", "ssh"];

    /// <summary>Network retries; Cargo's default is 3.</summary>
    public long? Retry { get; init; }

    public bool? Offline { get; init; }

    public bool? GitFetchWithCli { get; init; }

    /// <summary><c>net.ssh.known-hosts</c> entries, each with where it was defined.</summary>
    public ImmutableArray<Value<string>>? SshKnownHosts { get; init; }

    public long RetryOrDefault => Retry ?? 3;

    internal static NetConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("net");
        reader.Struct(key, Fields);
        var ssh = key.Push("ssh");
        ImmutableArray<Value<string>>? knownHosts = null;
        if (reader.HasKeyOrChildren(ssh))
        {
            reader.Struct(ssh, ["known-hosts"]);
            knownHosts = reader.StringValueArray(ssh.Push("known-hosts"));
        }

        return new NetConfig
        {
            Retry = reader.Integer(key.Push("retry"), IntegerKind.U32),
            Offline = reader.Bool(key.Push("offline")),
            GitFetchWithCli = reader.Bool(key.Push("git-fetch-with-cli")),
            SshKnownHosts = knownHosts,
        };
    }
}
