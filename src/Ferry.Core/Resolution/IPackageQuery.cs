using Ferry.Core.Dependencies;

namespace Ferry.Core.Resolution;

/// <summary>
/// The resolver's only view of sources. It performs no I/O: a source that has not loaded a
/// package's index yet answers <see cref="QueryResult.Pending"/>, the driver loads everything
/// that was pending (in parallel) and runs the resolver again — the same round structure as
/// Cargo, so only the index files the resolution actually reaches are fetched.
/// </summary>
public interface IPackageQuery
{
    QueryResult Query(Dependency dependency);
}
