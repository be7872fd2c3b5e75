namespace Ferry.Tests.Platform;

public sealed class PlatformLayeringTests
{
    [Fact]
    public void PlatformIsALeafThatReferencesNothingOfOurs()
    {
        var references = typeof(Ferry.Platform.Platform).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, name => name.StartsWith("Ferry.", StringComparison.Ordinal));
    }
}
