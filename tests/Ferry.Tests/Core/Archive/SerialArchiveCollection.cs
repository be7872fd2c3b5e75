namespace Ferry.Tests.Core.Archive;

/// <summary>
/// Tests that measure time or allocations (the gzip bombs, the real-crate throughput run) run
/// alone so that other tests' work does not distort the numbers.
/// </summary>
[CollectionDefinition(nameof(SerialArchiveCollection), DisableParallelization = true)]
public sealed class SerialArchiveCollection
{
}
