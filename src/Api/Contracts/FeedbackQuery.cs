using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace SosRap.Api.Contracts;

/// <summary>Query of <c>GET /api/feedback</c>: reviewer decisions after a cursor, for training the suggester.</summary>
public sealed record FeedbackQuery
{
    /// <summary>Return decisions with an id greater than this (the <c>next_after</c> of the previous page).</summary>
    [FromQuery(Name = "after"), Range(0, long.MaxValue, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public long? After { get; init; }

    /// <summary>Most decisions to return, 1–1000 (default 500).</summary>
    [FromQuery(Name = "limit"), Range(1, 1000, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? Limit { get; init; }
}
