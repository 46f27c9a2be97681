using Calendar.Service.Storage;

namespace Calendar.Service.Tests.Storage;

public class CalendarDatabaseTests
{
    [Fact]
    public void Start_CreatesTheDatabaseInTheDataFolder_AndAppliesEachMigrationOnce()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var data = new TempFolder();
        var dataPath = Path.Combine(data.Path, "not-yet-created");

        for (var run = 0; run < 2; run++)
        {
            using var app = new CalendarApplication(facts.Path)
                .With("Calendar:DataPath", dataPath)
                .WithServices(services => services.AddMigration("test-001-notes", "CREATE TABLE test_notes (text TEXT NOT NULL)"));
            var database = app.Get<CalendarDatabase>();

            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_migrations WHERE id = 'test-001-notes'";
            Assert.Equal(1L, command.ExecuteScalar());
            Assert.Equal(Path.Combine(dataPath, "calendar.db"), database.FilePath);
        }
    }
}
