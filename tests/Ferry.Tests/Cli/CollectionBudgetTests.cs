using Ferry.Cli;

namespace Ferry.Tests.Cli;

public sealed class CollectionBudgetTests
{
    [Theory]
    [InlineData(true, "generate-lockfile")]
    [InlineData(true, "-v", "tree", "-e", "features")]
    [InlineData(true, "--config", "net.offline=true", "fetch")]
    [InlineData(true, "+stable", "-Z", "unstable-options", "metadata")]
    [InlineData(false, "--config", "net.offline=true", "build")]
    [InlineData(false, "+stable", "-Z", "unstable-options", "b")]
    [InlineData(false, "test", "--no-run")]
    [InlineData(true, "--manifest-path", "new/Cargo.toml", "update")]
    [InlineData(false, "--version")]
    [InlineData(false)]
    [InlineData(false, "new", "build")]
    [InlineData(false, "--config", "build", "locate-project")]
    [InlineData(false, "-C", "tree", "help", "tree")]
    public void GraphCommandsGetTheLargeBudget(bool expected, params string[] args) =>
        Assert.Equal(expected, CollectionBudget.IsGraphCommand(args));

    [Fact]
    public void BudgetsStayWithinTheirBounds()
    {
        Assert.Equal(96L << 20, CollectionBudget.For(["locate-project"]));
        Assert.InRange(CollectionBudget.For(["generate-lockfile"]), 96L << 20, 1L << 30);
    }
}
