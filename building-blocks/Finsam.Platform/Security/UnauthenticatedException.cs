namespace Finsam.Platform.Security;

/// <summary>UNAUTHENTICATED / 401: no caller could be established.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);
