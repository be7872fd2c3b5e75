using Ferry.Util.Diagnostics;

namespace Ferry.Core.Manifest.Targets;

/// <summary>
/// The per-target checks Cargo runs while normalizing, with its exact wording. Some fail at once
/// (thrown), some are deferred into the error list (see <see cref="NormalizedTargets.Errors"/>);
/// which is which follows Cargo, including the oddity that binaries' deferred checks skip the
/// deprecated-spelling check they replace.
/// </summary>
internal static class TargetValidation
{
    public static void TargetName(TomlTarget target, string kindHuman, string kind)
    {
        if (target.Name is null)
        {
            throw new FerryException($"{kindHuman} target {kind}.name is required");
        }

        if (string.IsNullOrWhiteSpace(target.Name))
        {
            throw new FerryException($"{kindHuman} target names cannot be empty");
        }

        // Cargo also warns about reserved Windows file names (con, nul, ...), but only when it
        // runs on Windows; Ferry follows the host the same way.
    }

    public static void WindowsReservedName(TomlTarget target, string kindHuman, List<string> warnings)
    {
        if (OperatingSystem.IsWindows() && IsWindowsReserved(target.Name!))
        {
            warnings.Add($"{kindHuman} target `{target.Name}` is a reserved Windows filename, this target will not work on Windows platforms");
        }
    }

    public static void LibName(TomlTarget lib, List<string> warnings)
    {
        TargetName(lib, TargetKinds.LibHuman, TargetKinds.Lib);
        WindowsReservedName(lib, TargetKinds.LibHuman, warnings);
        if (lib.Name!.Contains('-', StringComparison.Ordinal))
        {
            throw new FerryException($"library target names cannot contain hyphens: {lib.Name}");
        }
    }

    public static void BinName(TomlTarget bin, List<string> warnings)
    {
        TargetName(bin, TargetKinds.BinHuman, TargetKinds.Bin);
        WindowsReservedName(bin, TargetKinds.BinHuman, warnings);

        // These would collide with the directories Cargo creates beside binaries in target/<profile>.
        if (bin.Name is "deps" or "examples" or "build" or "incremental")
        {
            throw new FerryException(
                $"the binary target name `{bin.Name}` is forbidden, it conflicts with cargo's build directory names");
        }
    }

    public static void OtherName(TomlTarget target, string kindHuman, string kind, List<string> warnings)
    {
        TargetName(target, kindHuman, kind);
        WindowsReservedName(target, kindHuman, warnings);
    }

    public static void ProcMacroSpelling(TomlTarget target, string kindHuman, int edition, List<string> warnings) =>
        DeprecatedUnderscore(target.ProcMacroUnderscore.HasValue, target.ProcMacro.HasValue, "proc-macro", target.Name!, kindHuman + " target", edition, warnings);

    public static void CrateTypeSpelling(TomlTarget target, string kindHuman, int edition, List<string> warnings) =>
        DeprecatedUnderscore(target.CrateTypeUnderscore.HasValue, target.CrateType.HasValue, "crate-type", target.Name!, kindHuman + " target", edition, warnings);

    /// <summary>Binaries cannot have crate types; an explicit empty list only gets the spelling check.</summary>
    public static void BinCrateTypes(TomlTarget bin, int edition, List<string> warnings, List<string> errors)
    {
        if (bin.CrateTypes is not { } types)
        {
            return;
        }

        if (types.Length > 0)
        {
            errors.Add($"the target `{bin.Name}` is a binary and can't have any crate-types set (currently \"{string.Join(", ", types)}\")");
        }
        else
        {
            CrateTypeSpelling(bin, TargetKinds.BinHuman, edition, warnings);
        }
    }

    public static void BinProcMacro(TomlTarget bin, int edition, List<string> warnings, List<string> errors)
    {
        if (bin.EffectiveProcMacro == true)
        {
            errors.Add($"the target `{bin.Name}` is a binary and can't have `proc-macro` set `true`");
        }
        else
        {
            ProcMacroSpelling(bin, TargetKinds.BinHuman, edition, warnings);
        }
    }

    /// <summary>
    /// <c>found duplicate ... name</c>: targets of one kind need distinct names (their artifacts
    /// share a directory).
    /// </summary>
    public static void UniqueNames(IReadOnlyList<TomlTarget> targets, string kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (!seen.Add(target.Name!))
            {
                throw new FerryException(
                    $"found duplicate {kind} name {target.Name}, but all {kind} targets must have a unique name");
            }
        }
    }

    private static void DeprecatedUnderscore(bool hasOld, bool hasNew, string newKey, string name, string kind, int edition, List<string> warnings)
    {
        if (!hasOld)
        {
            return;
        }

        var oldKey = newKey.Replace('-', '_');
        if (edition >= Editions.E2024)
        {
            throw new FerryException($"`{oldKey}` is unsupported as of the 2024 edition; instead use `{newKey}`\n(in the `{name}` {kind})");
        }

        warnings.Add(hasNew
            ? $"`{oldKey}` is redundant with `{newKey}`, preferring `{newKey}` in the `{name}` {kind}"
            : $"`{oldKey}` is deprecated in favor of `{newKey}` and will not work in the 2024 edition\n(in the `{name}` {kind})");
    }

    private static bool IsWindowsReserved(string name) =>
        name.ToLowerInvariant() is "con" or "prn" or "aux" or "nul"
            or "com1" or "com2" or "com3" or "com4" or "com5" or "com6" or "com7" or "com8" or "com9"
            or "lpt1" or "lpt2" or "lpt3" or "lpt4" or "lpt5" or "lpt6" or "lpt7" or "lpt8" or "lpt9";
}
