namespace Ferry.Util.Diagnostics;

/// <summary>
/// What a build needs from the terminal on top of <see cref="IShell"/>: compiler diagnostics passed
/// through as rustc rendered them (with ANSI colours, removed when stderr has none), raw stdout
/// lines (JSON messages, build script output with <c>-vv</c>), errors, and a progress line that
/// other output clears first. Only Ferry.Cli implements it.
/// </summary>
public interface IBuildShell : IShell
{
    /// <summary>Whether stderr shows colours.</summary>
    bool ColorStderr { get; }

    /// <summary>The width of the terminal stderr is on; null when it is not a terminal.</summary>
    int? ErrWidth { get; }

    void Error(string message);

    /// <summary>A line of text for stderr (a rendered diagnostic); a newline is added.</summary>
    void StderrLine(string text);

    /// <summary>A line for stdout; a newline is added.</summary>
    void StdoutLine(string text);

    /// <summary>Shows <paramref name="line"/> as the transient progress line under the status <paramref name="status"/>; null removes it.</summary>
    void Progress(string status, string? line);
}
