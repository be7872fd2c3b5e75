using System.Globalization;

namespace Ferry.Ops;

/// <summary>Cargo's <c>HumanBytes</c> printed with one decimal (<c>{:.1}</c>): f32 arithmetic, binary units, ties to even.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    public static string Human(long value)
    {
        var bytes = (float)value;
        var i = value <= 0 ? 0 : Math.Clamp((int)(MathF.Log2(bytes) / 10f), 0, Units.Length - 1);
        var size = bytes / MathF.Pow(1024f, i);
        if (i == 0)
        {
            return size.ToString(CultureInfo.InvariantCulture) + Units[0];
        }

        return Math.Round((double)size, 1, MidpointRounding.ToEven).ToString("F1", CultureInfo.InvariantCulture) + Units[i];
    }
}
