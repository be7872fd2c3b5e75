using Ferry.Util.Diagnostics;

namespace Ferry.Core.Lockfile;

/// <summary>
/// A Cargo.lock that cannot be read: <c>failed to parse lock file at: {path}</c>, caused by the TOML
/// syntax error or schema error (a <see cref="LocatedException"/> pointing into the file, which the
/// CLI renders as toml's <c>TOML parse error at line L, column C</c> block) or by an unpositioned
/// error such as an unsupported <c>version</c> or a package listed twice — the same chain Cargo prints.
/// </summary>
public sealed class LockfileParseException : FerryException
{
    internal LockfileParseException(string path, Exception cause)
        : base($"failed to parse lock file at: {path}", cause)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The innermost message (the reason without position), e.g. <c>missing field `name`</c>.</summary>
    public string Reason
    {
        get
        {
            var cause = InnerException!;
            while (cause.InnerException is not null)
            {
                cause = cause.InnerException;
            }

            return cause.Message;
        }
    }

    /// <summary>Where in the file the problem is, when it has a position.</summary>
    public SourceLocation? Location => (InnerException as LocatedException)?.Location;
}
