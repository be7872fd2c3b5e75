using Ferry.Core.Configuration;
using Ferry.Core.Identity;
using Ferry.Core.Urls;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Sources.Git;

/// <summary>
/// Fetching and checking out git repositories for one run: Cargo's <c>GitSource::fetch_db</c>
/// and <c>GitDatabase::copy_to</c> (with submodules, each fetched into its own database as Cargo
/// does) over the git CLI.
/// </summary>
internal sealed class GitRepositories
{
    /// <summary>Cargo's ready marker: written last, so a checkout without it is redone.</summary>
    public const string ReadyMarker = ".cargo-ok";

    private readonly GlobalContext _gctx;

    public GitRepositories(GlobalContext gctx)
    {
        _gctx = gctx;
        Git = new GitCli(gctx.Environment);
        Paths = new GitPaths(gctx.CargoHome);
    }

    public GitCli Git { get; }

    public IShell Shell => _gctx.Shell;

    public GitPaths Paths { get; }

    private string? OfflineFlag => _gctx.Cli.Frozen ? "--frozen" : _gctx.Offline ? "--offline" : null;

    /// <summary>
    /// The database of <paramref name="source"/> and the commit to use: the locked commit when the
    /// database has it (no network), the reference resolved in the database when offline, and
    /// otherwise a fetch (announced with Cargo's <c>Updating git repository</c>).
    /// </summary>
    public (GitDatabase Database, string Commit) FetchDatabase(SourceId source, bool isSubmodule)
    {
        var path = Paths.Database(source);
        var url = source.Url.ToString();
        var existing = GitDatabase.Open(Git, path);
        // Cargo's `Revision`: a full-commit precise (the lockfile's) is locked; anything else is
        // resolved after a fetch, a non-commit precise as a revision.
        var locked = source.Precise is { } precise && IsFullCommit(precise) ? precise : null;
        var reference = source.Precise is { } rev ? GitReference.Rev(rev) : source.Git ?? GitReference.DefaultBranch;

        if (locked is not null && existing is not null && existing.Contains(locked))
        {
            return (existing, locked);
        }

        if (locked is null && existing is not null && OfflineFlag is { } flag)
        {
            try
            {
                return (existing, existing.Resolve(reference));
            }
            catch (FerryException error)
            {
                throw new FerryException(
                    $"failed to lookup reference in preexisting repository, and can't check for updates in offline mode ({flag})", error);
            }
        }

        if (OfflineFlag is { } offline)
        {
            throw new FerryException($"can't checkout from '{url}': you are in the offline mode ({offline})");
        }

        _gctx.Shell.Status("Updating", $"git {(isSubmodule ? "submodule" : "repository")} `{url}`");
        Directory.CreateDirectory(Paths.Root);
        WriteCacheDirTag();
        return GitDatabase.Fetch(Git, path, url, reference, _gctx.Shell.Verbosity, existing);
    }

    /// <summary>
    /// Cargo's <c>copy_to</c>: reuses a checkout at <paramref name="destination"/> whose HEAD is
    /// <paramref name="commit"/> and that has the ready marker; otherwise clones the database
    /// there, resets to the commit, checks out the submodules recursively and writes the marker last.
    /// </summary>
    public void CopyTo(GitDatabase database, string commit, string destination, Url remoteUrl)
    {
        if (IsFresh(destination, commit))
        {
            return;
        }

        var parent = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(parent);
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        // Line endings as committed (Cargo sets core.autocrlf=false so vendored files hash the same);
        // a detached HEAD holding the commit lets freshness be read from .git/HEAD with no process.
        Git.Check(parent, "clone", "--local", "--no-checkout", "--quiet", "--config", "core.autocrlf=false", "--end-of-options", database.Path, destination);
        Git.Check(destination, "checkout", "--quiet", "--force", "--detach", commit);
        UpdateSubmodules(destination, remoteUrl);
        File.WriteAllBytes(Path.Combine(destination, ReadyMarker), []);
    }

    /// <summary>Locks <c>$CARGO_HOME/git</c> for this process (a kernel lock: released if the process dies).</summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(Paths.Root);
        var path = Path.Combine(Paths.Root, ".ferry-lock");
        try
        {
            return FileLock.AcquireAsync(path, () => _gctx.Shell.StatusWarn("Blocking", "waiting for file lock on git directory"), CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new FerryException($"failed to open: {path}", IoErrors.Describe(error, path));
        }
    }

