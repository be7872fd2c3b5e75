namespace Ferry.Util.Diagnostics;

/// <summary>
/// A usage error Cargo raises through clap's <c>Error::raw</c> after parsing (a bad
/// <c>--depth</c>, say): printed as <c>error: {Message}</c> with nothing after it, not even a
/// newline, and exit code 1 like every clap error.
/// </summary>
public sealed class RawUsageException : FerryException
{
    public RawUsageException(string message)
        : base(message)
    {
    }

    public override int ExitCode => 1;
}
