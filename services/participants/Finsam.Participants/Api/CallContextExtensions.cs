using Finsam.Participants.Application.Access;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Grpc.Core;

namespace Finsam.Participants.Api;

public static class CallContextExtensions
{
    /// <summary>The caller from the validated token and the purpose from the x-finsam-purpose header.</summary>
    public static AccessContext GetAccessContext(this ServerCallContext context)
    {
        // Who calls is settled first: a caller the token doesn't establish gets UNAUTHENTICATED, not a
        // verdict on its headers.
        var caller = context.GetCaller();
        var purpose = context.RequestHeaders.GetValue(AccessPurposes.HeaderName);
        if (string.IsNullOrEmpty(purpose))
        {
            purpose = AccessPurposes.Handlaggning;
        }
        else if (!AccessPurposes.All.Contains(purpose))
        {
            throw new ValidationFailedException([new FieldViolation(
                AccessPurposes.HeaderName,
                "Okänt ändamål: välj handlaggning, uppfoljning, registerutdrag, gallring, tillsyn eller support.")]);
        }

        return new AccessContext(caller, purpose);
    }
}
