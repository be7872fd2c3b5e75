using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// Runs the version-control tools and rustfmt the way Cargo's <c>ProcessBuilder</c> does, with
/// its failure texts: <c>could not execute process `hg init -- /p` (never executed)</c> and
/// <c>process didn't exit successfully: `…` (exit status: 1)</c>.
/// </summary>
internal static class ExternalProcess
{
    /// <summary>Runs <paramref name="program"/>; throws Cargo's errors when it cannot start or fails.</summary>
    /// <param name="captureOutput">Capture stdout/stderr (shown in the error) instead of letting the child write to the terminal.</param>
    /// <param name="removeVariables">Environment variables the child must not see.</param>
    public static void Run(string program, IReadOnlyList<string> arguments, string workingDirectory, bool captureOutput, IReadOnlyList<string>? removeVariables = null)
    {
        var display = Display(program, arguments);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
            RedirectStandardInput = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in removeVariables ?? [])
        {
            start.Environment.Remove(name);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            throw new FerryException($"could not execute process {display} (never executed)", new FerryException(OsError.Text(e.NativeErrorCode, e.Message)));
        }

        if (process is null)
        {
            throw new FerryException($"could not execute process {display} (never executed)");
        }

        using (process)
        {
            string stdout = string.Empty, stderr = string.Empty;
            if (captureOutput)
            {
                var errTask = process.StandardError.ReadToEndAsync();
                stdout = process.StandardOutput.ReadToEnd();
                stderr = errTask.GetAwaiter().GetResult();
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var message = new StringBuilder($"process didn't exit successfully: {display} (exit status: {process.ExitCode})");
                if (captureOutput)
                {
                    if (stdout.Length > 0)
                    {
                        message.Append("\n--- stdout\n").Append(stdout.TrimEnd('\n'));
                    }

                    if (stderr.Length > 0)
                    {
                        message.Append("\n--- stderr\n").Append(stderr.TrimEnd('\n'));
                    }
                }

                throw new FerryException(message.ToString());
            }
        }
    }

    /// <summary>Whether <paramref name="program"/> is an executable file in one of the <c>PATH</c> directories.</summary>
    public static bool OnPath(string program, string? pathVariable)
    {
        foreach (var directory in (pathVariable ?? string.Empty).Split(':'))
        {
            var candidate = Path.Join(directory.Length == 0 ? "." : directory, program);
            if (File.Exists(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static string Display(string program, IReadOnlyList<string> arguments)
    {
        var text = new StringBuilder("`").Append(program);
        foreach (var argument in arguments)
        {
            text.Append(' ').Append(ShellEscape.Escape(argument));
        }

        return text.Append('`').ToString();
    }
}
