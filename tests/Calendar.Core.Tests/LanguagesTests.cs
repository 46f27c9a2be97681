namespace Calendar.Core.Tests;

public class LanguagesTests
{
    [Theory]
    [InlineData("en", Language.En)]
    [InlineData("RU", Language.Ru)]
    [InlineData(" kk ", Language.Kk)]
    public void TryParse_ReadsTheThreeTags(string text, Language expected)
    {
        Assert.True(Languages.TryParse(text, out var language, out _));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("de", "unknown language 'de': expected one of en, ru, kk")]
    [InlineData("ru-RU", "unknown language 'ru-RU': expected one of en, ru, kk")]
    [InlineData("", "unknown language '': expected one of en, ru, kk")]
    public void TryParse_RefusesAnythingElseNamingIt(string text, string error)
    {
        Assert.False(Languages.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }
}
