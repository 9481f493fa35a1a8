using System.Runtime.InteropServices;

namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// Owns one <c>VoikkoHandle*</c> and calls <c>voikkoTerminate</c> exactly once. A handle must not be
/// used by two threads at the same time (voikko.h); <see cref="VoikkoPool"/> enforces that.
/// </summary>
internal sealed class VoikkoHandle : SafeHandle
{
    // The marshaller creates the instance through this constructor and then sets the handle.
    public VoikkoHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        VoikkoNative.Terminate(handle);
        return true;
    }
}
