namespace Ferry.Ops.Trees;

/// <summary>What the printer shows of a package besides its id: read from its manifest.</summary>
/// <param name="ProcMacro">Any target is a proc-macro (shown as <c>(proc-macro)</c>).</param>
/// <param name="License">The <c>license</c> field (<c>{l}</c>).</param>
/// <param name="Repository">The <c>repository</c> field (<c>{r}</c>).</param>
/// <param name="LibName">The library's crate name (<c>{lib}</c>), if the package has a library.</param>
internal sealed record TreePackageInfo(bool ProcMacro, string? License, string? Repository, string? LibName);
