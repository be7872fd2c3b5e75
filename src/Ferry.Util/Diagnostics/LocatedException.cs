namespace Ferry.Util.Diagnostics;

/// <summary>
/// An error that points into a file (a TOML syntax error, a wrong value type in a manifest).
/// The CLI renders it the way Cargo 1.95 does:
/// <code>
/// error: invalid type: integer `1`, expected a string
///  --> Cargo.toml:2:8
///   |
/// 2 | name = 1
///   |        ^
/// </code>
/// </summary>
public class LocatedException : FerryException
{
    public LocatedException(string message, SourceLocation location, Exception? cause = null)
        : base(message, cause)
    {
        Location = location;
    }

    public SourceLocation Location { get; }
}
