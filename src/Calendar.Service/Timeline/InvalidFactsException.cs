using Calendar.Service.Facts;

namespace Calendar.Service.Timeline;

/// <summary>Thrown at start-up only: the service does not start on facts it cannot read.</summary>
internal sealed class InvalidFactsException(IReadOnlyList<FactError> errors)
    : Exception($"The facts are invalid ({errors.Count} error(s)):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<FactError> Errors { get; } = errors;
}
