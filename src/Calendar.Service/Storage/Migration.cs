namespace Calendar.Service.Storage;

/// <summary>One step of the database schema, applied once, identified by a name that says which feature owns it.</summary>
/// <remarks>
/// Named rather than numbered (<c>reminders-001-subscriptions</c>) so that features add steps without
/// coordinating a sequence. Steps are applied in order of <see cref="Id"/>; never edit one that has shipped: add another.
/// A database that holds a step this build does not know was migrated by a newer build, and is refused: steps never
/// run backwards.
/// </remarks>
/// <param name="Id">The step's name, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The step, for SQLite, and for PostgreSQL too unless <paramref name="Postgres"/> says otherwise.</param>
/// <param name="Postgres">
/// The step for PostgreSQL where SQL must differ. PostgreSQL support began with this schema's
/// <c>reminders-006</c>: no PostgreSQL database ever held data from before it, so its variants of earlier steps create
/// tables and leave out SQLite's data fixes.
/// </param>
internal sealed record Migration(string Id, string Sql, string? Postgres = null)
{
    public string SqlFor(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres ?? Sql : Sql;
}
