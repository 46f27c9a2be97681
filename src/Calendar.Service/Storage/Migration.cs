namespace Calendar.Service.Storage;

/// <summary>One step of the database schema, applied once, identified by a name that says which feature owns it.</summary>
/// <remarks>
/// Named rather than numbered (<c>reminders-001-subscriptions</c>) so that features add steps without
/// coordinating a sequence. Steps are applied in order of <see cref="Id"/>; never edit one that has shipped: add another.
/// </remarks>
internal sealed record Migration(string Id, string Sql);
