namespace Calendar.Core.Tests;

public class PluralsTests
{
    [Theory]
    [InlineData(0, "many")]
    [InlineData(1, "one")]
    [InlineData(2, "few")]
    [InlineData(3, "few")]
    [InlineData(4, "few")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(12, "many")]
    [InlineData(14, "many")]
    [InlineData(21, "one")]
    [InlineData(22, "few")]
    [InlineData(35, "many")]
    [InlineData(100, "many")]
    [InlineData(101, "one")]
    [InlineData(111, "many")]
    [InlineData(112, "many")]
    [InlineData(122, "few")]
    public void RussianCategory_FollowsCldr(int number, string category) => Assert.Equal(category, Plurals.RussianCategory(number));

    [Theory]
    [InlineData(1, "1 день")]
    [InlineData(2, "2 дня")]
    [InlineData(7, "7 дней")]
    public void Russian_PutsTheNounInTheFormOfItsCategory(int number, string expected) =>
        Assert.Equal(expected, Plurals.Russian(number, "день", "дня", "дней"));
}
