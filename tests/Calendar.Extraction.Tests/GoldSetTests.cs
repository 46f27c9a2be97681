using Calendar.Core;

namespace Calendar.Extraction.Tests;

/// <summary>The drafts against the hand-labelled gold set: the figures are printed, and the floors below are the promise.</summary>
public sealed class GoldSetTests(ITestOutputHelper output)
{
    [Fact]
    public void GoldSet_HasTheSeedArticlesAndAtLeastThirtyMorePressItems()
    {
        Assert.Equal(5, GoldSet.Items.Count(item => item.Id.StartsWith("seed-", StringComparison.Ordinal)));
        Assert.True(GoldSet.Items.Count(item => !item.Id.StartsWith("seed-", StringComparison.Ordinal)) >= 30);
        Assert.All(GoldSet.Items, item => Assert.All(item.Sentences, sentence => Assert.True(sentence.Length < 600, $"{item.Id}: quote sentences, not articles")));
    }

    [Fact]
    public void Drafts_MeetTheFloorsOnTheGoldSet_AndNeverInventADayOrAMonth()
    {
        var score = new GoldScore();
        foreach (var item in GoldSet.Items)
        {
            score.Add(item, PressReleaseReader.Read(item.Release, CountryCatalog.Iso));
        }

        output.WriteLine(score.Report());
        Assert.Empty(score.Invented);
        Assert.InRange(score.Recall("relations"), RelationsRecallFloor, 1);
        Assert.InRange(score.Precision("relations"), RelationsPrecisionFloor, 1);
        Assert.InRange(score.PlannedRecall, PlannedRecallFloor, 1);
        Assert.InRange(score.PlannedPrecision, PlannedPrecisionFloor, 1);
    }

    private const double RelationsRecallFloor = 0.9;
    private const double RelationsPrecisionFloor = 0.8;
    private const double PlannedRecallFloor = 0.9;
    private const double PlannedPrecisionFloor = 0.8;
}
