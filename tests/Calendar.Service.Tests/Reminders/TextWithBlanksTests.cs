using System.Text;
using Calendar.Service.Reminders;

namespace Calendar.Service.Tests.Reminders;

public class TextWithBlanksTests
{
    [Fact]
    public void AFilledText_IsTheTextWithEachValueWhereItsStandInWas_InUtf8()
    {
        var text = TextWithBlanks.Cut("Ольга — {link} ({mail}); again: {link}.", "{link}", "{mail}");

        var filled = text.Fill("https://calendar.test/unsubscribe?token=a&b", "ölga@пример.kz");

        Assert.Equal("Ольга — https://calendar.test/unsubscribe?token=a&b (ölga@пример.kz); again: https://calendar.test/unsubscribe?token=a&b.", Encoding.UTF8.GetString(filled));
    }

    [Fact]
    public void ATextThatStartsAndEndsWithStandIns_KeepsNothingElseAroundThem()
    {
        var text = TextWithBlanks.Cut("{a}{b}", "{a}", "{b}");

        Assert.Equal("12", Encoding.UTF8.GetString(text.Fill("1", "2")));
    }

    [Fact]
    public void ATextWithoutItsStandIns_FillsToItsOwnBytes()
    {
        Assert.Equal("Қазақстан", Encoding.UTF8.GetString(TextWithBlanks.Cut("Қазақстан", "{link}").Fill("ignored")));
    }
}
