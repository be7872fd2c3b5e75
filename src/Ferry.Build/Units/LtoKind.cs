namespace Ferry.Build.Units;

public enum LtoKind
{
    /// <summary>This unit performs LTO (<c>-C lto</c>).</summary>
    Run,

    /// <summary><c>-C lto=off</c>.</summary>
    Off,

    /// <summary>Only bitcode is needed (<c>-C linker-plugin-lto</c>).</summary>
    OnlyBitcode,

    /// <summary>Both object code and bitcode (rustc's default).</summary>
    ObjectAndBitcode,

    /// <summary>Only object code (<c>-C embed-bitcode=no</c>).</summary>
    OnlyObject,
}
