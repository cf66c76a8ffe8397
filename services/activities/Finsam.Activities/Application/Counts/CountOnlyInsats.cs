using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Counts;

/// <summary>Counts by gender belong to count-only insatser: the others record their participants one by one.</summary>
public static class CountOnlyInsats
{
    public const string ReasonNotCountOnly = "NOT_COUNT_ONLY";

    /// <summary>The insats; NOT_FOUND when there is none, FAILED_PRECONDITION (NOT_COUNT_ONLY) when it is of another kind.</summary>
    public static async Task<Insats> LoadAsync(IInsatsRepository insatser, string insatsId, CancellationToken cancellationToken)
    {
        var insats = await insatser.GetAsync(insatsId, cancellationToken)
            ?? throw new NotFoundException(CatalogueHandlers.ReasonNotFound, "Insatsen finns inte.");
        if (insats.Kind != InsatsKind.CountOnly)
        {
            throw new PreconditionFailedException(
                ReasonNotCountOnly,
                $"Insatsen ”{insats.Name}” är {KindLabel(insats.Kind)}: antal per kön registreras bara för insatser av typen "
                + "endast antal (pinnstatistik).");
        }

        return insats;
    }

    private static string KindLabel(InsatsKind kind) => kind switch
    {
        InsatsKind.Individual => "en individuell insats",
        InsatsKind.GroupCourse => "gruppverksamhet",
        _ => "en strukturinsats",
    };
}
