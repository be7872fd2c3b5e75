using Ferry.Core.Identity;
using Ferry.Util.Diagnostics;

namespace Ferry.Sources.Git;

/// <summary>
/// The bare clone of one repository under <c>$CARGO_HOME/git/db</c> (Cargo's <c>GitDatabase</c>
/// with <c>GitRemote</c>'s fetch): fetched with the refspecs Cargo uses for each kind of
/// reference, so a reference resolves against the same remote-tracking names Cargo's does.
/// </summary>
internal sealed class GitDatabase
{
    private const string NotFound = "class=Reference (4); code=NotFound (-3)";

    private readonly GitCli _git;
    private readonly Dictionary<string, string> _shortIds = new(StringComparer.Ordinal);

    private GitDatabase(GitCli git, string path)
    {
        _git = git;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The database at <paramref name="path"/>, or null when there is none (or it is not a repository).</summary>
    public static GitDatabase? Open(GitCli git, string path)
    {
        // No process for this: a broken database shows when it is used, and is fetched anew.
        return File.Exists(System.IO.Path.Combine(path, "HEAD")) && Directory.Exists(System.IO.Path.Combine(path, "objects"))
            ? new GitDatabase(git, path)
            : null;
    }

    /// <summary>
    /// Cargo's <c>GitRemote::checkout</c>: fetch into the existing database and resolve; when that
    /// does not resolve (or there is no database), start again from an empty one, so a corrupt
    /// database repairs itself.
    /// </summary>
    public static (GitDatabase Database, string Commit) Fetch(GitCli git, string path, string url, GitReference reference, Verbosity verbosity, GitDatabase? existing)
    {
        if (existing is not null)
        {
            existing.FetchInto(url, reference, verbosity);
            if (existing.TryResolve(reference, out var commit, out _))
            {
                return (existing, commit);
            }
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        git.Check(path, "init", "--bare", "--quiet", ".");
        var database = new GitDatabase(git, path);
        database.FetchInto(url, reference, verbosity, clone: true);

        return (database, database.Resolve(reference));
    }

    /// <summary>Whether the database has the commit; its short id is remembered on the way (one process for both).</summary>
    public bool Contains(string commit)
    {
        var result = _git.Run(Path, "rev-parse", "--verify", "--quiet", "--short=7", "--end-of-options", commit + "^{commit}");
        if (result.ExitCode != 0 || result.Stdout.Trim() is not { Length: >= 7 } shortId || !commit.StartsWith(shortId, StringComparison.Ordinal))
        {
            return false;
        }

        _shortIds[commit] = shortId;
        return true;
    }

    /// <summary>The short form of a commit Cargo names checkouts by (7 hex digits unless ambiguous).</summary>
    public string ShortId(string commit) =>
        _shortIds.TryGetValue(commit, out var known) ? known : _git.Check(Path, "rev-parse", "--short=7", commit).Trim();

    /// <summary>Cargo's <c>resolve_ref</c>: the commit a reference names with what the database has, with libgit2's messages.</summary>
    public string Resolve(GitReference reference)
    {
        if (TryResolve(reference, out var commit, out var error))
        {
            return commit;
        }

        throw error!;
    }

    private bool TryResolve(GitReference reference, out string commit, out FerryException? error)
    {
        string spec;
        Func<FerryException> failure;
        switch (reference.Kind)
        {
            case GitReferenceKind.Tag:
                spec = $"refs/remotes/origin/tags/{reference.Value}";
                failure = () => new FerryException($"failed to find tag `{reference.Value}`", new FerryException($"reference '{spec}' not found; {NotFound}"));
                break;
            case GitReferenceKind.Branch:
                spec = $"refs/remotes/origin/{reference.Value}";
                failure = () => new FerryException($"failed to find branch `{reference.Value}`", new FerryException($"cannot locate remote-tracking branch 'origin/{reference.Value}'; {NotFound}"));
                break;
            case GitReferenceKind.DefaultBranch:
                spec = "refs/remotes/origin/HEAD";
                failure = () => new FerryException($"reference 'refs/remotes/origin/HEAD' not found; {NotFound}");
                break;
            default:
                spec = reference.Value;
                failure = () => new FerryException($"revspec '{reference.Value}' not found; {NotFound}");
                break;
        }

        var result = _git.Run(Path, "rev-parse", "--verify", "--quiet", "--end-of-options", spec + "^{commit}");
        if (result.ExitCode == 0 && result.Stdout.Trim() is { Length: 40 } sha)
        {
            commit = sha;
            error = null;
            return true;
        }

        commit = string.Empty;
        error = failure();
        return false;
    }

    /// <summary>Cargo's <c>fetch</c> with <c>fetch_with_cli</c>: the refspecs for the reference, forced, into this database.</summary>
    private void FetchInto(string url, GitReference reference, Verbosity verbosity, bool clone = false)
    {
        var refspecs = new List<string>();
        var tags = false;
        switch (reference.Kind)
        {
            case GitReferenceKind.Branch:
                refspecs.Add($"+refs/heads/{reference.Value}:refs/remotes/origin/{reference.Value}");
                break;
            case GitReferenceKind.Tag:
                refspecs.Add($"+refs/tags/{reference.Value}:refs/remotes/origin/tags/{reference.Value}");
                break;
            case GitReferenceKind.DefaultBranch:
                refspecs.Add("+HEAD:refs/remotes/origin/HEAD");
                break;
            default:
                if (reference.Value.StartsWith("refs/", StringComparison.Ordinal))
                {
                    refspecs.Add($"+{reference.Value}:{reference.Value}");
                }
                else
                {
                    // Nothing says what the revision is on: every branch, HEAD and the tags.
                    refspecs.Add("+refs/heads/*:refs/remotes/origin/*");
                    refspecs.Add("+HEAD:refs/remotes/origin/HEAD");
                    tags = true;
                }

                break;
        }

        var args = new List<string> { "fetch", tags ? "--tags" : "--no-tags" };
        if (verbosity == Verbosity.Quiet)
        {
            args.Add("--quiet");
        }

        args.AddRange(["--force", "--update-head-ok", "--end-of-options", url]);
        args.AddRange(refspecs);
        var result = _git.Run(Path, [.. args]);

        // libgit2 (Cargo's default) fetches nothing for a ref the remote lacks; the git CLI fails.
        // Going on leaves the missing ref to resolution, whose message then matches Cargo's.
        if (result.ExitCode != 0 && !result.Stderr.Contains("couldn't find remote ref", StringComparison.Ordinal))
        {
            var detail = result.Stderr.Trim();
            throw new FerryException(
                $"failed to {(clone ? "clone" : "fetch")} into: {Path}",
                new FerryException($"process didn't exit successfully: `{result.CommandLine}` (exit status: {result.ExitCode})" + (detail.Length > 0 ? $"\n--- stderr\n{detail}" : string.Empty)));
        }
    }
}
