using System.Collections.Immutable;

namespace Ferry.Platform;

/// <summary>
/// Parses the output of <c>rustc --print=cfg</c> (one cfg value per line: <c>unix</c>,
/// <c>target_os="linux"</c>, ...). The caller runs rustc; this only reads text. Like cargo's
/// <c>TargetInfo</c>, a <c>proc_macro</c> line is dropped (it is user-specific, not a target property),
/// while <c>debug_assertions</c> is kept for compatibility with cargo.
/// </summary>
public static class RustcPrintCfg
{
    public static ImmutableArray<Cfg> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cfgs = ImmutableArray.CreateBuilder<Cfg>();
        var start = 0;
        while (start < output.Length)
        {
            var newline = output.IndexOf('\n', start);
            var end = newline < 0 ? output.Length : newline;
            var lineEnd = newline >= 0 && end > start && output[end - 1] == '\r' ? end - 1 : end;
            var line = output[start..lineEnd];
            Cfg cfg;
            try
            {
                cfg = CfgParser.ParseCfg(line, output, start);
            }
            catch (CfgParseException ex)
            {
                // Cargo's context line, with the line's own error as the cause.
                throw new CfgParseException(
                    $"failed to parse the cfg from `rustc --print=cfg`, got:\n{output}", output, ex.Position, CfgErrorKind.RustcOutput, ex);
            }

            if (cfg.IsKeyPair || cfg.Name != "proc_macro")
            {
                cfgs.Add(cfg);
            }

            start = end + 1;
        }

        return cfgs.ToImmutable();
    }
}
