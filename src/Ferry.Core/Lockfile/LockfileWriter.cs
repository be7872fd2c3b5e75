using Ferry.Core.Resolution;
using Ferry.Util.Diagnostics;
using Ferry.Util.IO;

namespace Ferry.Core.Lockfile;

/// <summary>
/// Cargo's <c>write_pkg_lockfile</c>: writes Cargo.lock only when its content changes (so read-only
/// checkouts and CRLF checkouts stay untouched), refuses to under <c>--locked</c>/<c>--frozen</c>,
/// upgrades the format of a file it rewrites anyway to the newest one the workspace's lowest
/// <c>rust-version</c> can read (but never downgrades, and leaves an unchanged file in its old
/// format), and replaces the file atomically.
/// </summary>
public static class LockfileWriter
{
    /// <summary>Decides what to write; pure, so every rule is testable without a file system.</summary>
    /// <param name="original">The current file's text, or null if there is none (or it could not be read).</param>
    /// <param name="fileExists">Whether the file exists (decides between <c>create</c> and <c>update</c> in the <c>--locked</c> error).</param>
    /// <exception cref="FerryException">The <c>--locked</c>/<c>--frozen</c> error, or a V5 file without <c>-Znext-lockfile-bump</c>.</exception>
    public static LockfileWritePlan Plan(Resolve resolve, string? original, bool fileExists, string path, LockfileWriteOptions options)
    {
        var text = CargoLock.Encode(resolve, original);
        if (original is not null && AreEqual(original, text, options))
        {
            return new LockfileWritePlan(false, text, resolve);
        }

        if (options.Lock != LockfileLock.None)
        {
            var flag = options.Lock == LockfileLock.Frozen ? "--frozen" : "--locked";
            var action = fileExists ? "update" : "create";
            throw new FerryException(
                $"cannot {action} the lock file {path} because {flag} was passed to prevent this\n" +
                $"help: to generate the lock file without accessing the network, remove the {flag} flag and use --offline instead.");
        }

        // Rewriting anyway is the moment to move to the current format (slowly rolling out new formats).
        var defaultVersion = ResolveVersions.WithRustVersion(options.LowestRustVersion);
        if (resolve.Version < defaultVersion)
        {
            resolve = resolve.WithVersion(defaultVersion);
            text = CargoLock.Encode(resolve, original);
        }
        else if (resolve.Version > ResolveVersions.MaxStable && !options.Format.NextLockfileBump)
        {
            throw new FerryException($"lock file version `{resolve.Version}` requires `-Znext-lockfile-bump`");
        }

        return new LockfileWritePlan(true, text, resolve);
    }

    /// <summary>Plans and, if the content changed, atomically writes <paramref name="path"/> (creating its directory).</summary>
    public static LockfileWritePlan Write(Resolve resolve, string path, LockfileWriteOptions options)
    {
        var fileExists = File.Exists(path);
        string? original = null;
        try
        {
            original = CargoLock.ReadText(path);
        }
        catch (FerryException)
        {
            // Cargo treats an unreadable old file as absent here (reading it for the resolve failed earlier if it mattered).
        }

        var plan = Plan(resolve, original, fileExists, path, options);
        if (plan.Changed)
        {
            try
            {
                AtomicFile.WriteAllText(path, plan.Text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FerryException($"failed to write {path}", e);
            }
        }

        return plan;
    }

    /// <summary>
    /// Cargo's <c>are_equal_lockfiles</c>: the same lines (so CRLF and a missing final newline do not
    /// count as a change); under <c>--locked</c>/<c>--frozen</c> also files that read back into the same
    /// resolve, so a hand-formatted but equivalent file is not reported as needing an update.
    /// </summary>
    public static bool AreEqual(string original, string current, LockfileWriteOptions options)
    {
        if (LinesEqual(original, current))
        {
            return true;
        }

        if (options.Lock == LockfileLock.None)
        {
            return false;
        }

        try
        {
            var old = CargoLock.Read(original, CargoLock.FileName, options.Context, options.Format);
            var updated = CargoLock.Read(current, CargoLock.FileName, options.Context, options.Format);
            return ResolveComparer.Equal(old, updated);
        }
        catch (FerryException)
        {
            return false;
        }
    }

    /// <summary>Rust's <c>a.lines().eq(b.lines())</c>: split on <c>\n</c>, drop one trailing <c>\r</c> per line, no final empty line.</summary>
    internal static bool LinesEqual(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (true)
        {
            var aDone = i >= a.Length;
            var bDone = j >= b.Length;
            if (aDone || bDone)
            {
                return aDone && bDone;
            }

            var aEnd = a.IndexOf('\n', i);
            var bEnd = b.IndexOf('\n', j);
            var aNext = aEnd < 0 ? a.Length : aEnd + 1;
            var bNext = bEnd < 0 ? b.Length : bEnd + 1;
            aEnd = aEnd < 0 ? a.Length : aEnd;
            bEnd = bEnd < 0 ? b.Length : bEnd;
            if (aEnd > i && a[aEnd - 1] == '\r')
            {
                aEnd--;
            }

            if (bEnd > j && b[bEnd - 1] == '\r')
            {
                bEnd--;
            }

            if (!a.AsSpan(i, aEnd - i).SequenceEqual(b.AsSpan(j, bEnd - j)))
            {
                return false;
            }

            i = aNext;
            j = bNext;
        }
    }
}
