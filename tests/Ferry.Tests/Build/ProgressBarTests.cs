using Ferry.Build.Execution;

namespace Ferry.Tests.Build;

public sealed class ProgressBarTests
{
    [Fact]
    public void RendersCargosRatioBar()
    {
        // 50 columns at most for the bar: 28 cells, 30% of them filled; the line is padded to the width less the status.
        Assert.Equal(("[=======>" + new string(' ', 20) + "] 3/10: serde, tokio").PadRight(65), ProgressBar.Render(3, 10, ": serde, tokio", 80));
        Assert.Equal("[===========================] 10/10", ProgressBar.Render(10, 10, string.Empty, 50)!.TrimEnd());
    }

    [Fact]
    public void TruncatesLongMessages()
    {
        var line = ProgressBar.Render(1, 2, ": " + new string('x', 200), 60)!;
        Assert.Equal(45, line.Length);
        Assert.EndsWith("...", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsElapsedTimeLikeCargo()
    {
        Assert.Equal("0.70s", BuildRunner.Elapsed(TimeSpan.FromMilliseconds(705)));
        Assert.Equal("59.99s", BuildRunner.Elapsed(TimeSpan.FromMilliseconds(59999)));
        Assert.Equal("1m 05s", BuildRunner.Elapsed(TimeSpan.FromSeconds(65)));
    }
}
