namespace Ferry.Core.Manifest.Schema;

/// <summary>
/// What failed, which decides how an untagged value (serde's <c>untagged</c> enums) re-wraps the error:
/// each such layer renders the inner error to text, adding line breaks, so Cargo's messages grow blank
/// lines depending on where the error started.
/// </summary>
internal enum DecodeErrorKind
{
    /// <summary>A value of the wrong type, or out of range (<c>invalid type: ...</c>, <c>invalid value: ...</c>).</summary>
    Type,

    /// <summary>A message from a validating type (a bad name, <c>`workspace` cannot be false</c>).</summary>
    Custom,

    /// <summary>A wrong type inside a list (<c>features = [1]</c>).</summary>
    SequenceElement,

    /// <summary>An unknown name for an enumeration (<c>unknown variant `x`</c>).</summary>
    Variant,

    /// <summary>A required key is absent (<c>missing field `level`</c>): never re-wrapped.</summary>
    Missing,

    /// <summary>Already wrapped by an inner untagged value: passed through unchanged.</summary>
    Wrapped,
}
