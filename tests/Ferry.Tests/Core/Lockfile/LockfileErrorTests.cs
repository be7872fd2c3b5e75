using Ferry.Cli.Shell;
using Ferry.Core.Lockfile;
using Ferry.Util.Diagnostics;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// Broken and unusual lockfiles give exactly Cargo's error (the whole rendered output, as
/// <c>ferry</c> would print it), and the unusual ones Cargo accepts are accepted. The expected
/// texts were recorded from Cargo 1.95 (<c>Data/lockfile-error-cases.json</c>);
/// <see cref="CargoStillAgrees"/> re-runs the installed Cargo on every case.
/// </summary>
public sealed class LockfileErrorTests
{
    [Theory]
    [MemberData(nameof(LockfileErrorCase.Names), MemberType = typeof(LockfileErrorCase))]
    public void MatchesRecordedCargoOutput(string name)
    {
        var @case = LockfileErrorCase.Get(name);
        using var workspace = new LockfileWorkspace();
        Assert.Equal(@case.Stderr, RunFerry(workspace, @case));
    }

    [Fact]
    public void CargoStillAgrees()
    {
        using var workspace = new LockfileWorkspace();
        var differences = new List<string>();
        foreach (var @case in LockfileErrorCase.All)
        {
            File.WriteAllBytes(workspace.LockPath, @case.Input);
            var cargo = LockfileCargo.Run(workspace.Root, workspace.CargoHome, "metadata", "--offline", "--format-version", "1");
            var expected = cargo.ExitCode == 0 ? string.Empty : cargo.Stderr.Replace(workspace.Root, "[ROOT]", StringComparison.Ordinal);
            var ferry = RunFerry(workspace, @case);
            if (expected != ferry)
            {
                differences.Add($"{@case.Name}:\n--- cargo\n{expected}--- ferry\n{ferry}");
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void CoversTheRequiredKindsOfBadInput()
    {
        var errors = LockfileErrorCase.All.Count(c => c.Exit != 0);
        Assert.True(errors >= 12, $"only {errors} failing cases");
    }

    /// <summary>Reads the case with Ferry and renders any error the way the CLI prints it ("" when accepted).</summary>
    private static string RunFerry(LockfileWorkspace workspace, LockfileErrorCase @case)
    {
        File.WriteAllBytes(workspace.LockPath, @case.Input);
        try
        {
            CargoLock.Load(workspace.LockPath, workspace.Context);
            return string.Empty;
        }
        catch (FerryException e)
        {
            var shell = new TerminalShell(TextWriter.Null, TextWriter.Null, colorStderr: false, Verbosity.Normal);
            var rendered = ErrorRenderer.Render(e, shell).Replace(workspace.Root, "[ROOT]", StringComparison.Ordinal);
            return StripLikeCargoStream(rendered);
        }
    }

    /// <summary>
    /// Cargo's uncoloured stderr (anstream) drops escape sequences and other control characters from
    /// what it prints, e.g. the raw <c>\x01</c> of a TOML source line; the lockfile layer keeps the
    /// text intact and leaves that to the terminal layer, so the comparison does it here.
    /// </summary>
    private static string StripLikeCargoStream(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\x1b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                i += 2;
                while (i < text.Length && !(text[i] >= '@' && text[i] <= '~'))
                {
                    i++;
                }

                continue;
            }

            if (c is '\n' or '\t' || !(c < 0x20 || c == 0x7f))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
