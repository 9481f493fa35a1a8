using System.Runtime.InteropServices;

namespace SosRap.Pipeline.Search.Storage;

/// <summary>
/// One block of native memory, 64-byte aligned (2 MiB aligned and advised for transparent huge
/// pages when large, so that a scan does not pay a TLB miss every 4 KiB). Owned by a SafeHandle so
/// that the memory is freed even when a caller forgets to dispose the index.
/// </summary>
internal sealed unsafe partial class NativeBuffer : SafeHandle
{
    private const nuint HugePage = 2u << 20;
    private const int MadvHugePage = 14;

    private NativeBuffer(nuint byteLength, nuint alignment)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        ByteLength = byteLength;
        var p = NativeMemory.AlignedAlloc(byteLength == 0 ? 1 : byteLength, alignment);
        SetHandle((IntPtr)p);
        if (byteLength > 0) GC.AddMemoryPressure((long)byteLength);
    }

    /// <summary>Size in bytes.</summary>
    public nuint ByteLength { get; }

    /// <summary>Start of the block; valid while the buffer is not disposed.</summary>
    public byte* Pointer => (byte*)handle;

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Allocates <paramref name="byteLength"/> bytes; the content is zeroed when <paramref name="zero"/>.</summary>
    public static NativeBuffer Allocate(nuint byteLength, bool zero)
    {
        var large = byteLength >= 2 * HugePage;
        var buffer = new NativeBuffer(large ? (byteLength + HugePage - 1) & ~(HugePage - 1) : byteLength, large ? HugePage : 64);
        if (large && OperatingSystem.IsLinux())
        {
            // Transparent huge pages are often in "madvise" mode; without the advice a 150 MB scan
            // walks 37,000 4 KiB pages. Failure is harmless (the pages just stay small).
            _ = Madvise(buffer.Pointer, buffer.ByteLength, MadvHugePage);
        }
        if (zero) NativeMemory.Clear(buffer.Pointer, buffer.ByteLength);
        return buffer;
    }

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        if (ByteLength > 0) GC.RemoveMemoryPressure((long)ByteLength);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
