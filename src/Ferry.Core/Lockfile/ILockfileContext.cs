using Ferry.Core.Identity;

namespace Ferry.Core.Lockfile;

/// <summary>
/// What only the workspace knows when a lockfile is turned into a <see cref="Resolution.Resolve"/>:
/// lockfiles write no source for path packages (a path is not portable), so the workspace says
/// which path package a sourceless entry is; and source URLs read from the file are mapped to the
/// source ids the workspace already uses (with their configured registry names, for messages).
/// <see cref="LockfileContext"/> is the standard implementation.
/// </summary>
public interface ILockfileContext
{
    /// <summary>
    /// The path source of the package a lockfile entry without <c>source</c> names, or null when the
    /// workspace no longer has such a package (Cargo then drops the entry silently).
    /// </summary>
    /// <param name="name">The entry's <c>name</c>.</param>
    /// <param name="version">The entry's <c>version</c> string, unparsed.</param>
    SourceId? PathSource(string name, string version);

    /// <summary>The source id to use for a source read from the lockfile (e.g. one carrying its registry name).</summary>
    SourceId Intern(SourceId source);
}
