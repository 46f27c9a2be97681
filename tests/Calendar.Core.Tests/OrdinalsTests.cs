namespace Calendar.Core.Tests;

public class OrdinalsTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(10, "10th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(30, "30th")]
    [InlineData(35, "35th")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    [InlineData(113, "113th")]
    [InlineData(1001, "1001st")]
    public void English_WritesTheSuffixAnEditorWould(int number, string expected) =>
        Assert.Equal(expected, Ordinals.English(number));
}
