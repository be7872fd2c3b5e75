namespace Ferry.Core.Configuration;

/// <summary>The Rust integer type a key is declared with in Cargo, which bounds its accepted range.</summary>
internal enum IntegerKind
{
    I32,
    I64,
    U32,
    U64,
    Usize,
}
