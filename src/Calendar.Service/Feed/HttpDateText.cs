using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Calendar.Service.Feed;

/// <summary>An HTTP date (RFC 9110 §5.6.7) formatted once per second rather than once per response.</summary>
/// <remarks>A conditional poll costs little more than its headers; formatting two dates was a good part of them.</remarks>
internal sealed class HttpDateText
{
    private volatile Formatted? _last;

    public string Format(Instant instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        var last = _last;
        if (last is null || last.Seconds != seconds)
        {
            _last = last = new Formatted(seconds, HeaderUtilities.FormatDate(Instant.FromUnixTimeSeconds(seconds).ToDateTimeOffset()));
        }

        return last.Text;
    }

    private sealed record Formatted(long Seconds, string Text);
}
