namespace Calendar.Service.Tests.Cli;

/// <summary><c>upcoming</c> as a user types it: both option forms, usage errors (exit 2), the calendar's ends.</summary>
public sealed class UpcomingCommandTests : IDisposable
{
    private readonly TempFolder _facts = new();

    public UpcomingCommandTests()
    {
        _facts.Write("facts.yaml", FactsFiles.Relations());
        // Known to the month: its anniversaries span December, up to the calendar's last day.
        _facts.Write("december.yaml", FactsFiles.Relations(id: "xa-xb-december", date: "1994-12", title: "Relations established in December"));
    }

    public void Dispose() => _facts.Dispose();

    [Fact]
    public async Task OptionsWithEqualsSigns_AnswerAsWithSpaces()
    {
        var spaced = await Upcoming("--from", "2023-06-01", "--days", "100", "--Calendar:Today", "2023-06-01");
        var joined = await Upcoming("--from=2023-06-01", "--days=100", "--Calendar:Today=2023-06-01");

        Assert.True(joined.ExitCode == 0, joined.Error);
        Assert.StartsWith("1 event(s) from 2023-06-01 to 2023-09-08 (today is 2023-06-01 in Asia/Almaty)", joined.Output, StringComparison.Ordinal);
        Assert.Contains("23 June 2023", joined.Output, StringComparison.Ordinal);
        Assert.Equal(spaced.Output, joined.Output);
    }

    [Fact]
    public async Task AnUnknownOption_IsNamedAsTyped_AndExitsTwo()
    {
        var (exitCode, output, error) = await Upcoming("--bogus", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unrecognized command or argument '--bogus'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--1", error, StringComparison.Ordinal);
        Assert.Contains("Run 'Calendar.Service upcoming --help' for usage.", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task AMisspeltOption_SuggestsTheRightOne()
    {
        var (exitCode, _, error) = await Upcoming("--form", "2027-08-21");

        Assert.Equal(2, exitCode);
        Assert.Contains("'--form' was not matched. Did you mean one of the following?", error, StringComparison.Ordinal);
        Assert.Contains("--from", error.Split("Did you mean")[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "Required argument missing for option: '--from'.")]
    [InlineData("--Calendar:Today", "--Calendar:Today needs a value: --Calendar:Today=VALUE")]
    public async Task AMissingValue_IsAUsageError(string option, string message)
    {
        var (exitCode, _, error) = await Upcoming(option);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--days: '0' must be a whole number of days from 1 to 3660", "--days", "0")]
    [InlineData("--from: 9999-12-31 and the default 90 days would end after 9999-12-31, the last date served", "--from", "9999-12-31")]
    [InlineData("--from: '0000-01-01' is not a date: years start at 0001", "--from", "0000-01-01")]
    [InlineData("--to: '0000-01-01' is not a date: years start at 0001", "--to", "0000-01-01")]
    [InlineData("--days: 3660 days from 9990-01-01 would end after 9999-12-31", "--from", "9990-01-01", "--days", "3660")]
    [InlineData("--country: 'QQ' is not a known ISO 3166-1 alpha-2 country code", "--country", "XA", "--country", "QQ")]
    public async Task ABadValue_PrintsTheEndpointsMessageForTheOption_AndExitsTwo(string message, params string[] arguments)
    {
        var (exitCode, output, error) = await Upcoming(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task TheLastMonthOfTheCalendar_IsAnswered()
    {
        var (exitCode, output, error) = await Upcoming("--from", "9999-12-01", "--days", "31");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("1 event(s) from 9999-12-01 to 9999-12-31", output, StringComparison.Ordinal);
        Assert.Contains("December 9999", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_WordsTheTableInRussian_AndAnUnknownOneIsAUsageError()
    {
        _facts.Write("italy.yaml", FactsFiles.KazakhstanItaly);

        var russian = await Upcoming("--from", "2027-08-21", "--days", "1", "--country", "IT", "--lang", "ru", "--Calendar:Today", "2027-08-14");
        var unknown = await Upcoming("--lang", "de", "--Calendar:Today", "2027-08-14");

        Assert.True(russian.ExitCode == 0, russian.Error);
        Assert.Contains("21 августа 2027 года", russian.Output, StringComparison.Ordinal);
        Assert.Contains("35-летие установления дипломатических отношений между Казахстаном и Италией", russian.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--lang: unknown language 'de': expected one of en, ru, kk", unknown.Error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Upcoming(params string[] arguments) =>
        ServiceProcess.RunAsync(_facts.Path, ["upcoming", .. arguments, $"--Calendar:FactsPath={_facts.Path}", $"--Calendar:DataPath={_facts.Path}/data"]);
}
