namespace Ferry.Core.Resolution;

public enum IndexSummaryStatus
{
    Candidate,

    /// <summary>Yanked: usable only when a lockfile already pins it (or with <c>--precise</c>).</summary>
    Yanked,

    /// <summary>Known from the index but its archive is not cached (only matters with <c>--offline</c>).</summary>
    Offline,

    /// <summary>An index line of a format version (<c>v</c>) newer than Ferry understands.</summary>
    Unsupported,

    /// <summary>A line that failed to parse or validate; kept so a lockfile naming it can be reported, never selected.</summary>
    Invalid,
}
