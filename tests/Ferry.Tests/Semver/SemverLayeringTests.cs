namespace Ferry.Tests.Semver;

public sealed class SemverLayeringTests
{
    [Fact]
    public void SemverIsALeafThatReferencesNothingOfOurs()
    {
        var references = typeof(Ferry.Semver.Version).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, name => name.StartsWith("Ferry.", StringComparison.Ordinal));
    }
}
