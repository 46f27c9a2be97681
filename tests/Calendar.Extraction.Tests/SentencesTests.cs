namespace Calendar.Extraction.Tests;

public sealed class SentencesTests
{
    [Theory]
    [InlineData("President Xi Jinping will pay an official visit to Kazakhstan on Sept. 14, 2022. He was last there in 2013.", "President Xi Jinping will pay an official visit to Kazakhstan on Sept. 14, 2022.")]
    [InlineData("The opening was held in St. Pölten town. The aim is cooperation.", "The opening was held in St. Pölten town.")]
    [InlineData("NUR-SULTAN. KAZINFORM Today the two countries mark 30 years. Trade grows.", "NUR-SULTAN. KAZINFORM Today the two countries mark 30 years.")]
    [InlineData("It marks 25 years of U.S.-Kazakhstani relations. The U.S. was first.", "It marks 25 years of U.S.-Kazakhstani relations.")]
    public void Split_AbbreviationsAndDatelines_DoNotEndASentence(string text, string first) =>
        Assert.Equal(first, Sentences.Split(text)[0].Sentence);

    [Fact]
    public void Split_ParagraphsAndStops_EndSentences_EachWithItsLineAndColumn()
    {
        var sentences = Sentences.Split("One. Two!\n\n  Three?");

        Assert.Equal([("One.", 0, 1, 1), ("Two!", 5, 1, 6), ("Three?", 13, 3, 3)], sentences.Select(s => (s.Sentence, s.Offset, s.Line, s.Column)));
    }
}
