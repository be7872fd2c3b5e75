using Ferry.Testsuite.Support;

namespace Ferry.Testsuite.Git;

/// <summary>
/// A git repository a test makes with the git CLI, outside the sandbox's work directory, with a
/// fixed identity and dates so commits are reproducible within a test. Served to cargo and ferry
/// as a <c>file://</c> URL.
/// </summary>
internal sealed class GitRepo
{
    private static int _tick;
    private readonly Sandbox _sandbox;

    private GitRepo(Sandbox sandbox, string directory)
    {
        _sandbox = sandbox;
        Directory = directory;
    }

    public string Directory { get; }

    public string Url => "file://" + Directory;

    public static GitRepo Create(Sandbox sandbox, string name)
    {
        sandbox.ExtraEnvironment["GIT_CONFIG_NOSYSTEM"] = "1";
        var directory = Path.Combine(sandbox.RootDirectory, "repos", name);
        System.IO.Directory.CreateDirectory(directory);
        var repo = new GitRepo(sandbox, directory);
        repo.Git("init", "--quiet", "--initial-branch=main");
        return repo;
    }

    public GitRepo File(string relative, string contents)
    {
        var full = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, contents);
        return this;
    }

    /// <summary>A library package <paramref name="name"/> at <paramref name="relative"/> whose <c>VALUE</c> is <paramref name="value"/>.</summary>
    public GitRepo Package(string relative, string name, string version = "0.1.0", string value = "1", string extraManifest = "")
    {
        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        File(prefix + "Cargo.toml", $"[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n{extraManifest}");
        File(prefix + "src/lib.rs", $"pub const VALUE: u32 = {value};\n");
        return this;
    }

    /// <summary>Commits everything and returns the full commit hash.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "--quiet", "-m", message);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public string Git(params string[] args)
    {
        var tick = Interlocked.Increment(ref _tick);
        var date = $"2024-01-01T00:{tick / 60 % 60:00}:{tick % 60:00}Z";
        var env = new Dictionary<string, string?>(_sandbox.Environment())
        {
            ["GIT_AUTHOR_NAME"] = "Ferry Test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.com",
            ["GIT_COMMITTER_NAME"] = "Ferry Test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.com",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
        var result = ProcessRunner.Run("git", ["-c", "protocol.file.allow=always", .. args], Directory, env, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed:\n{result}");
        }

        return result.Stdout;
    }
}
