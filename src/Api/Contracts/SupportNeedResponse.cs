namespace SosRap.Api.Contracts;

/// <summary>A support need of the Social Welfare Act 11 § 1 mom.</summary>
public sealed record SupportNeedResponse(string Id, int LawItem, string Name, string Description);
