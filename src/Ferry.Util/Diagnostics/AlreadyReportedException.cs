namespace Ferry.Util.Diagnostics;

/// <summary>
/// A failure whose details were already printed while it happened (a build's compiler errors): the
/// CLI exits with the code but prints nothing more (Cargo's <c>AlreadyPrintedError</c>).
/// </summary>
public sealed class AlreadyReportedException : FerryException
{
    public AlreadyReportedException(string message)
        : base(message)
    {
    }
}
