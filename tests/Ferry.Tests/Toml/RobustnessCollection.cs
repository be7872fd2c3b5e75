namespace Ferry.Tests.Toml;

/// <summary>Runs <see cref="RobustnessTests"/> on its own so that their timings are not shared with other tests.</summary>
[CollectionDefinition(nameof(RobustnessTests), DisableParallelization = true)]
public sealed class RobustnessCollection
{
}
