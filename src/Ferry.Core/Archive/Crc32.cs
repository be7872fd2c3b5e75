using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ferry.Core.Archive;

/// <summary>
/// CRC-32 (ISO-HDLC, the gzip trailer's checksum): PCLMULQDQ folding on x86, slicing-by-8 elsewhere. .NET's GZipStream checks the
/// trailer only when it reaches it and silently reports end-of-stream on truncated input, so the
/// reader computes the CRC itself and compares it with the trailer at the end of the file; the
/// writer uses it to emit its own deterministic gzip framing.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (data.Length >= 128 && Pclmulqdq.IsSupported && Sse41.IsSupported)
        {
            return AppendFolding(crc, data);
        }

        return AppendTable(crc, data);
    }

    /// <summary>The portable path: slicing-by-8 tables.</summary>
    internal static uint AppendTable(uint crc, ReadOnlySpan<byte> data)
    {
        // Table lookups through refs rather than span indexers: the indices are all masked to a
        // byte, so the bounds checks the JIT cannot remove are pure cost (about 8x here).
        ref var table = ref MemoryMarshal.GetArrayDataReference(Table);
        ref var input = ref MemoryMarshal.GetReference(data);
        var length = data.Length;
        var offset = 0;
        crc = ~crc;
        for (; length - offset >= 8; offset += 8)
        {
            var one = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref input, offset));
            var two = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref input, offset + 4));
            if (!BitConverter.IsLittleEndian)
            {
                one = BinaryPrimitives.ReverseEndianness(one);
                two = BinaryPrimitives.ReverseEndianness(two);
            }

            one ^= crc;
            crc = Unsafe.Add(ref table, (7 * 256) + (int)(one & 0xFF))
                ^ Unsafe.Add(ref table, (6 * 256) + (int)((one >> 8) & 0xFF))
                ^ Unsafe.Add(ref table, (5 * 256) + (int)((one >> 16) & 0xFF))
                ^ Unsafe.Add(ref table, (4 * 256) + (int)(one >> 24))
                ^ Unsafe.Add(ref table, (3 * 256) + (int)(two & 0xFF))
                ^ Unsafe.Add(ref table, (2 * 256) + (int)((two >> 8) & 0xFF))
                ^ Unsafe.Add(ref table, 256 + (int)((two >> 16) & 0xFF))
                ^ Unsafe.Add(ref table, (int)(two >> 24));
        }

        for (; offset < length; offset++)
        {
            crc = Unsafe.Add(ref table, (int)((crc ^ Unsafe.Add(ref input, offset)) & 0xFF)) ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>
    /// Carry-less multiplication folding (Intel's "Fast CRC Computation Using PCLMULQDQ", the
    /// constants crc32fast and zlib-ng use for the reflected gzip polynomial): four 128-bit lanes
    /// folded 64 bytes at a time, then reduced to 32 bits with a Barrett reduction. The table
    /// path would otherwise cost about as much as inflating the data.
    /// </summary>
    internal static uint AppendFolding(uint crc, ReadOnlySpan<byte> data)
    {
        const ulong K1 = 0x1_5444_2bd4;
        const ulong K2 = 0x1_c6e4_1596;
        const ulong K3 = 0x1_7519_97d0;
        const ulong K4 = 0x0_ccaa_009e;
        const ulong K5 = 0x1_63cd_6124;
        const ulong Polynomial = 0x1_db71_0641;
        const ulong Mu = 0x1_f701_1641;

        ref var input = ref MemoryMarshal.GetReference(data);
        var offset = 0;
        var x3 = Load(ref input, ref offset);
        var x2 = Load(ref input, ref offset);
        var x1 = Load(ref input, ref offset);
        var x0 = Load(ref input, ref offset);
        x3 = Sse2.Xor(x3, Vector128.CreateScalar(~crc).AsUInt64());

        var k1k2 = Vector128.Create(K1, K2);
        while (data.Length - offset >= 64)
        {
            x3 = Fold(x3, Load(ref input, ref offset), k1k2);
            x2 = Fold(x2, Load(ref input, ref offset), k1k2);
            x1 = Fold(x1, Load(ref input, ref offset), k1k2);
            x0 = Fold(x0, Load(ref input, ref offset), k1k2);
        }

        var k3k4 = Vector128.Create(K3, K4);
        var x = Fold(x3, x2, k3k4);
        x = Fold(x, x1, k3k4);
        x = Fold(x, x0, k3k4);
        while (data.Length - offset >= 16)
        {
            x = Fold(x, Load(ref input, ref offset), k3k4);
        }

        var low32 = Vector128.Create(uint.MaxValue, 0, 0, 0).AsUInt64();
        x = Sse2.Xor(Pclmulqdq.CarrylessMultiply(x, k3k4, 0x10), Sse2.ShiftRightLogical128BitLane(x, 8));
        x = Sse2.Xor(
            Pclmulqdq.CarrylessMultiply(Sse2.And(x, low32), Vector128.Create(K5, 0UL), 0x00),
            Sse2.ShiftRightLogical128BitLane(x, 4));

        var polynomialMu = Vector128.Create(Polynomial, Mu);
        var t1 = Pclmulqdq.CarrylessMultiply(Sse2.And(x, low32), polynomialMu, 0x10);
        var t2 = Pclmulqdq.CarrylessMultiply(Sse2.And(t1, low32), polynomialMu, 0x00);
        var state = Sse2.Xor(x, t2).AsUInt32().GetElement(1);
        return AppendTable(~state, data[offset..]);

        static Vector128<ulong> Load(ref byte input, ref int offset)
        {
            var value = Vector128.LoadUnsafe(ref input, (nuint)offset).AsUInt64();
            offset += 16;
            return value;
        }

        static Vector128<ulong> Fold(Vector128<ulong> a, Vector128<ulong> b, Vector128<ulong> keys) =>
            Sse2.Xor(Sse2.Xor(b, Pclmulqdq.CarrylessMultiply(a, keys, 0x00)), Pclmulqdq.CarrylessMultiply(a, keys, 0x11));
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
