namespace Ferry.Core.Configuration;

/// <summary>
/// Rust's <c>str::parse</c> for the types configuration values are read as from environment
/// variables, with the standard library's error texts (Cargo shows them verbatim).
/// </summary>
internal static class RustParse
{
    public static bool TryInt64(string text, out long value, out string? error)
    {
        value = 0;
        error = null;
        if (text.Length == 0)
        {
            error = "cannot parse integer from empty string";
            return false;
        }

        var negative = false;
        var start = 0;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            start = 1;
            if (text.Length == 1)
            {
                error = "invalid digit found in string";
                return false;
            }
        }

        long result = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                error = "invalid digit found in string";
                return false;
            }

            var digit = c - '0';
            if (negative)
            {
                if (result < (long.MinValue + digit) / 10)
                {
                    error = "number too small to fit in target type";
                    return false;
                }

                result = (result * 10) - digit;
            }
            else
            {
                if (result > (long.MaxValue - digit) / 10)
                {
                    error = "number too large to fit in target type";
                    return false;
                }

                result = (result * 10) + digit;
            }
        }

        value = result;
        return true;
    }

    public static bool TryBool(string text, out bool value, out string? error)
    {
        error = null;
        switch (text)
        {
            case "true":
                value = true;
                return true;
            case "false":
                value = false;
                return true;
            default:
                value = false;
                error = "provided string was not `true` or `false`";
                return false;
        }
    }

    /// <summary>Rust's <c>split_whitespace</c>: Unicode whitespace, empty pieces dropped.</summary>
    public static string[] SplitWhitespace(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
