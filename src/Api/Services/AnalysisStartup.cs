namespace SosRap.Api.Services;

/// <summary>
/// Prepares the analysis pipeline after the service has started, one stage after another so that
/// the requests keep a core: the similarity index (fitted on the stored reports), the suggestion
/// model (loaded, or trained and saved) and the clusters of all handled reports. The service
/// answers health checks and stores reports from the first moment; each component says in its
/// status why it is not in use until it is ready.
/// </summary>
internal sealed class AnalysisStartup(LsaSimilarReportService similar, ModelSuggestionService suggestions, ClusteringThemeService themes)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await similar.RebuildAsync(stoppingToken);
        await suggestions.StartAsync(stoppingToken);
        try
        {
            await themes.WarmAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
