using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Infrastructure.Surveys;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

public static class SurveysServiceCollectionExtensions
{
    /// <summary>The deltagarenkät: instruments (seeded at start), answers unlinked from the person, the summary.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<ISurveyInstruments, DocumentSurveyInstruments>();
        services.AddSingleton<ISurveyAnswers, DocumentSurveyAnswers>();
        services.AddScoped<ListSurveyInstrumentsHandler>();
        services.AddScoped<GetSurveyInstrumentHandler>();
        services.AddScoped<DefineSurveyInstrumentVersionHandler>();
        services.AddScoped<SubmitSurveyAnswerHandler>();
        services.AddScoped<SummarizeSurveyAnswersHandler>();
        services.AddFinsamStorageInitializer(DocumentSurveyInstruments.EnsureIndexesAsync);
        services.AddFinsamStorageInitializer(DocumentSurveyAnswers.EnsureIndexesAsync);
        services.AddFinsamStorageInitializer(SurveyInstrumentSeed.EnsureSeededAsync);
        return services;
    }
}
