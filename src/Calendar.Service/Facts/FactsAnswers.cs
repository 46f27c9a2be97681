using System.Text.Json;
using Calendar.Core;
using Calendar.Service.Caching;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Calendar.Service.Facts;

/// <summary>Answers of <c>GET /api/facts</c> as the bytes sent, per facts version and countries asked for, bounded by bytes.</summary>
/// <remarks>
/// The answer depends on nothing else, so it is serialized once per facts version: at world scale (18,528 relations)
/// the whole list is 10 MB and took 0.3–0.4 s of CPU to word and serialize for every request, which anyone could ask
/// for again and again. Kept, it is handed out as bytes, and a client that has it gets a 304.
/// </remarks>
internal sealed class FactsAnswers : IDisposable
{
    /// <summary>The bytes kept: the world's whole list and each of its 193 countries' lists come to 21 MB.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private readonly BuiltOnceCache<Key, JsonAnswer> _answers = new(MaxBytes, answer => answer.Bytes.Length);
    private readonly JsonSerializerOptions _json;

    public FactsAnswers(IOptions<JsonOptions> json) => _json = json.Value.SerializerOptions;

    /// <summary>The answer for <paramref name="countries"/>, when it is kept.</summary>
    public bool TryGet(CalendarSnapshot snapshot, IReadOnlySet<CountryCode> countries, out JsonAnswer answer) =>
        _answers.TryGet(KeyOf(snapshot, countries), out answer);

    /// <summary>The facts of <paramref name="snapshot"/> that name any of <paramref name="countries"/> (all of them when none), serialized as the endpoint sends them.</summary>
    public JsonAnswer Get(CalendarSnapshot snapshot, IReadOnlySet<CountryCode> countries) =>
        _answers.GetOrBuild(KeyOf(snapshot, countries), () => JsonAnswer.Of(FactsApi.Answer(snapshot, countries), _json));

    private static Key KeyOf(CalendarSnapshot snapshot, IReadOnlySet<CountryCode> countries) =>
        new(snapshot.Version.Hash, string.Join(',', countries.Order()));

    public void Dispose() => _answers.Dispose();

    private readonly record struct Key(string FactsHash, string Countries);
}
