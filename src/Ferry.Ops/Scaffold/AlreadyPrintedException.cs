using Ferry.Util.Diagnostics;

namespace Ferry.Ops.Scaffold;

/// <summary>
/// A failure whose diagnostic was already printed (a manifest's TOML syntax error, drawn with its
/// snippet): error chains stop here, as Cargo's stop at <c>AlreadyPrintedError</c>.
/// </summary>
internal sealed class AlreadyPrintedException : FerryException
{
    public AlreadyPrintedException()
        : base(string.Empty)
    {
    }
}
