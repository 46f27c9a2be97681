using System.Diagnostics;
using Calendar.Service.Facts;

namespace Calendar.Service.Tests.Facts;

/// <summary>What in a facts folder is not read: anything but a regular file, files over the limits, text that is not UTF-8.</summary>
public class FactsFolderTests
{
    [Fact]
    public async Task Load_AFifoNamedLikeAFactsFile_IsNamedAndNeverOpenedForAWriter()
    {
        using var facts = Folder();
        MakeFifo(Path.Combine(facts.Path, "x.yaml"));

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("x.yaml: file: is not a regular file but a named pipe (FIFO): skipped", Relative(error, facts));
    }

    [Fact]
    public async Task Load_ALinkToDevZero_IsNamedAndNotRead()
    {
        using var facts = Folder();
        File.CreateSymbolicLink(Path.Combine(facts.Path, "zero.yaml"), "/dev/zero");

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("zero.yaml: file: is not a regular file but a character device: skipped", Relative(error, facts));
    }

    [Fact]
    public async Task Load_ADanglingLink_IsNamed()
    {
        using var facts = Folder();
        File.CreateSymbolicLink(Path.Combine(facts.Path, "gone.yaml"), Path.Combine(facts.Path, "nowhere.yaml"));

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("gone.yaml: file: cannot be opened: No such file or directory", Relative(error, facts));
    }

    [Fact]
    public async Task Load_ALinkToAFile_IsFollowed_AndALinkToAFolderIsNot()
    {
        using var facts = Folder();
        using var elsewhere = new TempFolder();
        var target = elsewhere.Write("more.yaml", FactsFiles.Relations(id: "xa-xb-more"));
        File.CreateSymbolicLink(Path.Combine(facts.Path, "more.yaml"), target);
        // A loop: listed through the link, every file would come again, 40 links deep.
        Directory.CreateSymbolicLink(Path.Combine(facts.Path, "again"), facts.Path);

        var load = await LoadAsync(facts);

        Assert.Empty(load.Errors);
        Assert.Equal(["xa-xb-more", "xa-xb-relations"], load.Facts!.Facts.Select(f => f.Id).Order());
    }

    [Fact]
    public async Task Load_AFileOverTheSizeLimit_IsNamedAndSkipped()
    {
        using var facts = Folder();
        facts.Write("big.yaml", FactsFiles.Relations(id: "xa-xb-big") + "#" + new string('x', FactsLimits.MaxFileBytes));

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("big.yaml: file: is larger than 5 MB: skipped (a facts file holds a few kilobytes)", Relative(error, facts));
    }

    [Fact]
    public async Task Load_FilesOverTheTotalLimit_NameTheFileThatGoesOver()
    {
        using var facts = Folder();
        var padding = "#" + new string('x', 4 * 1024 * 1024) + "\n";
        for (var i = 1; i <= 5; i++)
        {
            facts.Write($"part{i}.yaml", padding + FactsFiles.Relations(id: $"xa-xb-part-{i}"));
        }

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("part5.yaml: file: takes the facts folder over 20 MB in all: skipped", Relative(error, facts));
    }

    [Fact]
    public async Task Load_TextThatIsNotUtf8_NamesTheFileLineAndByte()
    {
        using var facts = Folder();
        var bytes = "countries:\n  XA: Xanadu\n  XB: Brobdingnag_\n"u8.ToArray();
        bytes[^2] = 0xE9;
        File.WriteAllBytes(Path.Combine(facts.Path, "latin1.yaml"), bytes);

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("latin1.yaml:3: encoding: not valid UTF-8: byte 0xE9 at offset 41; save the file as UTF-8", Relative(error, facts));
    }

    [Fact]
    public async Task Load_AByteOrderMark_IsAccepted_AndInvalidBytesAfterItAreCountedFromTheFileStart()
    {
        using var facts = Folder();
        File.WriteAllBytes(Path.Combine(facts.Path, "bom.yaml"), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(FactsFiles.Relations(id: "xa-xb-bom", title: "Қазақстан"))]);
        File.WriteAllBytes(Path.Combine(facts.Path, "bad.csv"), [0xEF, 0xBB, 0xBF, (byte)'a', 0xFF]);

        var error = Assert.Single((await LoadAsync(facts)).Errors);

        Assert.Equal("bad.csv:1: encoding: not valid UTF-8: byte 0xFF at offset 4; save the file as UTF-8", Relative(error, facts));
    }

    [Fact]
    public async Task Load_OneUnreadableFile_StillReportsTheErrorsOfTheOthers()
    {
        using var facts = Folder();
        MakeFifo(Path.Combine(facts.Path, "a.yaml"));
        facts.Write("b.yaml", FactsFiles.Relations(id: "xa-xb-b", date: "1993-02-30"));

        var errors = (await LoadAsync(facts)).Errors.Select(error => Relative(error, facts));

        Assert.Equal(["a.yaml: file: is not a regular file but a named pipe (FIFO): skipped", "b.yaml:8: facts[0].date: '1993-02-30' is not a date: The day 30 is out of range in month 2 of year 1993."], errors);
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A folder with one valid file, so that what the test adds is the only problem.</summary>
    private static TempFolder Folder()
    {
        var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        return facts;
    }

    /// <summary>Loads off the test's thread: a load that hangs fails the test rather than the run.</summary>
    private static Task<FactsLoad> LoadAsync(TempFolder facts) =>
        Task.Run(() => FactsLoader.Load(new FactsFolder(facts.Path), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>The error as printed, with the file relative to the facts folder.</summary>
    private static string Relative(FactError error, TempFolder facts) =>
        (error with { File = Path.GetRelativePath(facts.Path, error.File) }).ToString();
}
