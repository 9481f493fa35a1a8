using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Search.Storage;

/// <summary>
/// The float32 rows of an index in 64-row panels (see <see cref="FloatScan"/>): one contiguous,
/// 64-byte aligned native block that doubles when full. Lanes of the last panel that hold no row
/// are zero, so the block can be written to a file as it is.
/// </summary>
internal sealed unsafe class PanelStore : IDisposable
{
    private const int Rows = FloatScan.PanelRows;
    private NativeBuffer _buffer;
    private int _capacityPanels;

    public PanelStore(int dimension, int initialRows)
    {
        Dimension = dimension;
        _capacityPanels = Math.Max(1, PanelsFor(initialRows));
        _buffer = NativeBuffer.Allocate(PanelBytes * (nuint)_capacityPanels, zero: false);
    }

    /// <summary>Components per row.</summary>
    public int Dimension { get; }

    /// <summary>Rows stored (including removed ones).</summary>
    public int RowCount { get; private set; }

    /// <summary>Panels holding at least one row.</summary>
    public int PanelCount => PanelsFor(RowCount);

    /// <summary>Floats per panel.</summary>
    public nint PanelStride => (nint)Dimension * Rows;

    /// <summary>Bytes per panel.</summary>
    public nuint PanelBytes => (nuint)PanelStride * sizeof(float);

    /// <summary>Start of panel 0.</summary>
    public float* Data => (float*)_buffer.Pointer;

    public static int PanelsFor(int rows) => (int)(((long)rows + Rows - 1) / Rows);

    /// <summary>Appends <paramref name="count"/> rows (content to be written) and returns the first new row.</summary>
    public int Append(int count)
    {
        var first = RowCount;
        var rows = (long)first + count;
        if (rows > int.MaxValue - Rows) throw new InvalidOperationException($"an index holds at most {int.MaxValue - Rows} rows");
        var panels = PanelsFor((int)rows);
        if (panels > _capacityPanels) Grow(panels);
        // New panels start zeroed so that unused lanes stay zero.
        var oldPanels = PanelCount;
        if (panels > oldPanels)
            NativeMemory.Clear(Data + oldPanels * PanelStride, PanelBytes * (nuint)(panels - oldPanels));
        RowCount = (int)rows;
        return first;
    }

    /// <summary>Writes row <paramref name="row"/> (already validated and normalised).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(int row, ReadOnlySpan<float> vector)
    {
        var x = RowStart(row);
        for (var p = 0; p < vector.Length; p++) x[(nint)p * Rows] = vector[p];
    }

    /// <summary>Copies row <paramref name="row"/> into <paramref name="destination"/>.</summary>
    public void Read(int row, Span<float> destination)
    {
        var x = RowStart(row);
        for (var p = 0; p < Dimension; p++) destination[p] = x[(nint)p * Rows];
    }

    /// <summary>Drops every row; keeps the capacity.</summary>
    public void Reset() => RowCount = 0;

    public void Dispose() => _buffer.Dispose();

    private float* RowStart(int row) => Data + (nint)(row / Rows) * PanelStride + (row % Rows);

    private void Grow(int panels)
    {
        var capacity = Math.Max(panels, (int)Math.Min(int.MaxValue / Rows, 2L * _capacityPanels));
        var next = NativeBuffer.Allocate(PanelBytes * (nuint)capacity, zero: false);
        Buffer.MemoryCopy(Data, next.Pointer, (long)(PanelBytes * (nuint)capacity), (long)(PanelBytes * (nuint)PanelCount));
        _buffer.Dispose();
        _buffer = next;
        _capacityPanels = capacity;
    }
}
