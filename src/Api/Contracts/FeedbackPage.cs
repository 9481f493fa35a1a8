namespace SosRap.Api.Contracts;

/// <summary>One page of feedback; pass <see cref="NextAfter"/> as <c>after</c> for the next.</summary>
public sealed record FeedbackPage(IReadOnlyList<FeedbackItem> Items, long NextAfter);
