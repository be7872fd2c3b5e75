using Ferry.Core.Manifest;
using Ferry.Ops.Scaffold;

namespace Ferry.Tests.Ops.Scaffold;

/// <summary>cargo-util-schemas' name grammar and Cargo's lists of special names.</summary>
public sealed class PackageNameRulesTests
{
    [Theory]
    [InlineData("foo", null)]
    [InlineData("foo-bar_baz9", null)]
    [InlineData("_x", null)]
    [InlineData("ééé", null)]
    [InlineData("a::b", null)]
    [InlineData("", "package name cannot be empty")]
    [InlineData("a::", "package name cannot be empty")]
    [InlineData("1foo", "invalid character `1` in package name: `1foo`, the name cannot start with a digit")]
    [InlineData("-a", "invalid character `-` in package name: `-a`, the first character must be a Unicode XID start character (most letters or `_`)")]
    [InlineData("fo.o", "invalid character `.` in package name: `fo.o`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)")]
    [InlineData("a b", "invalid character ` ` in package name: `a b`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)")]
    public void PackageNames(string name, string? error) => Assert.Equal(error, NameValidation.PackageNameError(name));

    [Fact]
    public void RegistryNamesUseTheirOwnNoun() =>
        Assert.Equal("invalid character `.` in registry name: `a.b`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)", NameValidation.RegistryNameError("a.b"));

    [Fact]
    public void SpecialNames()
    {
        Assert.True(PackageNameRules.IsKeyword("fn"));
        Assert.True(PackageNameRules.IsKeyword("Self"));
        Assert.False(PackageNameRules.IsKeyword("self_"));
        Assert.True(PackageNameRules.IsWindowsReserved("CON"));
        Assert.True(PackageNameRules.IsWindowsReserved("lpt9"));
        Assert.False(PackageNameRules.IsWindowsReserved("console"));
        Assert.True(PackageNameRules.IsConflictingArtifactName("incremental"));
        Assert.True(PackageNameRules.IsStandardLibraryName("proc-macro"));
        Assert.True(PackageNameRules.IsNonAscii("né"));
        Assert.True(PackageNameRules.IsValidCrateName("-a"));
        Assert.False(PackageNameRules.IsValidCrateName("a.b"));
    }
}
