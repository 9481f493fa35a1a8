namespace SosRap.Api.Contracts;

/// <summary>Why a category was suggested: its strongest lemmas and the most similar labelled reports.</summary>
public sealed record EvidenceItem(IReadOnlyList<string> Lemmas, IReadOnlyList<string> SimilarReportIds);
