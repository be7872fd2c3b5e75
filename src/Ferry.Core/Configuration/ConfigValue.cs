namespace Ferry.Core.Configuration;

/// <summary>
/// A configuration value with its <see cref="Definition"/> (Cargo's <c>ConfigValue</c>). Config
/// files only hold the five kinds Cargo supports: strings, integers, booleans, arrays and tables;
/// floats and datetimes are rejected when a file is loaded.
/// </summary>
public abstract record ConfigValue(Definition Definition)
{
    /// <summary>Cargo's <c>desc()</c>: the type name used in merge and type errors.</summary>
    public abstract string Description { get; }
}
