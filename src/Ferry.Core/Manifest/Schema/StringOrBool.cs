namespace Ferry.Core.Manifest.Schema;

/// <summary>A value that is either a string or a boolean (<c>readme</c>, <c>lto</c>, <c>strip</c>).</summary>
public sealed record StringOrBool(string? String, bool Bool)
{
    public bool IsString => String is not null;

    public static StringOrBool Of(string value) => new(value, false);

    public static StringOrBool Of(bool value) => new(null, value);

    public override string ToString() => String ?? (Bool ? "true" : "false");
}
