namespace Ferry.Core.Manifest;

/// <summary>A Rust edition; the numeric values order them (<see cref="Future"/> is the unstable next one).</summary>
public enum Edition
{
    E2015 = 2015,
    E2018 = 2018,
    E2021 = 2021,
    E2024 = 2024,
    Future = int.MaxValue,
}
