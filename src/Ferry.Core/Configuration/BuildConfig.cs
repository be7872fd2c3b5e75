using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>The <c>[build]</c> table (Cargo's <c>CargoBuildConfig</c>), with environment overrides.</summary>
public sealed record BuildConfig
{
    private static readonly string[] Fields =
    [
        "pipelining", "dep-info-basedir", "target-dir", "build-dir", "incremental", "target", "jobs", "rustflags",
        "rustdocflags", "rustc-wrapper", "rustc-workspace-wrapper", "rustc", "rustdoc", "artifact-dir", "warnings",
        "sbom", "analysis", "fingerprint",
    ];

    /// <summary>Deprecated and ignored by Cargo, still accepted.</summary>
    public bool? Pipelining { get; init; }

    public ConfigRelativePath? DepInfoBasedir { get; init; }

    public ConfigRelativePath? TargetDir { get; init; }

    public ConfigRelativePath? BuildDir { get; init; }

    public bool? Incremental { get; init; }

    public BuildTargetConfig? Target { get; init; }

    public JobsConfig? Jobs { get; init; }

    public ImmutableArray<string>? Rustflags { get; init; }

    public ImmutableArray<string>? Rustdocflags { get; init; }

    public ConfigRelativePath? RustcWrapper { get; init; }

    public ConfigRelativePath? RustcWorkspaceWrapper { get; init; }

    public ConfigRelativePath? Rustc { get; init; }

    public ConfigRelativePath? Rustdoc { get; init; }

    public ConfigRelativePath? ArtifactDir { get; init; }

    /// <summary><c>warn</c> (default), <c>allow</c> or <c>deny</c>.</summary>
    public string? Warnings { get; init; }

    internal static BuildConfig Read(ConfigReader reader)
    {
        var key = ConfigKey.Parse("build");
        reader.Struct(key, Fields);
        return new BuildConfig
        {
            Pipelining = reader.Bool(key.Push("pipelining")),
            DepInfoBasedir = reader.RelativePath(key.Push("dep-info-basedir")),
            TargetDir = reader.RelativePath(key.Push("target-dir")),
            BuildDir = reader.RelativePath(key.Push("build-dir")),
            Incremental = reader.Bool(key.Push("incremental")),
            Target = ReadTarget(reader, key.Push("target")),
            Jobs = reader.Untagged(key.Push("jobs"), "an integer or string", typeof(ConfigInteger), typeof(ConfigString)) switch
            {
                ConfigInteger i when i.Value is < int.MinValue or > int.MaxValue =>
                    throw ConfigException.KeyContext(key.Push("jobs"), i.Definition, new FerryException($"invalid value: integer `{i.Value}`, expected an integer or string")),
                ConfigInteger i => new JobsConfig(i.Value, null),
                ConfigString s => new JobsConfig(null, s.Value),
                _ => null,
            },
            Rustflags = reader.StringList(key.Push("rustflags")),
            Rustdocflags = reader.StringList(key.Push("rustdocflags")),
            RustcWrapper = reader.RelativePath(key.Push("rustc-wrapper")),
            RustcWorkspaceWrapper = reader.RelativePath(key.Push("rustc-workspace-wrapper")),
            Rustc = reader.RelativePath(key.Push("rustc")),
            Rustdoc = reader.RelativePath(key.Push("rustdoc")),
            ArtifactDir = reader.RelativePath(key.Push("artifact-dir")),
            Warnings = reader.Enum(key.Push("warnings"), "warn", "allow", "deny"),
        };
    }

    private static BuildTargetConfig? ReadTarget(ConfigReader reader, ConfigKey key)
    {
        if (!reader.HasKey(key))
        {
            return null;
        }

        // Cargo reads a Value<untagged enum>: errors are put under the key twice.
        var definition = reader.ValueDefinition(key);
        try
        {
            var value = reader.Untagged(key, "a string or array", typeof(ConfigString), typeof(ConfigList));
            switch (value)
            {
                case ConfigString s:
                    return new BuildTargetConfig(new Value<ImmutableArray<string>>([s.Value], definition));
                case ConfigList list:
                {
                    var targets = ImmutableArray.CreateBuilder<string>(list.Items.Length);
                    for (var i = 0; i < list.Items.Length; i++)
                    {
                        // The item error passes through serde_untagged as text: its cause is lost, as in Cargo.
                        targets.Add(list.Items[i] is ConfigString item
                            ? item.Value
                            : throw ConfigException.KeyContext(key, list.Definition, new ConfigException(
                                $"failed to parse config at `{key}[{i}]`", list.Items[i].Definition)));
                    }

                    return new BuildTargetConfig(new Value<ImmutableArray<string>>(targets.MoveToImmutable(), definition));
                }

                default:
                    return null;
            }
        }
        catch (FerryException error)
        {
            throw ConfigException.KeyContext(key, definition, error);
        }
    }
}
