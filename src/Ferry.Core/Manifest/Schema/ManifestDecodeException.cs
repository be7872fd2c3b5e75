using Ferry.Toml;

namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// A Cargo.toml that is valid TOML but does not fit Cargo's schema. <see cref="Exception.Message"/> is
/// serde's text as Cargo prints it; <see cref="Span"/> is what Cargo underlines.
/// </summary>
public sealed class ManifestDecodeException : Exception
{
    internal ManifestDecodeException(string message, TomlSpan? span, string keyPath, DecodeErrorKind kind)
        : base(message)
    {
        Span = span;
        KeyPath = keyPath;
        Kind = kind;
    }

    public TomlSpan? Span { get; internal set; }

    /// <summary>The dotted keys leading to the offending value (toml-rs prints <c>in `package.version`</c>).</summary>
    public string KeyPath { get; }

    internal DecodeErrorKind Kind { get; }

    /// <summary>toml-rs's <c>Display</c> of the error when the source is not attached: the message, then the key path.</summary>
    public string PlainText => Message + "\n" + (KeyPath.Length > 0 ? "in `" + KeyPath + "`\n" : string.Empty);
}
