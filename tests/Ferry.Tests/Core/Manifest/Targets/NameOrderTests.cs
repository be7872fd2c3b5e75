using Ferry.Core.Manifest.Targets;

namespace Ferry.Tests.Core.Manifest.Targets;

public sealed class NameOrderTests
{
    [Fact]
    public void MissingNamesFirstThenUtf8ByteOrder()
    {
        TomlTarget[] targets =
        [
            new() { Name = "b" }, new() { Name = "\uFF21" }, new() { Name = "\U0001F600" }, new(), new() { Name = "B" }, new() { Name = "_" },
        ];
        var sorted = targets.Order(NameOrder.Instance).Select(t => t.Name).ToArray();
        Assert.Equal(new string?[] { null, "B", "_", "b", "\uFF21", "\U0001F600" }, sorted);
    }
}
