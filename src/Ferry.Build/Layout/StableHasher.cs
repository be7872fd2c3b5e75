using System.Buffers;
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
/// The input is gathered in memory and hashed once by <see cref="Finish"/>: a build computes
/// about a thousand of these, and feeding SHA-256 piecewise costs a native call per value.
/// </summary>
internal sealed class StableHasher
{
    private readonly ArrayBufferWriter<byte> _input = new(256);

    public StableHasher Add(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = _input.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        Encoding.UTF8.GetBytes(value, span[4..]);
        _input.Advance(4 + length);
        return this;
    }

    public StableHasher Add(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_input.GetSpan(8), value);
        _input.Advance(8);
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
        SHA256.HashData(_input.WrittenSpan, digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    public static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);
}
