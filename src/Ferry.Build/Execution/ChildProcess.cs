using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>
/// Runs a <see cref="ProcessCommand"/>: stdin closed, stdout and stderr read line by line as they
/// arrive (rustc's JSON messages drive pipelining and progress), and on cancellation the whole
/// process tree killed so that Ctrl-C leaves no compiler behind.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs to completion, calling the handlers for every line (without its newline); returns the exit code.</summary>
    public static async Task<int> RunStreamingAsync(
        ProcessCommand command,
        IReadOnlyDictionary<string, string> baseEnvironment,
        Action<string> onStdout,
        Action<string> onStderr,
        CancellationToken cancellationToken)
    {
        using var process = Start(command, baseEnvironment);
        using var registration = cancellationToken.Register(() => Kill(process));
        var stdout = PumpAsync(process.StandardOutput, onStdout);
        var stderr = PumpAsync(process.StandardError, onStderr);
        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    /// <summary>Runs to completion and captures the output (tool queries).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunCapturedAsync(
        ProcessCommand command,
        IReadOnlyDictionary<string, string> baseEnvironment,
        CancellationToken cancellationToken)
    {
        using var process = Start(command, baseEnvironment);
        using var registration = cancellationToken.Register(() => Kill(process));
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var result = (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    public static Process Start(ProcessCommand command, IReadOnlyDictionary<string, string> baseEnvironment, bool redirect = true)
    {
        var psi = new ProcessStartInfo(command.Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = redirect,
            StandardOutputEncoding = redirect ? Encoding.UTF8 : null,
            StandardErrorEncoding = redirect ? Encoding.UTF8 : null,
        };
        if (command.Cwd is { } cwd)
        {
            psi.WorkingDirectory = cwd;
        }

        foreach (var arg in command.Args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Clear();
        foreach (var (key, value) in baseEnvironment)
        {
            psi.Environment[key] = value;
        }

        foreach (var (key, value) in command.Env)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        foreach (var (key, value) in command.HiddenEnv)
        {
            psi.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new FerryException($"could not execute process `{command}` (never executed)");
        }
        catch (Win32Exception error)
        {
            throw new FerryException($"could not execute process `{command}` (never executed)", new FerryException(IoMessage(error)));
        }

        if (redirect)
        {
            process.StandardInput.Close();
        }

        return process;
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (Win32Exception)
        {
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            onLine(line);
        }
    }

    private static string IoMessage(Win32Exception error) => error.NativeErrorCode switch
    {
        2 => "No such file or directory (os error 2)",
        13 => "Permission denied (os error 13)",
        _ => $"{error.Message} (os error {error.NativeErrorCode})",
    };

    /// <summary>The captured process environment as a dictionary for <see cref="Start"/>.</summary>
    public static IReadOnlyDictionary<string, string> Environment(ImmutableDictionary<string, string> variables) => variables;
}
