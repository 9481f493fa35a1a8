using SosRap.Api.Cli;

return await SosRapCli.RunAsync(args);
