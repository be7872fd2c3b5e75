using Ferry.Core.Manifest;

namespace Ferry.Tests.Core.Manifest;

public sealed class NameValidationTests
{
    // cargo 1.95 accepts these (`cargo metadata --no-deps` on a package named so): XID_Continue
    // includes Other_ID_Continue characters such as the middle dot.
    [Theory]
    [InlineData("a\u00b7b")]
    [InlineData("a\u0387b")]
    [InlineData("a\u30fbb")]
    [InlineData("foo-bar_1")]
    public void AcceptsXidContinueCharacters(string name) => Assert.Null(NameValidation.PackageNameError(name));

    [Theory]
    [InlineData("a.b", "invalid character `.` in package name: `a.b`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)")]
    [InlineData("1a", "invalid character `1` in package name: `1a`, the name cannot start with a digit")]
    [InlineData("\u00b7a", "invalid character `\u00b7` in package name: `\u00b7a`, the first character must be a Unicode XID start character (most letters or `_`)")]
    public void RejectsWithCargosMessage(string name, string message) => Assert.Equal(message, NameValidation.PackageNameError(name));
}
