using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ferry.Build.Layout;

/// <summary>
/// A hash that stays the same across runs and machines for the same inputs (Cargo's
/// <c>StableHasher</c> role): every value is written length-prefixed so that different sequences never
/// collide by concatenation. The 64-bit result is printed as 16 hex digits, the shape of Cargo's
/// <c>-C metadata</c> values and file name suffixes (the values themselves are Ferry's own).
/// </summary>
internal sealed class StableHasher
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public StableHasher Add(string value)
    {
        Span<byte> length = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(bytes);
        return this;
    }

    public StableHasher Add(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        _hash.AppendData(bytes);
        return this;
    }

    public StableHasher Add(bool value) => Add(value ? 1UL : 0UL);

    public StableHasher AddAll(IEnumerable<string> values)
    {
        var count = 0UL;
        foreach (var value in values)
        {
            Add(value);
            count++;
        }

        return Add(count);
    }

    public ulong Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetCurrentHash(digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    public static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);
}
