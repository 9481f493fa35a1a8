using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>Which vector width the kernels use. Ordered: a level can be forced down, never up.</summary>
internal enum SimdLevel
{
    /// <summary>Plain scalar code with <see cref="MathF.FusedMultiplyAdd"/>.</summary>
    Scalar = 0,

    /// <summary>128-bit vectors with fused multiply-add (SSE+FMA or Arm AdvSimd).</summary>
    Vector128 = 1,

    /// <summary>256-bit vectors with fused multiply-add (AVX2+FMA).</summary>
    Vector256 = 2,

    /// <summary>512-bit vectors (AVX-512F).</summary>
    Vector512 = 3,
}

/// <summary>Detects the best <see cref="SimdLevel"/> of this machine.</summary>
internal static class SimdLevels
{
    /// <summary>The widest level the hardware accelerates.</summary>
    public static SimdLevel Best { get; } = Detect();

    /// <summary>Whether the 256-bit int8 dot product (AVX-VNNI <c>vpdpbusd</c>) is available.</summary>
    public static bool HasAvxVnni => AvxVnni.IsSupported;

    /// <summary>The lower of <paramref name="requested"/> and <see cref="Best"/>.</summary>
    public static SimdLevel Resolve(SimdLevel? requested) =>
        requested is { } r && r < Best ? r : Best;

    private static SimdLevel Detect()
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported) return SimdLevel.Vector512;
        if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported) return SimdLevel.Vector256;
        if (Vector128.IsHardwareAccelerated && (Fma.IsSupported || AdvSimd.IsSupported)) return SimdLevel.Vector128;
        return SimdLevel.Scalar;
    }
}
