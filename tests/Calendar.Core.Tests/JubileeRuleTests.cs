namespace Calendar.Core.Tests;

public class JubileeRuleTests
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(30, true)]
    [InlineData(35, true)]
    [InlineData(1, false)]
    [InlineData(31, false)]
    [InlineData(34, false)]
    public void Default_MarksEveryFifthYear(int ordinal, bool expected) =>
        Assert.Equal(expected, JubileeRule.Default.IsJubilee(ordinal));

    [Theory]
    [InlineData(25, true)]
    [InlineData(50, true)]
    [InlineData(5, false)]
    [InlineData(30, false)]
    public void Every25_MarksQuarterCenturiesOnly(int ordinal, bool expected) =>
        Assert.Equal(expected, new JubileeRule(every: 25).IsJubilee(ordinal));

    [Fact]
    public void Constructor_RejectsAPeriodBelowOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JubileeRule(0));
}
