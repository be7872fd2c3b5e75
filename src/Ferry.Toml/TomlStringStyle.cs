namespace Ferry.Toml;

public enum TomlStringStyle
{
    Basic,
    Literal,
    MultiLineBasic,
    MultiLineLiteral,
}
