using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;
using Ferry.Util.Processes;

namespace Ferry.Sources.Git;

/// <summary>
/// Runs the <c>git</c> program for git dependencies (Ferry always fetches with the CLI, which is
/// what Cargo's <c>net.git-fetch-with-cli = true</c> does). The environment is the run's
/// snapshot without the variables that would point git at another repository (a ferry started
/// from a git hook inherits <c>GIT_DIR</c>), as Cargo does.
/// </summary>
internal sealed class GitCli
{
    private static readonly string[] Scrubbed =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR"];

    private readonly Dictionary<string, string> _environment;

    public GitCli(EnvironmentSnapshot environment)
    {
        _environment = new Dictionary<string, string>(environment.Variables, StringComparer.Ordinal);
        foreach (var name in Scrubbed)
        {
            _environment.Remove(name);
        }

        // Never wait for a password on a terminal nobody watches.
        _environment["GIT_TERMINAL_PROMPT"] = "0";
    }

    /// <summary>Runs git in <paramref name="directory"/>; the result whatever the exit code.</summary>
    public ProcessResult Run(string directory, params string[] args)
    {
        try
        {
            return ProcessRunner.RunAsync("git", args, directory, _environment, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (FerryException error)
        {
            throw new FerryException("failed to run `git`: git dependencies need the git program on PATH", error);
        }
    }

    /// <summary>Runs git and fails with Cargo's process error when it fails.</summary>
    public string Check(string directory, params string[] args) => Run(directory, args).EnsureSuccess().Stdout;
}
