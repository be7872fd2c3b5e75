using Ferry.Util.Diagnostics;

namespace Ferry.Core.Configuration;

/// <summary>
/// A configuration error that names where the offending value was defined, printed the way
/// Cargo's <c>ConfigError</c> is: <c>error in /p/.cargo/config.toml: `build.jobs` expected an
/// integer, but found a string</c>. Without a definition only the message is shown.
/// </summary>
public sealed class ConfigException : FerryException
{
    public ConfigException(string detail, Definition? definition, Exception? cause = null)
        : base(definition is null ? detail : $"error in {definition}: {detail}", cause)
    {
        Detail = detail;
        Definition = definition;
    }

    /// <summary>The message without the <c>error in ...:</c> prefix.</summary>
    public string Detail { get; }

    public Definition? Definition { get; }

    /// <summary>Cargo's <c>ConfigError::expected</c>.</summary>
    public static ConfigException Expected(ConfigKey key, string expected, ConfigValue found) =>
        new($"`{key}` expected {expected}, but found a {found.Description}", found.Definition);

    /// <summary>Cargo's <c>with_key_context</c>: wraps an error under <c>could not load config key `k`</c>.</summary>
    public static ConfigException KeyContext(ConfigKey key, Definition? definition, Exception cause) =>
        new($"could not load config key `{key}`", definition, cause);

    /// <summary>Cargo's <c>GlobalContext::expected</c>: a value of the wrong shape where a table or list was needed.</summary>
    public static FerryException Invalid(string expected, ConfigKey key, ConfigValue found) =>
        new($"invalid configuration for key `{key}`\nexpected a {expected}, but found a {found.Description} for `{key}` in {found.Definition}");
}
