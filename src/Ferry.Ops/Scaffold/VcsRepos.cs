using Ferry.Core.Configuration;
using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// Cargo's <c>util::vcs</c>: finding out whether a new package lands inside an existing
/// repository, and creating one. Cargo links libgit2; Ferry looks for the repository itself
/// (libgit2's walk: <c>dir/.git</c>, then <c>dir</c> as a bare repository, then the parent) and asks
/// the <c>git</c> program only what needs git's own logic: ignore rules and <c>git init</c>.
/// Mercurial, Pijul and Fossil are always external programs, as in Cargo.
/// </summary>
internal static class VcsRepos
{
    /// <summary>Variables that would point git at another repository than the one we mean.</summary>
    private static readonly string[] GitLocationVariables = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"];

    /// <summary>
    /// True when <paramref name="path"/> is in a git work tree and not ignored there (or is the
    /// work tree's root), or in a Mercurial repository: then Cargo creates no new repository.
    /// </summary>
    public static bool InExistingRepo(string path, GlobalContext gctx)
    {
        return InGitRepo(path) || InHgRepo(path, gctx);
    }

    public static void Init(string path, VersionControl vcs, GlobalContext gctx)
    {
        switch (vcs)
        {
            case VersionControl.Git:
                if (!CargoPaths.Exists(RustPath.Join(path, ".git")))
                {
                    CargoPaths.CreateDirAll(path);
                    // Captured: git's hints about the default branch name are not Cargo's output.
                    ExternalProcess.Run("git", ["init", "--quiet", "--", path], gctx.Cwd, captureOutput: true, GitLocationVariables);
                }

                break;
            case VersionControl.Hg:
                if (!CargoPaths.Exists(RustPath.Join(path, ".hg")))
                {
                    ExternalProcess.Run("hg", ["init", "--", path], gctx.Cwd, captureOutput: false);
                }

                break;
            case VersionControl.Pijul:
                if (!CargoPaths.Exists(RustPath.Join(path, ".pijul")))
                {
                    ExternalProcess.Run("pijul", ["init", "--", path], gctx.Cwd, captureOutput: false);
                }

                break;
            case VersionControl.Fossil:
                if (!CargoPaths.Exists(RustPath.Join(path, ".fossil")))
                {
                    // Fossil does not create the directory; its database goes inside and is then opened there.
                    CargoPaths.CreateDirAll(path);
                    ExternalProcess.Run("fossil", ["init", "--", RustPath.Join(path, ".fossil")], gctx.Cwd, captureOutput: false);
                    ExternalProcess.Run("fossil", ["open", "--", ".fossil"], path, captureOutput: false);
                }

                break;
            default:
                CargoPaths.CreateDirAll(path);
                break;
        }
    }

    private static bool InGitRepo(string path)
    {
        if (FindGitRepository(path) is not { } repository)
        {
            return false;
        }

        if (repository.WorkDirectory is not { } workDirectory)
        {
            // A bare repository: libgit2 cannot check ignore rules there, which Cargo reads as "not ignored".
            return true;
        }

        if (RustPath.Same(workDirectory, path))
        {
            return true;
        }

        return !IsIgnored(workDirectory, path);
    }

    /// <summary>libgit2's <c>git_repository_discover</c> from <paramref name="start"/> (which must exist) upwards.</summary>
    private static GitRepository? FindGitRepository(string start)
    {
        string full;
        try
        {
            if (!Directory.Exists(start))
            {
                return null;
            }

            full = Path.GetFullPath(start);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        for (var directory = full; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var dotGit = Path.Join(directory, ".git");
            if (Directory.Exists(dotGit) && IsRepositoryDirectory(dotGit))
            {
                return new GitRepository(dotGit, directory);
            }

            if (File.Exists(dotGit) && GitFileTarget(dotGit, directory) is { } linked && IsRepositoryDirectory(linked))
            {
                return new GitRepository(linked, directory);
            }

            if (IsRepositoryDirectory(directory))
            {
                // A directory named .git is the repository of its parent's work tree; anything else is bare.
                return Path.GetFileName(directory) == ".git"
                    ? new GitRepository(directory, Path.GetDirectoryName(directory))
                    : new GitRepository(directory, null);
            }
        }

        return null;
    }

    private static bool IsRepositoryDirectory(string directory) =>
        File.Exists(Path.Join(directory, "HEAD"))
        && (Directory.Exists(Path.Join(directory, "objects")) || File.Exists(Path.Join(directory, "commondir")))
        && (Directory.Exists(Path.Join(directory, "refs")) || File.Exists(Path.Join(directory, "commondir")));

    /// <summary>The repository a <c>.git</c> file (<c>gitdir: …</c>, used by worktrees and submodules) points to.</summary>
    private static string? GitFileTarget(string file, string directory)
    {
        try
        {
            var text = File.ReadAllText(file).Trim();
            if (!text.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                return null;
            }

            var target = text["gitdir:".Length..].Trim();
            return target.Length == 0 ? null : Path.GetFullPath(target, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsIgnored(string workDirectory, string path)
    {
        try
        {
            ExternalProcess.Run("git", ["check-ignore", "--quiet", "--", Path.GetFullPath(path)], workDirectory, captureOutput: true, GitLocationVariables);
            return true;
        }
        catch (FerryException)
        {
            // Exit status 1 (not ignored), a failure, or no git at all: Cargo's libgit2 answer
            // would be "not ignored" for the first and is unknowable for the others.
            return false;
        }
    }

    private static bool InHgRepo(string path, GlobalContext gctx)
    {
        // Cargo runs `hg root` on every `new`; without hg on PATH that can only fail, so skip the spawn.
        if (!ExternalProcess.OnPath("hg", gctx.Environment.Get("PATH")))
        {
            return false;
        }

        try
        {
            ExternalProcess.Run("hg", ["--cwd", path, "root"], gctx.Cwd, captureOutput: true);
            return true;
        }
        catch (FerryException)
        {
            return false;
        }
    }
}
