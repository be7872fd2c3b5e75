namespace Ferry.Core.Archive;

/// <summary>
/// CRC-32 (ISO-HDLC, the gzip trailer's checksum), slicing-by-8. .NET's GZipStream checks the
/// trailer only when it reaches it and silently reports end-of-stream on truncated input, so the
/// reader computes the CRC itself and compares it with the trailer at the end of the file; the
/// writer uses it to emit its own deterministic gzip framing.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table.AsSpan();
        crc = ~crc;
        while (data.Length >= 8)
        {
            var one = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[(7 * 256) + (int)(one & 0xFF)]
                ^ table[(6 * 256) + (int)((one >> 8) & 0xFF)]
                ^ table[(5 * 256) + (int)((one >> 16) & 0xFF)]
                ^ table[(4 * 256) + (int)(one >> 24)]
                ^ table[(3 * 256) + (int)(two & 0xFF)]
                ^ table[(2 * 256) + (int)((two >> 8) & 0xFF)]
                ^ table[256 + (int)((two >> 16) & 0xFF)]
                ^ table[(int)(two >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
