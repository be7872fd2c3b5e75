using Ferry.Build.Units;

namespace Ferry.Build.Execution;

/// <summary>One unit's work: run it (dirty) or replay its results (fresh).</summary>
internal sealed record Job(Unit Unit, Freshness Freshness, Func<JobState, CancellationToken, Task> Work);
