using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Storage;

/// <summary>The service's SQLite database, <c>calendar.db</c> in <c>Calendar:DataPath</c>; the schema is brought up to date on start.</summary>
internal sealed partial class CalendarDatabase
{
    private readonly string _connectionString;
    private readonly IEnumerable<Migration> _migrations;
    private readonly ILogger<CalendarDatabase> _logger;

    public CalendarDatabase(IOptions<CalendarOptions> options, IEnumerable<Migration> migrations, ILogger<CalendarDatabase> logger)
    {
        var folder = Path.GetFullPath(options.Value.DataPath);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "calendar.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pooling keeps the file open between commands; writers wait for each other instead of failing at once.
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _migrations = migrations;
        _logger = logger;
    }

    public string FilePath { get; }

    /// <summary>An open connection; WAL lets the page read while a job writes.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Applies every migration not yet applied, each in its own transaction.</summary>
    public void Migrate()
    {
        using var connection = Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT id FROM schema_migrations";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var migration in _migrations.OrderBy(m => m.Id, StringComparer.Ordinal).Where(m => !applied.Contains(m.Id)))
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Sql + ";\nINSERT INTO schema_migrations (id, applied_at) VALUES ($id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
            command.Parameters.AddWithValue("$id", migration.Id);
            command.ExecuteNonQuery();
            transaction.Commit();
            LogApplied(migration.Id, FilePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migration {Id} applied to {File}")]
    private partial void LogApplied(string id, string file);
}
