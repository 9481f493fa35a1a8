using SosRap.Models;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>What a representation is fitted on: reports (gold labels included when the protocol allows them), their analyses and the analyzer.</summary>
/// <param name="Reports">The fitting reports.</param>
/// <param name="Analyses">The analysis of each report's <see cref="Report.FullText"/>.</param>
/// <param name="Analyzer">The analyzer that made them, for embedders that analyse further texts.</param>
/// <param name="Seed">The comparison's seed, for representations with randomness.</param>
public sealed record RepresentationFitContext(IReadOnlyList<Report> Reports, IReadOnlyList<AnalyzedText> Analyses, TextAnalyzer Analyzer, int Seed);
