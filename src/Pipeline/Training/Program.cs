using SosRap.Training;

// Before anything can touch libtorch: glibc's default malloc settings make training several times
// slower. SOSRAP_TRAIN_MALLOC_TUNING=0 keeps the defaults (to measure the difference).
if (Environment.GetEnvironmentVariable("SOSRAP_TRAIN_MALLOC_TUNING") != "0" && !NativeMemoryTuning.Apply())
    Console.Error.WriteLine("sosrap-train: huom: glibc:n muistinvarausta ei voitu säätää; opetus voi olla hitaampaa");
return await TrainingCli.RunAsync(args).ConfigureAwait(false);
