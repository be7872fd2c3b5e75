namespace Ferry.Tests.Sources.Support;

/// <summary>Which cache validator the test registry sends with index files.</summary>
public enum Validator
{
    ETag,
    LastModified,
    None,
}
