namespace Ferry.Build.Units;

/// <summary>Cargo's <c>CrateType</c> predicates, over the crate type names targets carry.</summary>
public static class CrateTypes
{
    /// <summary>Can be linked into a Rust crate with <c>--extern</c>.</summary>
    public static bool IsLinkable(string crateType) => crateType is "lib" or "rlib" or "dylib" or "proc-macro";

    public static bool IsDynamic(string crateType) => crateType is "dylib" or "cdylib" or "proc-macro";

    /// <summary>Needs its dependencies' object code (not just metadata) to be produced.</summary>
    public static bool RequiresUpstreamObjects(string crateType) => crateType is not ("lib" or "rlib");

    public static bool CanLto(string crateType) => crateType is "bin" or "staticlib" or "cdylib";
}
