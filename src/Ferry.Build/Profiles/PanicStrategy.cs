namespace Ferry.Build.Profiles;

public enum PanicStrategy
{
    Unwind,
    Abort,
    ImmediateAbort,
}
