using Ferry.Util.Diagnostics;

namespace Ferry.Build.Execution;

/// <summary>
/// A unit that failed (<c>could not compile `foo` (lib) due to 1 previous error</c>). When the
/// compiler already explained the failure, its exit status is shown only with <c>-v</c>, as in
/// Cargo (its <c>VerboseError</c>).
/// </summary>
public sealed class JobFailedException : FerryException
{
    public JobFailedException(string message, Exception? cause, bool causeOnlyWhenVerbose)
        : base(message, cause)
    {
        CauseOnlyWhenVerbose = causeOnlyWhenVerbose;
    }

    public bool CauseOnlyWhenVerbose { get; }
}
