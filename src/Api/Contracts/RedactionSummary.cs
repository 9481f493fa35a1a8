namespace SosRap.Api.Contracts;

/// <summary>What redaction replaced: the number of findings per kind (<c>nimi</c>, <c>hetu</c>, <c>puhelin</c>, …).</summary>
public sealed record RedactionSummary(int Total, IReadOnlyDictionary<string, int> Kinds);
