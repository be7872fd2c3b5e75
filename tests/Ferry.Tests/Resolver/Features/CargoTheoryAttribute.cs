using Ferry.Tests.Core.Archive;

namespace Ferry.Tests.Resolver.Features;

/// <summary>A theory that uses the real Cargo as an oracle; skipped on machines without a Rust toolchain.</summary>
public sealed class CargoTheoryAttribute : TheoryAttribute
{
    public CargoTheoryAttribute()
    {
        try
        {
            _ = CargoFactAttribute.Cargo;
        }
        catch (InvalidOperationException)
        {
            Skip = "no Rust toolchain (rustc under ~/.cargo/bin) on this machine";
        }
    }
}
