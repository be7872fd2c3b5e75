namespace Ferry.Core.Archive;

/// <summary>
/// Numeric tar header fields: NUL/space-terminated octal, or the GNU base-256 form (high bit of
/// the first byte set) used for values too big for the octal digits. Decoding never overflows:
/// anything above <see cref="long.MaxValue"/> or below zero is reported, not wrapped.
/// </summary>
internal static class TarNumber
{
    public static TarNumberStatus TryParse(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.IsEmpty)
        {
            return TarNumberStatus.Malformed;
        }

        if ((field[0] & 0x80) != 0)
        {
            return ParseBase256(field, out value);
        }

        var i = 0;
        while (i < field.Length && field[i] == (byte)' ')
        {
            i++;
        }

        var start = i;
        long result = 0;
        while (i < field.Length && field[i] is >= (byte)'0' and <= (byte)'7')
        {
            if (result > long.MaxValue >> 3)
            {
                return TarNumberStatus.TooLarge;
            }

            result = (result << 3) | (long)(field[i] - (byte)'0');
            i++;
        }

        // An empty field is not zero: tar-rs (and so Cargo) rejects it, and so do we.
        if (i == start)
        {
            return TarNumberStatus.Malformed;
        }

        for (; i < field.Length; i++)
        {
            if (field[i] is not (0 or (byte)' '))
            {
                return TarNumberStatus.Malformed;
            }
        }

        value = result;
        return TarNumberStatus.Ok;
    }

    /// <summary>Writes <paramref name="value"/> as zero-padded octal with a NUL in the last byte, or base-256 if it does not fit.</summary>
    public static void Write(Span<byte> field, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var digits = field.Length - 1;
        if (digits < 21 && value >= 1L << (3 * digits))
        {
            field.Clear();
            field[0] = 0x80;
            var remaining = value;
            for (var i = field.Length - 1; i > 0 && remaining != 0; i--)
            {
                field[i] = (byte)remaining;
                remaining >>= 8;
            }

            if (remaining != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "too large for the tar field");
            }

            return;
        }

        field[^1] = 0;
        var rest = value;
        for (var i = digits - 1; i >= 0; i--)
        {
            field[i] = (byte)('0' + (rest & 7));
            rest >>= 3;
        }
    }

    private static TarNumberStatus ParseBase256(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;

        // The bits after the marker bit are a big-endian two's-complement number: 0x40 set in
        // the first byte means negative, which no size, mode or time in a crate may be.
        if ((field[0] & 0x40) != 0)
        {
            return TarNumberStatus.Negative;
        }

        long result = field[0] & 0x3F;
        foreach (var b in field[1..])
        {
            if (result > long.MaxValue >> 8)
            {
                return TarNumberStatus.TooLarge;
            }

            result = (result << 8) | b;
        }

        value = result;
        return TarNumberStatus.Ok;
    }
}