    public static bool IsFullCommit(string text) => text.Length == 40 && text.All(char.IsAsciiHexDigit);

    private bool IsFresh(string destination, string commit)
    {
        if (!File.Exists(Path.Combine(destination, ReadyMarker)) || !Directory.Exists(Path.Combine(destination, ".git")))
        {
            return false;
        }

        try
        {
            return File.ReadAllText(Path.Combine(destination, ".git", "HEAD")).Trim() == commit;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Cargo's <c>update_submodules</c>: each submodule's commit from its own database, recursively.</summary>
    private void UpdateSubmodules(string checkout, Url parentUrl)
    {
        var modules = Path.Combine(checkout, ".gitmodules");
        if (!File.Exists(modules))
        {
            return;
        }

        var listed = Git.Run(checkout, "config", "--file", ".gitmodules", "--get-regexp", @"^submodule\..*\.path$");
        foreach (var line in listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            if (space < 0)
            {
                continue;
            }

            var key = line[..space];
            var name = key["submodule.".Length..^".path".Length];
            var subPath = line[(space + 1)..];
            try
            {
                UpdateSubmodule(checkout, name, subPath, parentUrl);
            }
            catch (FerryException error)
            {
                throw new FerryException($"failed to update submodule `{name}`", error);
            }
        }
    }

    private void UpdateSubmodule(string checkout, string name, string subPath, Url parentUrl)
    {
        var childUrlText = Git.Run(checkout, "config", "--file", ".gitmodules", $"submodule.{name}.url").Stdout.Trim();
        if (childUrlText.Length == 0)
        {
            throw new FerryException($"non-utf8 url for submodule \"{subPath}\"?");
        }

        var strategy = Git.Run(checkout, "config", "--file", ".gitmodules", $"submodule.{name}.update").Stdout.Trim();
        if (strategy == "none")
        {
            _gctx.Shell.Status("Skipping", $"git submodule `{childUrlText}` due to update strategy in .gitmodules");
            return;
        }

        var childUrl = AbsoluteSubmoduleUrl(parentUrl, childUrlText);

        // A submodule listed in .gitmodules but not recorded in the tree has no commit: ignored.
        var tree = Git.Run(checkout, "ls-tree", "HEAD", "--", subPath).Stdout.Trim();
        var parts = tree.Split([' ', '\t'], 4);
        if (parts.Length < 3 || parts[1] != "commit")
        {
            return;
        }

        // A hostile .gitmodules must not make the checkout delete or write outside itself.
        var destination = Path.GetFullPath(Path.Combine(checkout, subPath));
        if (!destination.StartsWith(Path.GetFullPath(checkout) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new FerryException($"submodule `{name}` has a path outside the repository: `{subPath}`");
        }

        var head = parts[2];
        var source = SourceId.ForGit(childUrl, GitReference.Rev(head)).WithPrecise(head);
        (GitDatabase Database, string Commit) fetched;
        try
        {
            fetched = FetchDatabase(source, isSubmodule: true);
        }
        catch (FerryException error)
        {
            throw new FerryException($"failed to fetch submodule `{name}` from {childUrl}", error);
        }

        CopyTo(fetched.Database, fetched.Commit, destination, childUrl);
    }

    /// <summary>Cargo's <c>absolute_submodule_url</c>: <c>./x</c> and <c>../x</c> are relative to the parent's URL.</summary>
    private static Url AbsoluteSubmoduleUrl(Url parent, string child)
    {
        string text;
        if (child.StartsWith("./", StringComparison.Ordinal) || child.StartsWith("../", StringComparison.Ordinal))
        {
            var basePath = parent.ToString();
            if (!basePath.EndsWith('/'))
            {
                basePath += "/";
            }

            text = Uri.TryCreate(new Uri(basePath), child, out var joined) ? joined.AbsoluteUri : basePath + child;
        }
        else if (child.StartsWith('/'))
        {
            text = Url.FromFilePath(child).ToString();
        }
        else
        {
            text = child;
        }

        if (!Url.TryParse(text, out var url, out var error))
        {
            throw new FerryException($"invalid url `{text}`: {error}");
        }

        return url;
    }

    private void WriteCacheDirTag()
    {
        var tag = Path.Combine(Paths.Root, "CACHEDIR.TAG");
        if (!File.Exists(tag))
        {
            File.WriteAllText(tag, "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by cargo.\n# For information about cache directory tags see https://bford.info/cachedir/\n");
        }
    }
}
