namespace Ferry.Toml;

/// <summary>How a table came to exist in the document.</summary>
public enum TomlTableKind
{
    /// <summary>The document's top-level table.</summary>
    Root,

    /// <summary>Defined by a <c>[header]</c>.</summary>
    Header,

    /// <summary>One element of an array of tables, defined by a <c>[[header]]</c>.</summary>
    ArrayElement,

    /// <summary>An inline table value <c>{ ... }</c>.</summary>
    Inline,

    /// <summary>Only implied by a longer header such as <c>[a.b]</c> (for <c>a</c>); never defined itself.</summary>
    Implicit,

    /// <summary>Created by a dotted key such as <c>a.b = 1</c> (for <c>a</c>).</summary>
    Dotted,
}
