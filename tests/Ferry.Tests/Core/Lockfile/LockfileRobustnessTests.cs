using Ferry.Core.Lockfile;
using Ferry.Util.Diagnostics;
using Xunit.Abstractions;

namespace Ferry.Tests.Core.Lockfile;

/// <summary>
/// Truncated and corrupted lockfiles fail with a lockfile error, never with another exception type:
/// real files cut at many points, and bytes overwritten with characters that matter to TOML and to
/// the lockfile grammar (quotes, brackets, spaces, parentheses, <c>+</c>, <c>#</c>, newlines).
/// </summary>
public sealed class LockfileRobustnessTests(ITestOutputHelper output)
{
    private static readonly string[] Files =
    [
        "conformance/lockfiles/ripgrep-history/2017-10-21-v1-root/Cargo.lock",
        "conformance/lockfiles/ripgrep-history/2020-05-29-v1/Cargo.lock",
        "conformance/lockfiles/ripgrep-history/2020-11-02-v2/Cargo.lock",
        "conformance/lockfiles/cargo-bench-workspaces/gecko-dev/Cargo.lock",
        "conformance/lockfiles/ripgrep/Cargo.lock",
    ];

    [Fact]
    public void TruncatedAndCorruptedFilesOnlyFailWithLockfileErrors()
    {
        var random = new Random(20240611);
        const string Specials = "\"'[]{}()=+# ,.\n\\\r\t@?&%";
        var runs = 0;
        var errors = 0;
        var leaks = new List<string>();
        foreach (var relative in Files)
        {
            var text = File.ReadAllText(Path.Combine(LockfileTestData.ConformanceRoot, "..", relative));
            var inputs = new List<string>();
            var step = Math.Max(1, text.Length / 400);
            for (var cut = 0; cut < text.Length; cut += step)
            {
                inputs.Add(text[..cut]);
            }

            for (var i = 0; i < 600; i++)
            {
                var chars = text.ToCharArray();
                for (var j = 0; j < 1 + random.Next(3); j++)
                {
                    chars[random.Next(chars.Length)] = Specials[random.Next(Specials.Length)];
                }

                inputs.Add(new string(chars));
            }

            foreach (var input in inputs)
            {
                runs++;
                try
                {
                    var lockfile = CargoLock.Parse(input, "Cargo.lock");
                    var resolve = CargoLock.ToResolve(lockfile, input, LockfileContext.Standalone(lockfile), "Cargo.lock");
                    CargoLock.Encode(resolve, input);
                    CargoLock.Encode(lockfile, resolve.Version);
                }
                catch (FerryException)
                {
                    errors++;
                }
                catch (Exception e)
                {
                    leaks.Add($"{relative}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }
        }

        output.WriteLine($"{runs} damaged inputs, {errors} rejected with a lockfile error, {leaks.Count} other exceptions");
        Assert.Empty(leaks.Take(5));
    }
}
