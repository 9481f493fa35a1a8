using System.Runtime.CompilerServices;

namespace SosRap.Training.Tests;

internal static class TorchSetup
{
    // The test host loads libtorch too: the same malloc tuning as sosrap-train, before any torch call.
    [ModuleInitializer]
    internal static void Initialize() => NativeMemoryTuning.Apply();
}
