using Calendar.Core;
using NodaTime;

namespace Calendar.Extraction.Tests;

/// <summary>What a draft says, sentence by sentence. The sentences are the seed articles' (seeds/*.yaml cite them) unless a test needs another.</summary>
public sealed class PressReleaseReaderTests
{
    [Fact]
    public void Read_InSeptember2016_IsTheMonth_NotADay()
    {
        var draft = Single("An important event in this direction was the opening in September 2016 in the Argentine city of Rosario of the Kazakhstan Cultural Center.", 2023, 6, 24);

        Assert.Equal((FactKind.Opening, "2016-09", FactStatus.Occurred), (draft.Fact.Kind, draft.Fact.Date.ToIsoString(), draft.Fact.Status));
        Assert.Equal(new Place("Rosario", CountryCode.Parse("AR")), draft.Fact.Place);
        Assert.Null(draft.Fact.Derivation);
    }

    [Fact]
    public void Read_TheNthAnniversaryWithoutADay_IsAYear_AndSaysHowItWasWorkedOut()
    {
        var draft = Single("In the context of the celebration of the 30th anniversary of diplomatic relations, Kazakhstan and Luxembourg intend to continue all efforts.", 2022, 6, 29);

        Assert.Equal((FactKind.Relations, "1992"), (draft.Fact.Kind, draft.Fact.Date.ToIsoString()));
        Assert.Equal("The article, published 2022-06-29, marks the 30th anniversary of diplomatic relations in 2022, the year it was published, without a day, so diplomatic relations date from 1992.", draft.Fact.Derivation);
    }

