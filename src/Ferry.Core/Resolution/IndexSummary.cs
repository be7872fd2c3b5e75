using Ferry.Core.Dependencies;

namespace Ferry.Core.Resolution;

/// <summary>A candidate version as a source offers it, with its registry status.</summary>
public sealed record IndexSummary(Summary Summary, IndexSummaryStatus Status = IndexSummaryStatus.Candidate)
{
    public bool IsYanked => Status == IndexSummaryStatus.Yanked;
}
