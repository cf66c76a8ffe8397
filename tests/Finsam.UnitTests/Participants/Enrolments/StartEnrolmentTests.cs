using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class StartEnrolmentTests : EnrolmentTestBase
{
    [Fact]
    public async Task Identified_start_is_stored_and_publishes_the_start_facts()
    {
        var participant = await ConsentingPersonAsync(new DateOnly(1990, 6, 15), Gender.Man);

        var enrolment = await StartAsync(Identified(participant.Id));

        var stored = await Repository.GetAsync(enrolment.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(participant.Id, stored.ParticipantId);
        Assert.Equal(28, stored.PlanDeadlineDays);
        Assert.Equal(new DateOnly(2026, 3, 30), stored.PlanDueOn);
        Assert.Equal(["Karin Berg"], stored.Start.ContactPersons);
        var started = Assert.IsType<EnrolmentStarted>(Assert.Single(await EventsAsync()));
        Assert.Equal(enrolment.Id, started.EnrolmentId);
        Assert.Equal(participant.Id, started.ParticipantId);
        Assert.Equal(InsatsA, started.InsatsId);
        Assert.Equal(Today, started.StartDate);
        Assert.False(started.Anonymous);
        Assert.Equal("man", started.Gender);
        Assert.Equal(1990, started.BirthYear);
        Assert.Equal("35-39", started.AgeBand);
        Assert.Equal(["sjukpenning", "forsorjningsstod"], started.ForsorjningAtStart);
        Assert.Equal("sjukskriven", started.SysselsattningAtStart);
        Assert.Equal("gymnasium", started.EducationLevel);
        Assert.Equal(4, started.YearsInSupport);
        Assert.Null(started.ReferringAgency);
    }

    [Fact]
    public async Task Age_band_uses_the_exact_age_on_the_start_date()
    {
        // 35 on 3 March 2026: still 34 on the start date.
        var participant = await ConsentingPersonAsync(new DateOnly(1991, 3, 3));

        await StartAsync(Identified(participant.Id));

        Assert.Equal("30-34", Assert.Single(await EventsAsync<EnrolmentStarted>()).AgeBand);
    }

    [Fact]
    public async Task All_field_violations_come_at_once_with_proto_field_names()
    {
        var command = new StartEnrolmentCommand(
            "not-a-uuid", "", "some-participant", null, null, null,
            ["A", "B", "C"], ["sjukpenning", "bidrag"], "sovande", "doktor", 61);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(command));

        Assert.Equal(
            ["contact_persons", "education_level", "forsorjning_at_start", "insats_id", "request_id", "start_date", "sysselsattning_at_start", "years_in_support"],
            Fields(ex));
        Assert.Contains("sjukpenning", ex.Violations.Single(v => v.Field == "forsorjning_at_start").Description, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Identified_person_needs_at_least_one_forsorjning()
    {
        var participant = await ConsentingPersonAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id, forsorjning: [])));

        Assert.Equal("forsorjning_at_start", Field(ex));
    }

    [Fact]
    public async Task Contact_person_longer_than_one_hundred_characters_is_refused()
    {
        var participant = await ConsentingPersonAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => StartAsync(Identified(participant.Id, contactPersons: [new string('k', 101)])));

        Assert.Equal("contact_persons", Field(ex));
    }

    [Fact]
    public async Task Start_up_to_thirty_days_ahead_is_allowed_and_not_further()
    {
        var participant = await RegisterAsync();
        await ConsentAsync(participant, Today);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id, startDate: Today.AddDays(31))));
        Assert.Equal("start_date", Field(ex));

        var enrolment = await StartAsync(Identified(participant.Id, startDate: Today.AddDays(30)));
        Assert.Equal(Today.AddDays(30), enrolment.Start.StartDate);
    }

    [Fact]
    public async Task Unknown_insats_is_invalid_argument_on_insats_id()
    {
        var participant = await ConsentingPersonAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id, "no-such-insats")));

        Assert.Equal("insats_id", Field(ex));
    }

    [Fact]
    public async Task Insats_that_enrols_nobody_is_a_failed_precondition_as_for_referrals()
    {
        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => StartAsync(AnonymousStart("insats-struktur"), ParticipantsHarness.As(Roles.Administrator, "admin")));

        Assert.Equal(CreateReferralHandler.ReasonInsatsHasNoParticipants, ex.Reason);
        Assert.Equal("INSATS_HAS_NO_PARTICIPANTS", ex.Reason);
    }

    [Fact]
    public async Task Without_consent_the_start_is_refused_naming_the_missing_samtycke()
    {
        var participant = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(Identified(participant.Id)));

        Assert.Equal(StartEnrolmentHandler.ReasonConsentRequired, ex.Reason);
        Assert.Equal("CONSENT_REQUIRED", ex.Reason);
        Assert.Contains("Samtycke saknas", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Consent_must_be_active_on_the_start_date()
    {
        var participant = await RegisterAsync();
        var consent = await ConsentAsync(participant, new DateOnly(2026, 1, 10));
        await Harness.Get<ConsentHandlers>().WithdrawAsync(Staff, new WithdrawConsentCommand(participant.Id, consent.Id, new DateOnly(2026, 2, 1)), Ct);

        var withdrawn = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(Identified(participant.Id)));
        Assert.Equal(StartEnrolmentHandler.ReasonConsentRequired, withdrawn.Reason);

        // A consent given today doesn't cover a start last month.
        await ConsentAsync(participant, Today);
        var early = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(Identified(participant.Id, startDate: new DateOnly(2026, 2, 15))));
        Assert.Equal(StartEnrolmentHandler.ReasonConsentRequired, early.Reason);

        Assert.NotNull(await StartAsync(Identified(participant.Id, startDate: Today)));
    }

    [Fact]
    public async Task A_returning_person_needs_consent_given_after_the_last_stay_ended()
    {
        var participant = await RegisterAsync();
        await ConsentAsync(participant, new DateOnly(2025, 9, 1));
        var first = await StartAsync(Identified(participant.Id, startDate: new DateOnly(2025, 9, 1)));
        await EndAsync(first, new DateOnly(2026, 1, 31));

        // The old consent is still in force, but it was given before the stay ended.
        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(Identified(participant.Id, InsatsB)));
        Assert.Equal(StartEnrolmentHandler.ReasonConsentRequired, ex.Reason);
        Assert.Contains("2026-01-31", ex.Message, StringComparison.Ordinal);

        // Given on the very day the stay ended doesn't count either.
        await ConsentAsync(participant, new DateOnly(2026, 1, 31));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(Identified(participant.Id, InsatsB)));

        await ConsentAsync(participant, new DateOnly(2026, 2, 20));
        var second = await StartAsync(Identified(participant.Id));

        Assert.NotEqual(first.Id, second.Id);
        var stays = await Repository.ListForParticipantAsync(participant.Id, Ct);
        Assert.Equal([first.Id, second.Id], stays.Select(s => s.Id));
    }

    [Fact]
    public async Task Anonymous_enrolment_carries_only_gender_and_age_band()
    {
        var enrolment = await StartAsync(AnonymousStart(gender: Gender.Woman, ageBand: "45-49"));

        Assert.True(enrolment.Anonymous);
        Assert.Null(enrolment.ParticipantId);
        var started = Assert.IsType<EnrolmentStarted>(Assert.Single(await EventsAsync()));
        Assert.Null(started.ParticipantId);
        Assert.True(started.Anonymous);
        Assert.Null(started.BirthYear);
        Assert.Equal("woman", started.Gender);
        Assert.Equal("45-49", started.AgeBand);
    }

    [Fact]
    public async Task Anonymous_enrolment_refuses_each_fact_beyond_gender_and_age_band_by_name()
    {
        var command = AnonymousStart() with
        {
            ReferralId = Guid.NewGuid().ToString(),
            ContactPersons = ["Karin Berg"],
            ForsorjningAtStart = ["sjukpenning"],
            SysselsattningAtStart = "sjukskriven",
            EducationLevel = "gymnasium",
            YearsInSupport = 0,
        };

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(command));

        Assert.Equal(
            ["contact_persons", "education_level", "forsorjning_at_start", "referral_id", "sysselsattning_at_start", "years_in_support"],
            Fields(ex));
        Assert.All(ex.Violations, v => Assert.Contains("anonym inskrivning registrerar bara kön och åldersgrupp", v.Description, StringComparison.Ordinal));
        Assert.Empty(await Repository.ListActiveInInsatsAsync(InsatsA, Ct));
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Anonymous_enrolment_stores_no_start_facts()
    {
        var enrolment = await StartAsync(AnonymousStart());

        var stored = (await Repository.GetAsync(enrolment.Id, Ct))!;
        Assert.Null(stored.ReferralId);
        Assert.Empty(stored.Start.ContactPersons);
        Assert.Empty(stored.Start.ForsorjningAtStart);
        Assert.Equal((null, null, null), (stored.Start.SysselsattningAtStart, stored.Start.EducationLevel, stored.Start.YearsInSupport));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Identified_person_needs_one_or_two_contact_persons(int count)
    {
        var participant = await ConsentingPersonAsync();
        var contacts = Enumerable.Range(1, count).Select(i => $"Kontakt {i}").ToList();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id, contactPersons: contacts)));

        Assert.Equal("contact_persons", Field(ex));
        Assert.Contains("mellan 1 och 2", ex.Violations[0].Description, StringComparison.Ordinal);
        var two = await StartAsync(Identified(participant.Id, contactPersons: ["Karin Berg", "Per Ek"]));
        Assert.Equal(["Karin Berg", "Per Ek"], two.Start.ContactPersons);
    }

    [Fact]
    public async Task Start_before_the_fifteenth_birthday_is_refused_on_start_date()
    {
        // Turns 15 on 10 March 2026, eight days after "today".
        var participant = await RegisterAsync(new DateOnly(2011, 3, 10));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id)));

        Assert.Equal("start_date", Field(ex));
        Assert.Contains("2026-03-10", ex.Violations[0].Description, StringComparison.Ordinal);
        await ConsentAsync(participant, Today);
        var enrolment = await StartAsync(Identified(participant.Id, startDate: new DateOnly(2026, 3, 10)));
        Assert.Equal("15-19", enrolment.AgeBand);
    }

    [Fact]
    public async Task Start_before_birth_is_refused_on_start_date()
    {
        var participant = await RegisterAsync(new DateOnly(2026, 2, 1));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(Identified(participant.Id, startDate: new DateOnly(2026, 1, 15))));

        Assert.Equal("start_date", Field(ex));
        Assert.Contains("födelsedatum (2026-02-01)", ex.Violations[0].Description, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task After_gallring_the_age_bound_falls_back_on_the_birth_year()
    {
        var participant = await RegisterAsync(new DateOnly(2011, 8, 20));
        participant.Personnummer = null;
        var violations = new List<FieldViolation>();

        StartDateRules.CheckAge(participant, new DateOnly(2025, 12, 31), violations);
        StartDateRules.CheckAge(participant, new DateOnly(2010, 12, 31), violations);
        // Some day in 2026 is the birthday; without the date nothing in 2026 is certainly too early.
        StartDateRules.CheckAge(participant, new DateOnly(2026, 1, 1), violations);

        Assert.Equal(["start_date", "start_date"], violations.Select(v => v.Field));
        Assert.Contains("under 15", violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("födelseår (2011)", violations[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_enrolment_needs_gender_and_a_known_age_band()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(AnonymousStart(gender: null, ageBand: "30-40")));

        Assert.Equal(["anonymous.age_band", "anonymous.gender"], Fields(ex));
    }

    [Fact]
    public async Task Either_a_participant_or_an_anonymous_person_not_both_nor_neither()
    {
        var participant = await ConsentingPersonAsync();
        var both = Identified(participant.Id) with { Anonymous = new AnonymousPerson(Gender.Man, "30-34") };
        var neither = AnonymousStart() with { Anonymous = null };

        Assert.Equal("anonymous", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(both))));
        Assert.Equal("participant_id", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(neither))));
    }

    [Fact]
    public async Task Anonymous_people_can_be_enrolled_many_times_in_one_insats()
    {
        await StartAsync(AnonymousStart());
        await StartAsync(AnonymousStart());

        Assert.Equal(2, (await Repository.ListActiveInInsatsAsync(InsatsA, Ct)).Count);
    }

    [Fact]
    public async Task Person_with_skyddade_personuppgifter_is_enrolled_but_anonymous_downstream()
    {
        var participant = await ConsentingPersonAsync(protectedIdentity: true);

        var enrolment = await StartAsync(Identified(participant.Id));

        Assert.Equal(participant.Id, enrolment.ParticipantId);
        Assert.True(enrolment.AnonymousDownstream);
        var started = Assert.IsType<EnrolmentStarted>(Assert.Single(await EventsAsync()));
        Assert.Null(started.ParticipantId);
        Assert.True(started.Anonymous);
        Assert.Null(started.BirthYear);
        Assert.Equal("35-39", started.AgeBand);
        // Counted, never described: the start facts stay in the service, as for an anonymous stay.
        Assert.Equal(["sjukpenning", "forsorjningsstod"], enrolment.Start.ForsorjningAtStart);
        Assert.Empty(started.ForsorjningAtStart);
        Assert.Equal((null, null, null, null), (started.SysselsattningAtStart, started.EducationLevel, started.YearsInSupport, started.ReferringAgency));
    }

    [Fact]
    public async Task Someone_already_active_in_the_insats_is_already_exists()
    {
        var participant = await ConsentingPersonAsync();
        await StartAsync(Identified(participant.Id));

        var ex = await Assert.ThrowsAsync<AlreadyExistsException>(() => StartAsync(Identified(participant.Id)));

        Assert.Equal(StartEnrolmentHandler.ReasonAlreadyActive, ex.Reason);
        Assert.Single(await EventsAsync());
        // Another insats is another stay.
        Assert.NotNull(await StartAsync(Identified(participant.Id, InsatsB)));
    }

    [Fact]
    public async Task Concurrent_starts_for_the_same_person_and_insats_store_one()
    {
        var participant = await ConsentingPersonAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await StartAsync(Identified(participant.Id));
                return "started";
            }
            catch (AlreadyExistsException)
            {
                return "already-exists";
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "started"));
        Assert.Equal(7, outcomes.Count(o => o == "already-exists"));
        Assert.Single(await Repository.ListForParticipantAsync(participant.Id, Ct));
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task The_unique_index_alone_refuses_a_second_active_stay()
    {
        // As if two requests passed the handler's check at once: the store itself refuses the second.
        var participant = await ConsentingPersonAsync();
        var first = await StartAsync(Identified(participant.Id));
        var twin = await Repository.GetAsync(first.Id, Ct);
        var copy = new Enrolment
        {
            Id = Enrolment.NewId(),
            InsatsId = twin!.InsatsId,
            ParticipantId = twin.ParticipantId,
            AnonymousDownstream = false,
            Gender = twin.Gender,
            AgeBand = twin.AgeBand,
            Start = twin.Start,
            StartedBy = twin.StartedBy,
            StartedAt = twin.StartedAt,
        };

        await Assert.ThrowsAsync<EnrolmentAlreadyActiveException>(() => Repository.AddAsync(copy, $"auto:{copy.Id}", [], Ct));
    }

    [Fact]
    public async Task Same_request_id_twice_returns_the_first_enrolment()
    {
        var participant = await ConsentingPersonAsync();
        var requestId = Guid.NewGuid().ToString();

        var first = await StartAsync(Identified(participant.Id, requestId: requestId));
        var second = await StartAsync(Identified(participant.Id, requestId: requestId));

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Staff_of_another_insats_may_not_enrol_and_the_denial_is_logged()
    {
        var participant = await ConsentingPersonAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => StartAsync(Identified(participant.Id), OtherInsatsStaff));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        var entry = (await Harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct)).Last();
        Assert.Equal(AccessActions.StartEnrolment, entry.Action);
        Assert.Equal(AccessOutcome.Denied, entry.Outcome);
        Assert.Empty(await EventsAsync());
    }

    [Theory]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Insatsansvarig)]
    [InlineData(Roles.AgencySystem)]
    public async Task Roles_that_do_not_work_with_participants_may_not_enrol(string role)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => StartAsync(AnonymousStart(), ParticipantsHarness.As(role, "someone", role == Roles.AgencySystem ? "fk" : null, InsatsA)));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
    }

    [Fact]
    public async Task Start_is_in_the_access_log_and_opens_the_person_to_the_insats_staff()
    {
        var participant = await ConsentingPersonAsync();
        var colleague = ParticipantsHarness.As(Roles.Deltagaransvarig, "colleague", null, InsatsA);
        await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Harness.Get<Finsam.Participants.Application.Registry.GetParticipantHandler>().HandleAsync(colleague, participant.Id, Ct));

        await StartAsync(Identified(participant.Id));

        Assert.Contains(await Harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct),
            e => e.Action == AccessActions.StartEnrolment && e.Outcome == AccessOutcome.Allowed && e.Subject == "samordnare-1");
        var read = await Harness.Get<Finsam.Participants.Application.Registry.GetParticipantHandler>().HandleAsync(colleague, participant.Id, Ct);
        Assert.Equal(participant.Id, read.Id);
    }

    [Fact]
    public async Task Unknown_participant_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => StartAsync(Identified(Guid.NewGuid().ToString())));
    }
}
