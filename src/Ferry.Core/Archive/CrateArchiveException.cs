using Ferry.Util.Diagnostics;

namespace Ferry.Core.Archive;

/// <summary>
/// A <c>.crate</c> file broke one of the archive rules (or is not a gzip'd tar at all). The
/// message names the entry and the rule so that a user, or a registry rejecting an upload, can
/// say exactly what is wrong; it never carries unescaped text from the archive.
/// </summary>
public sealed class CrateArchiveException : FerryException
{
    public CrateArchiveException(string message)
        : base(message)
    {
    }

    public CrateArchiveException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}
