using System.Collections.Immutable;
using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// A <c>[target.TRIPLE]</c> table (Cargo's <c>TargetConfig</c>): runner, flags and linker, each
/// also settable through <c>CARGO_TARGET_TRIPLE_*</c>, plus <c>links</c> build-script overrides
/// (file-only).
/// </summary>
public sealed record TargetConfig
{
    public Value<PathAndArgs>? Runner { get; init; }

    public Value<ImmutableArray<string>>? Rustflags { get; init; }

    public Value<ImmutableArray<string>>? Rustdocflags { get; init; }

    public Value<ConfigRelativePath>? Linker { get; init; }

    public ImmutableSortedDictionary<string, LinksOverride> LinksOverrides { get; init; } =
        ImmutableSortedDictionary.Create<string, LinksOverride>(StringComparer.Ordinal);

    internal static TargetConfig Read(ConfigReader reader, string triple)
    {
        var key = ConfigKey.Parse("target").Push(triple);
        var table = reader.GetTable(key);
        return new TargetConfig
        {
            Runner = ReadValue(reader, key.Push("runner"), k => reader.PathAndArgs(k, wrapped: false)),
            Rustflags = ReadFlags(reader, key.Push("rustflags")),
            Rustdocflags = ReadFlags(reader, key.Push("rustdocflags")),
            Linker = ReadValue(reader, key.Push("linker"), reader.RelativePath),
            LinksOverrides = table is null
                ? ImmutableSortedDictionary.Create<string, LinksOverride>(StringComparer.Ordinal)
                : LinksOverride.ReadAll(key, table),
        };
    }

    /// <summary>
    /// Flags, with Cargo's errors for them: Cargo's <c>TargetConfig</c> declares them as
    /// <c>OptValue&lt;StringList&gt;</c>, but the build reads <c>target.TRIPLE.rustflags</c>
    /// as a plain <c>Option&lt;StringList&gt;</c> first, so those (unwrapped) errors are what users see.
    /// </summary>
    private static Value<ImmutableArray<string>>? ReadFlags(ConfigReader reader, ConfigKey key) =>
        reader.StringList(key) is { } flags ? new Value<ImmutableArray<string>>(flags, reader.ValueDefinition(key)) : null;

    /// <summary>An <c>OptValue&lt;T&gt;</c> field: the value plus the key's definition, errors put under the key.</summary>
    private static Value<T>? ReadValue<T>(ConfigReader reader, ConfigKey key, Func<ConfigKey, T?> read)
        where T : class
    {
        if (!reader.HasKey(key))
        {
            return null;
        }

        var definition = reader.ValueDefinition(key);
        try
        {
            return read(key) is { } value ? new Value<T>(value, definition) : null;
        }
        catch (FerryException error)
        {
            throw ConfigException.KeyContext(key, definition, error);
        }
    }
}
