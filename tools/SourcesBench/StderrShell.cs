using Ferry.Util.Diagnostics;

namespace Ferry.SourcesBench;

/// <summary>Status lines and warnings to stderr, as Cargo prints them (no colours).</summary>
internal sealed class StderrShell : IShell
{
    public Verbosity Verbosity => Verbosity.Normal;

    public void Status(string status, string message) => Console.Error.WriteLine($"{status,12} {message}");

    public void StatusWarn(string status, string message) => Console.Error.WriteLine($"{status,12} {message}");

    public void Warn(string message) => Console.Error.WriteLine($"warning: {message}");

    public void Note(string message) => Console.Error.WriteLine($"note: {message}");

    public void Out(string text) => Console.Out.Write(text);
}
