using System.Diagnostics;

namespace Ferry.Testsuite.Support;

/// <summary>Runs a program to completion, capturing both streams, with a hard timeout.</summary>
internal static class ProcessRunner
{
    public static CommandResult Run(string program, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, string? stdin = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            psi.Environment.Clear();
            foreach (var (key, value) in environment)
            {
                if (value is not null)
                {
                    psi.Environment[key] = value;
                }
            }
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', psi.ArgumentList)} did not finish in {timeout}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
