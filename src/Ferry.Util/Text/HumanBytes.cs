using System.Globalization;

namespace Ferry.Util.Text;

/// <summary>Cargo's <c>HumanBytes</c> and <c>elapsed</c>: sizes in binary units (<c>1.4MiB</c>) and durations (<c>0.07s</c>, <c>2m 05s</c>).</summary>
public static class HumanBytes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>
    /// <paramref name="bytes"/> in the largest unit that keeps the number at or above 1, with
    /// <paramref name="decimals"/> digits after the point (none for plain bytes), no space before
    /// the unit — what Cargo prints with <c>{:.1}</c>.
    /// </summary>
    public static string Format(long bytes, int decimals = 1)
    {
        // Cargo computes in f32: the unit comes from log2 / 10, the value from a division.
        var value = (float)bytes;
        var index = bytes <= 0 ? 0 : Math.Min((int)(MathF.Log2(value) / 10f), Units.Length - 1);
        var size = value / MathF.Pow(1024f, index);
        if (index == 0)
        {
            return size.ToString("0.#########", CultureInfo.InvariantCulture) + Units[0];
        }

        return size.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + Units[index];
    }

    /// <summary>Cargo's <c>util::elapsed</c>: <c>S.CCs</c> under a minute, else <c>Mm SSs</c>.</summary>
    public static string Elapsed(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds >= 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s");
        }

        var centis = (duration.Ticks % TimeSpan.TicksPerSecond) / (TimeSpan.TicksPerMillisecond * 10);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{centis:00}s");
    }
}
