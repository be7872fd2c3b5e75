namespace Ferry.Cli.Commands;

/// <summary>Which legacy <c>--profile</c> names a command accepts (Cargo's <c>ProfileChecking</c>).</summary>
internal enum ProfileChecking
{
    Custom,

    /// <summary><c>cargo rustc --profile dev|test|bench|check</c>.</summary>
    LegacyRustc,

    /// <summary><c>cargo check --profile test</c>.</summary>
    LegacyTestOnly,
}
