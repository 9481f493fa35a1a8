using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Search.Storage;

/// <summary>
/// Scalar-quantised copy of the rows: one unsigned byte per component, per-dimension range
/// (<c>x ≈ min[p] + scale[p] · code</c>, as FAISS's <c>QT_8bit</c>), laid out for
/// <see cref="Int8Scan"/>. Because <c>q·x = Σ q[p]·min[p] + Σ (q[p]·scale[p])·code[p]</c> and the
/// first sum is the same for every row, ranking needs only the second: the query weights
/// <c>q[p]·scale[p]</c> are quantised to signed bytes with one scale per query.
/// <para>
/// The range is trained on the rows present, and trained again on all rows whenever the row
/// count has doubled since (amortised O(d) per added row); rows added in between are clipped to
/// the range, which only affects which rows reach the exact re-ranking.
/// </para>
/// </summary>
internal sealed unsafe class Int8Store : IDisposable
{
    private const int Rows = FloatScan.PanelRows;
    private NativeBuffer _codes;
    private int _capacityPanels;

    public Int8Store(int dimension, int initialRows)
    {
        Dimension = dimension;
        Groups = Int8Scan.Groups(dimension);
        Min = new float[dimension];
        Scale = new float[dimension];
        _capacityPanels = Math.Max(1, PanelStore.PanelsFor(initialRows));
        _codes = NativeBuffer.Allocate(PanelBytes * (nuint)_capacityPanels, zero: true);
    }

    public int Dimension { get; }

    /// <summary>Groups of 4 components per panel.</summary>
    public int Groups { get; }

    /// <summary>Per-dimension minimum of the trained range.</summary>
    public float[] Min { get; }

    /// <summary>Per-dimension step: (max − min) / 255, 0 for a constant component.</summary>
    public float[] Scale { get; }

    /// <summary>Rows the range was last trained on (0 = never trained).</summary>
    public int TrainedRows { get; private set; }

    public nuint PanelBytes => (nuint)Groups * Int8Scan.GroupBytes;

    public byte* Codes => _codes.Pointer;

    /// <summary>The codes of panels [0, <paramref name="panels"/>) (tests and diagnostics).</summary>
    public ReadOnlySpan<byte> CodeBytes(int panels) => new(Codes, checked((int)(PanelBytes * (nuint)panels)));

    /// <summary>True when the range should be trained again for <paramref name="rowCount"/> rows.</summary>
    public bool NeedsTraining(int rowCount) => rowCount > 0 && (TrainedRows == 0 || rowCount >= 2L * TrainedRows);

    /// <summary>Makes room for <paramref name="rows"/> rows.</summary>
    public void EnsureCapacity(int rows)
    {
        var panels = PanelStore.PanelsFor(rows);
        if (panels <= _capacityPanels) return;
        var capacity = Math.Max(panels, (int)Math.Min(int.MaxValue / Rows, 2L * _capacityPanels));
        var next = NativeBuffer.Allocate(PanelBytes * (nuint)capacity, zero: true);
        Buffer.MemoryCopy(_codes.Pointer, next.Pointer, (long)next.ByteLength, (long)(PanelBytes * (nuint)_capacityPanels));
        _codes.Dispose();
        _codes = next;
        _capacityPanels = capacity;
    }

    /// <summary>Trains the range on the live rows of <paramref name="store"/> and encodes every row.</summary>
    public void Train(PanelStore store, in RowGate live)
    {
        var d = Dimension;
        var lo = new float[d];
        var hi = new float[d];
        lo.AsSpan().Fill(float.PositiveInfinity);
        hi.AsSpan().Fill(float.NegativeInfinity);
        var any = false;
        for (var g = 0; g < store.PanelCount; g++)
        {
            var panel = store.Data + g * store.PanelStride;
            for (var lane = 0; lane < Rows; lane++)
            {
                if (!live.Allows(g * Rows + lane)) continue;
                any = true;
                for (var p = 0; p < d; p++)
                {
                    var v = panel[(nint)p * Rows + lane];
                    if (v < lo[p]) lo[p] = v;
                    if (v > hi[p]) hi[p] = v;
                }
            }
        }
        if (!any) return;
        SetRange(lo, hi);
        TrainedRows = store.RowCount;
        EncodeAll(store);
    }

