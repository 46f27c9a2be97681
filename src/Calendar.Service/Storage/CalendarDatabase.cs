using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Calendar.Service.Storage;

/// <summary>
/// The service's state: SQLite (<c>calendar.db</c> in <c>Calendar:DataPath</c>) or PostgreSQL (<c>Calendar:Database</c>).
/// The one place that opens connections; the stores run portable SQL on them with Dapper.
/// </summary>
internal sealed partial class CalendarDatabase : IDisposable
{
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;
    private readonly SchemaMigrations _migrations;
    private readonly ILogger<CalendarDatabase> _logger;
    private readonly Lock _migrating = new();
    private bool _migrated;

    static CalendarDatabase()
    {
        // Columns are snake_case (the same in both engines), properties PascalCase: lead_days fills LeadDays.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public CalendarDatabase(IOptions<DatabaseOptions> database, IOptions<CalendarOptions> calendar, IEnumerable<Migration> migrations, ILogger<CalendarDatabase> logger)
    {
        Provider = database.Value.Provider;
        Dialect = new SqlDialect(Provider);
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(database.Value.ConnectionString!);
            var where = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString);
            Description = $"PostgreSQL database {where.Database ?? where.Username} on {where.Host}:{where.Port}";
        }
        else
        {
            var folder = Path.GetFullPath(calendar.Value.DataPath);
            Directory.CreateDirectory(folder);
            FilePath = Path.Combine(folder, "calendar.db");
            _sqlite = SqliteConnectionString(FilePath);
            Description = $"SQLite database {FilePath}";
        }

        _migrations = new SchemaMigrations(this, migrations);
        _logger = logger;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where SQLite and PostgreSQL differ.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>Which database, for messages: never the password.</summary>
    public string Description { get; }

    /// <summary>An open connection to the configured database.</summary>
    public DbConnection Open()
    {
        if (_postgres is not null)
        {
            return _postgres.OpenConnection();
        }

        var connection = new SqliteConnection(_sqlite);
        connection.Open();
        Durable(connection);
        return connection;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        Durable(connection);
        return connection;
    }

    /// <summary>Brings the schema up to date, once per process, whatever else starts at the same moment.</summary>
    /// <exception cref="DatabaseTooNewException">The database holds a step this build does not know.</exception>
    public void Migrate()
    {
        lock (_migrating)
        {
            if (_migrated)
            {
                return;
            }

            foreach (var id in _migrations.Apply())
            {
                LogApplied(id, Description);
            }

            _migrated = true;
        }
    }

    public void Dispose() => _postgres?.Dispose();

    /// <summary>Foreign keys on, and a writer that finds the file locked waits (up to 30 s) instead of failing at once.</summary>
    /// <remarks>Pooling keeps the file open between commands; WAL (set once by <see cref="SchemaMigrations"/>) lets the page read while a job writes.</remarks>
    public static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        ForeignKeys = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>A commit survives the process being killed, without waiting for the disk each time.</summary>
    /// <remarks>
    /// In WAL mode, <c>synchronous = NORMAL</c> writes each commit to the log and syncs at checkpoints: a killed
    /// process loses nothing it committed; only the machine losing power can take back the last commits
    /// (sqlite.org/pragma.html#pragma_synchronous). With FULL, each reminder's mark waited for a disk sync, which
    /// took longer than sending the reminder. The setting belongs to the connection, so every open sets it.
    /// </remarks>
    private static void Durable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL";
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migration {Id} applied to the {Database}")]
    private partial void LogApplied(string id, string database);
}
