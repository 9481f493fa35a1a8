using System.Runtime.InteropServices;

namespace SosRap.Training;

/// <summary>
/// Keeps glibc malloc from returning large tensors to the kernel. With the defaults every large
/// tensor of a training step (gradients, optimiser temporaries) is mmapped and unmapped again, with
/// page faults and zeroing on each step; training ran about 6× slower that way. The mmap threshold
/// cannot be raised above 32 MB, and the embedding table of the default encoder is larger than that,
/// so mmap is turned off for the heap altogether and the trim threshold is raised. Must run before
/// the first torch call.
/// </summary>
internal static partial class NativeMemoryTuning
{
    private const int MTrimThreshold = -1;
    private const int MMmapThreshold = -3;
    private const int MMmapMax = -4;

    /// <summary>Applies the thresholds once; returns false where glibc is not available (the defaults then stay).</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // mallopt returns 1 on success, 0 on error.
            return MallOpt(MMmapThreshold, 32 << 20) == 1 && MallOpt(MTrimThreshold, int.MaxValue) == 1 && MallOpt(MMmapMax, 0) == 1;
        }
        catch (DllNotFoundException)
        {
            return false; // not glibc (e.g. musl)
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int MallOpt(int param, int value);
}
