namespace Ferry.Core.Manifest.Schema;

/// <summary>The profile <c>debug</c> setting.</summary>
public enum TomlDebugInfo
{
    None,
    LineDirectivesOnly,
    LineTablesOnly,
    Limited,
    Full,
}
