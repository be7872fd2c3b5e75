using System.Security.Cryptography;
using System.Text;
using Ferry.Util.Hashing;

namespace Ferry.Tests.Util.Hashing;

public sealed class ShortSha256Tests
{
    // FIPS 180-4 examples (NIST CSVP): "abc", the 448-bit two-block message, and the empty string.
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void MatchesTheStandardsExamples(string message, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(ShortSha256.HashData(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void AgreesWithThePlatformOnEveryLengthAroundTheBlockBoundaries()
    {
        var random = new Random(20261122);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), Convert.ToHexStringLower(ShortSha256.HashData(data)));
        }
    }
}
