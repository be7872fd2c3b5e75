namespace Ferry.Util.Diagnostics;

/// <summary>
/// A located error that Cargo prints as a diagnostic the moment it happens (a TOML syntax or type
/// error in a manifest): <c>error: msg</c> with a <c> --&gt; file:line:col</c> snippet. Errors that wrap
/// it are printed afterwards as a separate <c>error:</c> with their own causes, and this one is not
/// repeated among them (Cargo's <c>AlreadyPrintedError</c>). A message with several lines continues
/// under the first, indented past <c>error: </c>.
/// </summary>
public class DiagnosticException : LocatedException
{
    public DiagnosticException(string message, SourceLocation location, string plainText)
        : base(message, location)
    {
        PlainText = plainText;
    }

    /// <summary>
    /// The error as text without the snippet (what Cargo's <c>to_string()</c> gives, e.g. in
    /// <c>verify-project</c>'s JSON): toml-rs's rendering, such as
    /// <c>invalid type: integer `1`, expected a string\nin `package.name`\n</c>.
    /// </summary>
    public string PlainText { get; }
}
