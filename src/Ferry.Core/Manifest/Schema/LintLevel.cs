namespace Ferry.Core.Manifest.Schema;

public enum LintLevel
{
    Forbid,
    Deny,
    Warn,
    Allow,
}
