namespace Ferry.Toml;

public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    DateTime,
    Array,
    Table,
    ArrayOfTables,
}
