using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Search;

/// <summary>Settings of a <see cref="FlatIndex"/>, validated once when the index is created.</summary>
public sealed class FlatIndexOptions
{
    /// <summary>Largest supported dimension (the int8 kernel's 32-bit sums stay exact up to here).</summary>
    public const int MaxDimension = 65_536;

    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Rows reserved up front.</summary>
        public const int InitialCapacity = 1024;

        /// <summary>
        /// Int8 short list size as a multiple of k. Measured recall@10 against exact search was
        /// 1.000 from 3·k candidates up on Gaussian, clustered and skewed non-negative data
        /// (docs/search.md); 4·k leaves a margin. Each candidate costs a strided read of its
        /// row (about 3 µs at d = 384), so the list is kept short.
        /// </summary>
        public const int RerankFactor = 4;

        /// <summary>Smallest int8 short list.</summary>
        public const int MinRerankCandidates = 32;
    }

    /// <summary>Components per vector (required, 1 to <see cref="MaxDimension"/>).</summary>
    public int Dimension { get; init; }

    /// <summary>Whether single-query search scans int8 codes and re-ranks (see <see cref="VectorQuantization"/>).</summary>
    public VectorQuantization Quantization { get; init; } = VectorQuantization.None;

    /// <summary>Rows reserved up front; the storage doubles when full.</summary>
    public int InitialCapacity { get; init; } = Defaults.InitialCapacity;

    /// <summary>Threads a search may use; 0 means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxThreads { get; init; }

    /// <summary>Int8 short list size as a multiple of k.</summary>
    public int RerankFactor { get; init; } = Defaults.RerankFactor;

    /// <summary>Smallest int8 short list.</summary>
    public int MinRerankCandidates { get; init; } = Defaults.MinRerankCandidates;

    /// <summary>Caps the vector width the kernels use (tests force every path with it).</summary>
    internal SimdLevel? Simd { get; init; }

    /// <summary>Set false to use the AVX2 widening int8 kernel even where AVX-VNNI exists (tests).</summary>
    internal bool UseVnni { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Dimension < 1 || Dimension > MaxDimension)
            throw new ArgumentOutOfRangeException(nameof(Dimension), Dimension, $"the dimension must be between 1 and {MaxDimension}");
        if (!Enum.IsDefined(Quantization))
            throw new ArgumentOutOfRangeException(nameof(Quantization), Quantization, "unknown quantization");
        ArgumentOutOfRangeException.ThrowIfNegative(InitialCapacity, nameof(InitialCapacity));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxThreads, nameof(MaxThreads));
        ArgumentOutOfRangeException.ThrowIfLessThan(RerankFactor, 1, nameof(RerankFactor));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRerankCandidates, 1, nameof(MinRerankCandidates));
    }
}
