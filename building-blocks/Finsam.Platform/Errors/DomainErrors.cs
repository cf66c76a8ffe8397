namespace Finsam.Platform.Errors;

/// <summary>
/// Failures the application layer reports without knowing about gRPC. Each carries a stable reason
/// (google.rpc.ErrorInfo.reason) that callers can branch on, and a Swedish message for people.
/// </summary>
public abstract class DomainErrorException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}

/// <summary>ALREADY_EXISTS / 409: the thing to create is there already.</summary>
public sealed class AlreadyExistsException(string reason, string message) : DomainErrorException(reason, message);

/// <summary>NOT_FOUND / 404.</summary>
public sealed class NotFoundException(string reason, string message) : DomainErrorException(reason, message);

/// <summary>ABORTED / 409: someone else changed the resource first; read it again and retry.</summary>
public sealed class ConcurrencyConflictException(string reason, string message) : DomainErrorException(reason, message);

/// <summary>FAILED_PRECONDITION / 400: the request is well-formed but the resource's state forbids it.</summary>
public sealed class PreconditionFailedException(string reason, string message) : DomainErrorException(reason, message);

/// <summary>PERMISSION_DENIED / 403: the caller is known but may not do this (role, insats or missing consent).</summary>
public sealed class PermissionDeniedException(string reason, string message) : DomainErrorException(reason, message);

/// <summary>UNAVAILABLE / 503: a service this one depends on can't be reached; retrying later may work.</summary>
public sealed class ServiceUnavailableException(string reason, string message) : DomainErrorException(reason, message);
