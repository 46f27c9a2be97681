using System.Text.RegularExpressions;
using Npgsql;

namespace Calendar.Service.Tests.Replicas;

/// <summary>An orchestrator starts every replica at once; on an empty database, one of them migrates it and the others wait.</summary>
public partial class ReplicaMigrationTests
{
    [Fact]
    public async Task TwoReplicasStartedAtTheSameMoment_OnAnEmptyDatabase_MigrateItOnce_AndBothServe()
    {
        await using var replicas = await ReplicaSet.CreateAsync();
        replicas.WriteFacts("facts.yaml", ReplicaFailoverTests.VisitInAWeek());
        // The storage's log line for each step it applies, which the default Warning level hides.
        replicas.With("Logging__LogLevel__Calendar.Service.Storage", "Information");

        var started = await replicas.StartAllAsync("replica-a", "replica-b");

        var applied = started.SelectMany(replica => Applied().Matches(replica.Output).Select(match => match.Groups["id"].Value)).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(applied.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        await using var connection = new NpgsqlConnection(replicas.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("SELECT id FROM schema_migrations ORDER BY id", connection);
        var recorded = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                recorded.Add(reader.GetString(0));
            }
        }

        Assert.Equal(applied.Order(StringComparer.Ordinal), recorded);
        foreach (var replica in started)
        {
            using var response = await replica.Client.GetAsync(new Uri("calendar.ics", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [GeneratedRegex(@"Database migration (?<id>\S+) applied")]
    private static partial Regex Applied();
}
