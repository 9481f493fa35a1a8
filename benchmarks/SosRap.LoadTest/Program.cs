using SosRap.LoadTest;

return await LoadTestCommand.RunAsync(args);
