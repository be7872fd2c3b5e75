namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// A <c>[package]</c> value that may be written out or inherited with <c>{ workspace = true }</c>
/// (cargo's <c>InheritableField</c>). <see cref="Value"/> is meaningful only when <see cref="IsInherited"/> is false.
/// </summary>
public sealed record Inheritable<T>(bool IsInherited, T Value)
{
    public static Inheritable<T> Of(T value) => new(false, value);

    public static Inheritable<T> Inherit() => new(true, default!);
}
