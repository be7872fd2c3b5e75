using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>Prints an error as Cargo's <c>display_error</c> does, during a build (message, then <c>Caused by:</c> blocks).</summary>
internal static class ErrorReporter
{
    public static void Report(IBuildShell shell, Exception error, bool verbose) => shell.Error(Format(error, verbose));

    public static string Format(Exception error, bool verbose)
    {
        var text = new StringBuilder(error.Message);
        var showCauses = error is not JobFailedException { CauseOnlyWhenVerbose: true } || verbose;
        if (showCauses)
        {
            for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
            {
                text.Append("\n\nCaused by:");
                foreach (var line in cause.Message.Split('\n'))
                {
                    text.Append('\n').Append(line.Length == 0 ? string.Empty : "  " + line);
                }
            }
        }

        if (error is FerryException { Hints.Count: > 0 } ferry)
        {
            foreach (var hint in ferry.Hints)
            {
                text.Append("\n\n").Append(hint);
            }
        }

        return text.ToString();
    }
}
