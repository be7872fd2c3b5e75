namespace Ferry.Tests.Core.Archive;

/// <summary>
/// Builds a gzip bomb on the fly: a stored deflate block with a real tar prefix, then one
/// dynamic-Huffman block whose code gives "length 258, distance 1" a 1-bit code and distance 0 a
/// 1-bit code, so every 258 zero bytes of output cost 2 bits (about 1:1000; 10 GiB → ~10 MB).
/// The body of that block is literally zero bytes, which makes it cheap to generate. The gzip
/// trailer is left zero: a reader must stop long before it could check it.
/// </summary>
internal static class GzipBomb
{
    public static byte[] Build(byte[] prefix, long zeroCount)
    {
        var writer = new BitWriter();

        // Stored block (BFINAL=0, BTYPE=00) carrying the prefix; at most 65535 bytes.
        writer.Bits(0, 1);
        writer.Bits(0, 2);
        writer.Align();
        writer.Byte((byte)prefix.Length);
        writer.Byte((byte)(prefix.Length >> 8));
        writer.Byte((byte)~prefix.Length);
        writer.Byte((byte)(~prefix.Length >> 8));
        foreach (var b in prefix)
        {
            writer.Byte(b);
        }

        // Dynamic block, final. 286 literal/length codes, 2 distance codes, 18 code-length codes.
        writer.Bits(1, 1);
        writer.Bits(2, 2);
        writer.Bits(286 - 257, 5);
        writer.Bits(2 - 1, 5);
        writer.Bits(18 - 4, 4);
        int[] order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
        var codeLengthLengths = new int[19];
        codeLengthLengths[18] = 1; // "repeat zero 11-138 times" -> 0
        codeLengthLengths[1] = 2; //  length 1 -> 10
        codeLengthLengths[2] = 2; //  length 2 -> 11
        for (var i = 0; i < 18; i++)
        {
            writer.Bits(codeLengthLengths[order[i]], 3);
        }

        // Literal/length lengths: 0 -> 2, 1..255 -> 0, 256 -> 2, 257..284 -> 0, 285 -> 1;
        // distance lengths: 0 -> 1, 1 -> 1.
        writer.Code(0b11, 2);
        RepeatZero(writer, 138);
        RepeatZero(writer, 117);
        writer.Code(0b11, 2);
        RepeatZero(writer, 28);
        writer.Code(0b10, 2);
        writer.Code(0b10, 2);
        writer.Code(0b10, 2);

        // Canonical codes: 285 -> "0", 0 -> "10", 256 -> "11"; distance 0 -> "0".
        var remaining = zeroCount - 1;
        writer.Code(0b10, 2); // one literal zero for the matches to copy
        var bits = remaining / 258 * 2;
        while (bits > 0 && writer.PendingBits != 0)
        {
            writer.Bits(0, 1);
            bits--;
        }

        writer.ZeroBytes(bits / 8);
        writer.Bits(0, (int)(bits % 8));
        for (var i = 0L; i < remaining % 258; i++)
        {
            writer.Code(0b10, 2);
        }

        writer.Code(0b11, 2); // end of block
        writer.Align();

        var output = new MemoryStream();
        output.Write([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 0xFF]);
        writer.CopyTo(output);
        output.Write(new byte[8]);
        return output.ToArray();
    }

    private static void RepeatZero(BitWriter writer, int count)
    {
        writer.Code(0, 1);
        writer.Bits(count - 11, 7);
    }

    private sealed class BitWriter
    {
        private readonly MemoryStream _output = new();
        private int _accumulator;

        public int PendingBits { get; private set; }

        public void Bits(int value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                _accumulator |= ((value >> i) & 1) << PendingBits;
                if (++PendingBits == 8)
                {
                    _output.WriteByte((byte)_accumulator);
                    _accumulator = 0;
                    PendingBits = 0;
                }
            }
        }

        /// <summary>Huffman codes are packed most-significant bit first.</summary>
        public void Code(int code, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                Bits((code >> i) & 1, 1);
            }
        }

        public void Align()
        {
            if (PendingBits > 0)
            {
                _output.WriteByte((byte)_accumulator);
                _accumulator = 0;
                PendingBits = 0;
            }
        }

        public void Byte(byte value) => _output.WriteByte(value);

        public void ZeroBytes(long count)
        {
            var zeros = new byte[64 * 1024];
            while (count > 0)
            {
                var chunk = (int)Math.Min(count, zeros.Length);
                _output.Write(zeros, 0, chunk);
                count -= chunk;
            }
        }

        public void CopyTo(Stream destination) => _output.WriteTo(destination);
    }
}
