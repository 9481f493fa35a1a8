using System.Globalization;
using System.Runtime.CompilerServices;

namespace SosRap.Pipeline.Search;

/// <summary>
/// Checks a vector and writes its L2-normalised copy. Errors name the vector (id or batch item)
/// and the component; the checks run before anything is stored, so a failed call changes nothing.
/// </summary>
internal static class VectorValidation
{
    /// <summary>
    /// Validates <paramref name="vector"/> (length, finite components, non-zero length) and writes
    /// <c>vector / ‖vector‖</c> to <paramref name="destination"/> when it is not empty.
    /// </summary>
    /// <param name="vector">The input.</param>
    /// <param name="destination">Where the normalised vector goes, or empty to only validate.</param>
    /// <param name="dimension">Expected length.</param>
    /// <param name="paramName">The argument the vector came from.</param>
    /// <param name="id">The vector's id, when it has one.</param>
    /// <param name="item">Its position in a batch, or -1.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(ReadOnlySpan<float> vector, Span<float> destination, int dimension, string paramName, string? id, int item)
    {
        if (vector.Length != dimension)
            throw new ArgumentException($"{Label(id, item)} has {vector.Length} components; the index dimension is {dimension}", paramName);
        // Sum of squares in double: cannot overflow for any finite float32 input.
        var sum = 0.0;
        for (var p = 0; p < vector.Length; p++)
        {
            var v = vector[p];
            if (!float.IsFinite(v))
                throw new ArgumentException($"{Label(id, item)}: component {p} is {Describe(v)}", paramName);
            sum += (double)v * v;
        }
        if (sum == 0)
            throw new ArgumentException($"{Label(id, item)} is a zero vector; it has no direction to compare", paramName);
        if (destination.IsEmpty) return;
        var inv = 1.0 / Math.Sqrt(sum);
        for (var p = 0; p < vector.Length; p++) destination[p] = (float)(vector[p] * inv);
    }

    /// <summary>Validates a batch of n row-major vectors of <paramref name="dimension"/> components.</summary>
    public static int BatchCount(ReadOnlySpan<float> vectors, int dimension, string paramName)
    {
        if (vectors.Length % dimension != 0)
            throw new ArgumentException($"{vectors.Length} floats is not a whole number of {dimension}-component vectors", paramName);
        return vectors.Length / dimension;
    }

    /// <summary>Validates an id: not null, not empty.</summary>
    public static void CheckId(string? id, string paramName, int item = -1)
    {
        if (id is null) throw new ArgumentNullException(paramName, item < 0 ? "the id is null" : $"the id of item {item} is null");
        if (id.Length == 0) throw new ArgumentException(item < 0 ? "the id is empty" : $"the id of item {item} is empty", paramName);
    }

    private static string Label(string? id, int item) => (id, item) switch
    {
        (not null, >= 0) => string.Create(CultureInfo.InvariantCulture, $"vector '{id}' (item {item})"),
        (not null, _) => $"vector '{id}'",
        (null, >= 0) => string.Create(CultureInfo.InvariantCulture, $"vector {item}"),
        _ => "the vector",
    };

    private static string Describe(float v) =>
        float.IsNaN(v) ? "NaN" : float.IsPositiveInfinity(v) ? "+infinity" : "-infinity";
}
