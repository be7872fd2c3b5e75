using System.Text;
using Ferry.Ops;
using Ferry.Ops.Scaffold;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Ops.Scaffold;

/// <summary>The ignore files <c>new</c>/<c>init</c> write or extend, per VCS.</summary>
public sealed class IgnoreListTests
{
    [Theory]
    [InlineData(VersionControl.Git, "/target\n")]
    [InlineData(VersionControl.Pijul, "/target\n")]
    [InlineData(VersionControl.Hg, "^target$\n")]
    [InlineData(VersionControl.Fossil, "target\n")]
    public void NewFiles(VersionControl vcs, string expected) => Assert.Equal(expected, IgnoreList.Default().FormatNew(vcs));

    [Fact]
    public void ExistingFileGetsACommentedSection()
    {
        Assert.Equal("\n\n# Added by cargo\n\n/target\n", IgnoreList.Default().FormatExisting(Encoding.UTF8.GetBytes("foo"), VersionControl.Git));
    }

    [Fact]
    public void EntriesAlreadyPresentAreCommentedOut()
    {
        Assert.Equal(
            "\n\n# Added by cargo\n#\n# already existing elements were commented out\n\n#/target\n",
            IgnoreList.Default().FormatExisting(Encoding.UTF8.GetBytes("foo\r\n/target\r\n"), VersionControl.Git));
    }

    [Fact]
    public void AFinalCarriageReturnWithoutNewlineIsPartOfTheLine()
    {
        Assert.Equal("\n\n# Added by cargo\n\n/target\n", IgnoreList.Default().FormatExisting(Encoding.UTF8.GetBytes("/target\r"), VersionControl.Git));
    }

    [Fact]
    public void FossilSkipsPresentEntriesWithoutComments()
    {
        Assert.Equal(string.Empty, IgnoreList.Default().FormatExisting(Encoding.UTF8.GetBytes("target\nfoo\n"), VersionControl.Fossil));
        Assert.Equal("target\n", IgnoreList.Default().FormatExisting(Encoding.UTF8.GetBytes("foo\n"), VersionControl.Fossil));
    }

    [Fact]
    public void InvalidUtf8IsReportedWithItsLine()
    {
        var error = Assert.Throws<FerryException>(() => IgnoreList.Default().FormatExisting([(byte)'a', (byte)'\n', 0xff, (byte)'\n'], VersionControl.Git));
        Assert.Equal("Character at line 1 is invalid. Cargo only supports UTF-8.", error.Message);
    }
}