    /// <summary>Restores a saved range (from a file) and encodes every row.</summary>
    public void Restore(ReadOnlySpan<float> min, ReadOnlySpan<float> scale, int trainedRows, PanelStore store)
    {
        min.CopyTo(Min);
        scale.CopyTo(Scale);
        TrainedRows = trainedRows;
        EncodeAll(store);
    }

    /// <summary>Encodes one row (normalised float components) into its code slot.</summary>
    public void Encode(int row, ReadOnlySpan<float> vector)
    {
        var b = Codes + (nint)(row / Rows) * (nint)PanelBytes + (row % Rows) * 4;
        for (var p = 0; p < vector.Length; p++) b[(nint)(p >> 2) * Int8Scan.GroupBytes + (p & 3)] = Code(vector[p], p);
    }

    /// <summary>
    /// Quantises a normalised query: weights q[p]·scale[p] scaled so the largest is ±127, packed
    /// 4 per int with zero padding to a whole group.
    /// </summary>
    public void EncodeQuery(ReadOnlySpan<float> query, Span<int> packed)
    {
        var bytes = MemoryMarshal.AsBytes(packed[..Groups]);
        bytes.Clear();
        var max = 0f;
        for (var p = 0; p < Dimension; p++) max = MathF.Max(max, MathF.Abs(query[p] * Scale[p]));
        if (max == 0) return;
        var f = 127f / max;
        for (var p = 0; p < Dimension; p++)
            bytes[p] = (byte)(sbyte)Math.Clamp(MathF.Round(query[p] * Scale[p] * f), -127f, 127f);
    }

    public void Dispose() => _codes.Dispose();

    private void SetRange(float[] lo, float[] hi)
    {
        for (var p = 0; p < Dimension; p++)
        {
            Min[p] = lo[p];
            Scale[p] = hi[p] > lo[p] ? (hi[p] - lo[p]) / 255f : 0f;
        }
    }

    private byte Code(float v, int p)
    {
        var s = Scale[p];
        if (s == 0) return 0;
        return (byte)Math.Clamp(MathF.Round((v - Min[p]) / s), 0f, 255f);
    }

    /// <summary>Forgets the trained range (after the index is cleared).</summary>
    public void Reset()
    {
        Array.Clear(Min);
        Array.Clear(Scale);
        TrainedRows = 0;
    }

    /// <summary>
    /// Encodes every row of <paramref name="store"/> with the current range: 8 rows × 4
    /// components at a time, the 4 codes of a row packed into one int (the code layout). Same
    /// arithmetic as <see cref="Encode"/> (subtract, divide, round to even, clamp), so both give
    /// the same bytes.
    /// </summary>
    public void EncodeAll(PanelStore store)
    {
        EnsureCapacity(store.RowCount);
        var d = Dimension;
        for (var g = 0; g < store.PanelCount; g++)
        {
            var panel = store.Data + g * store.PanelStride;
            var codes = (int*)(Codes + (nint)g * (nint)PanelBytes);
            for (var t = 0; t < Groups; t++)
            {
                var dst = codes + t * Rows;
                for (var lane = 0; lane < Rows; lane += Vector256<float>.Count)
                {
                    var packed = Vector256<int>.Zero;
                    for (var j = 0; j < 4; j++)
                    {
                        var p = 4 * t + j;
                        if (p >= d) break;
                        var s = Scale[p];
                        if (s == 0) continue;
                        var v = Vector256.Load(panel + (nint)p * Rows + lane);
                        var c = Vector256.Round((v - Vector256.Create(Min[p])) / Vector256.Create(s));
                        c = Vector256.Min(Vector256.Max(c, Vector256<float>.Zero), Vector256.Create(255f));
                        packed |= Vector256.ShiftLeft(Vector256.ConvertToInt32(c), 8 * j);
                    }
                    packed.Store(dst + lane);
                }
            }
        }
    }
}
