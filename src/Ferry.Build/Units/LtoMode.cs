namespace Ferry.Build.Units;

/// <summary>How one unit takes part in LTO (Cargo's <c>compiler::lto::Lto</c>); <see cref="Named"/> is set for <see cref="LtoKind.Run"/> with a mode.</summary>
public readonly record struct LtoMode(LtoKind Kind, string? Named = null);