    [Fact]
    public void Read_TheNthAnniversaryToday_CountsBackFromThePublicationDay()
    {
        var draft = Single("NUR-SULTAN. KAZINFORM Today the Republic of Kazakhstan and the Italian Republic mark the 30th anniversary of the establishment of diplomatic relations.", 2022, 8, 21);

        Assert.Equal(("1992-08-21", FactStatus.Occurred), (draft.Fact.Date.ToIsoString(), draft.Fact.Status));
        Assert.Equal(["KZ", "IT"], draft.Fact.Countries.Select(c => c.Value));
        Assert.Contains("'Today' in an article published 2022-08-21 is 2022-08-21", draft.Fact.Derivation, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThisYear_InA2024Article_Is2024_AndPlannedForSigning_IsPlanned()
    {
        var draft = Single("Vasilenko emphasized that the Intergovernmental Agreement on Air Services planned for signing this year will give a significant impetus to the entire spectrum of Kazakh-Spanish relations.", 2024, 2, 16);

        Assert.Equal((FactKind.Signing, "2024", FactStatus.Planned), (draft.Fact.Kind, draft.Fact.Date.ToIsoString(), draft.Fact.Status));
        Assert.Equal(["KZ", "ES"], draft.Fact.Countries.Select(c => c.Value));
        Assert.Equal("'this year' in an article published 2024-02-16 is 2024", draft.Fact.Derivation);
    }

    [Fact]
    public void Read_ARoundThatTookPlace_AndOneThatWillBeHeld_AreOccurredAndScheduled_WithTheirNumbersAndCities()
    {
        var drafts = Read("The third round of Kazakh-Argentine inter-ministerial consultations took place on December 8, 2022 in Astana, and the fourth meeting will be held in Buenos Aires on August 22, 2023, as part of the work visit of First Deputy Foreign Minister of Kazakhstan Kairat Umarov to Argentina.", 2023, 6, 24);

        var third = drafts.Single(d => d.Fact.Date.ToIsoString() == "2022-12-08");
        var fourth = drafts.Single(d => d.Fact.Date.ToIsoString() == "2023-08-22");
        Assert.Equal((FactKind.Consultations, FactStatus.Occurred, "Astana"), (third.Fact.Kind, third.Fact.Status, third.Fact.Place?.City));
        Assert.Equal("3rd round of Kazakhstan–Argentina consultations in Astana", third.Fact.Title);
        Assert.Equal((FactKind.Consultations, FactStatus.Scheduled, "Buenos Aires"), (fourth.Fact.Kind, fourth.Fact.Status, fourth.Fact.Place?.City));
        var visit = drafts.Single(d => d.Fact.Kind == FactKind.Visit);
        Assert.Equal(("2023-08", FactStatus.Scheduled, "AR"), (visit.Fact.Date.ToIsoString(), visit.Fact.Status, visit.Fact.Place?.Country.Value));
        Assert.StartsWith("The article dates only what is held during the visit (2023-08-22)", visit.Fact.Derivation, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Our_IsTheHomeCountry()
    {
        var draft = Single("Today, we celebrate the 30th anniversary of the establishment of diplomatic relations with our strategic partner Kazakhstan.", 2022, 3, 2, home: "TR");

        Assert.Equal(["TR", "KZ"], draft.Fact.Countries.Select(c => c.Value));
        Assert.Equal("1992-03-02", draft.Fact.Date.ToIsoString());
    }

    [Fact]
    public void Read_VisitsInTwoYears_AreTwoDrafts_EachAYear()
    {
        var drafts = Read("The political meetings held during this period, including visits of the Prime Minister of Luxembourg, Xavier Bettel to Kazakhstan in 2015 and 2017, greatly contributed to strengthening cooperation.", 2022, 6, 29);

        Assert.Equal(["2015", "2017"], drafts.Select(d => d.Fact.Date.ToIsoString()));
        Assert.All(drafts, d => Assert.Equal((FactKind.Visit, "KZ", FactStatus.Occurred), (d.Fact.Kind, d.Fact.Place?.Country.Value, d.Fact.Status)));
    }

    [Fact]
    public void Read_EachDraft_QuotesItsSentenceExactly_WithWhereItIs()
    {
        const string text = "Xanadu is far away.\n\nThe fourth round of Kazakhstan-Italy consultations will be held in Rome on August 22, 2023. Nothing else.";

        var draft = Read(text, 2023, 6, 24).Single();

        Assert.Equal("The fourth round of Kazakhstan-Italy consultations will be held in Rome on August 22, 2023.", draft.Evidence.Sentence);
        Assert.Equal((21, 3, 1), (draft.Evidence.Offset, draft.Evidence.Line, draft.Evidence.Column));
        Assert.Equal(draft.Evidence.Sentence, text.Substring(draft.Evidence.Offset, draft.Evidence.Sentence.Length));
    }

    [Theory]
    [InlineData("Kazakhstan and Italy stand for strengthening the engagement between the two countries on the world stage.")]
    [InlineData("An Intergovernmental Task Force, as well as the Kazakhstan-Italy Parliamentary Friendship Group were established to develop bilateral contacts.")]
    [InlineData("The Abai Uii was opened in Omsk, Russia, in Tashkent, Uzbekistan, in Berlin, Germany.")]
    [InlineData("According to the Diplomat, the President's visit to Belarus was planned for the current year, but it was postponed.")]
    public void Read_AStatementWithoutADate_OrThatDidNotHappen_GivesNoDraft(string sentence) =>
        Assert.Empty(Read(sentence, 2022, 8, 21));

    [Fact]
    public void Read_APlacelessSentenceAfterANamedOne_TakesTheOtherPartyFromTheArticle()
    {
        var draft = Read("Kazakhstan and Slovenia have friendship groups.\n\nIn addition, in 2014, the Business Club was established at the initiative of entrepreneurs.", 2022, 10, 20).Single();

        Assert.Equal((FactKind.Founding, "2014"), (draft.Fact.Kind, draft.Fact.Date.ToIsoString()));
        Assert.Equal(["KZ", "SI"], draft.Fact.Countries.Select(c => c.Value));
    }

    private static DraftFact Single(string text, int year, int month, int day, string home = "KZ") =>
        Assert.Single(Read(text, year, month, day, home));

    private static IReadOnlyList<DraftFact> Read(string text, int year, int month, int day, string home = "KZ")
    {
        var published = new LocalDate(year, month, day);
        return PressReleaseReader.Read(new PressRelease(text, published, CountryCode.Parse(home), new Source(null, "Kazinform", published, null)), CountryCatalog.Iso);
    }
}
