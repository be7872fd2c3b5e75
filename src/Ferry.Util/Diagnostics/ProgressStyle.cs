namespace Ferry.Util.Diagnostics;

/// <summary>How a <see cref="ProgressLine"/> shows how far along it is (Cargo's <c>ProgressStyle</c>).</summary>
public enum ProgressStyle
{
    /// <summary><c>Fetch [=====================>   ]  88.15%</c></summary>
    Percentage,

    /// <summary><c>Building [===>                      ] 35/222</c></summary>
    Ratio,

    /// <summary><c>Fetch [===========>                     ]</c></summary>
    Indeterminate,
}
