namespace Ferry.Core.Configuration;

/// <summary>
/// Where a configuration value came from, in ascending priority: a built-in default, a config
/// file, an environment variable, the command line (<c>--config</c>).
/// </summary>
public enum DefinitionKind
{
    BuiltIn,
    Path,
    Environment,
    Cli,
}
