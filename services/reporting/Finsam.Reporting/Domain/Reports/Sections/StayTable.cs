using System.Runtime.InteropServices;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Persons;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// The scope's counted stays (not parked, of the insats or of all) as one table the sections share, made in one pass
/// over the stays per report: each stay has a row number, and per row the table keeps its days, its insats and its
/// person as numbers. The sections count by row number, so a figure is a walk over a few int arrays rather than over
/// 150,000 stay objects, and a unique-person count marks person numbers in an array rather than hashing up to
/// 100,000 participant ids per figure.
/// </summary>
/// <remarks>
/// The period tests are the ones <see cref="PeriodCounts"/> states, on day numbers (a running stay's end is <see cref="Running"/>,
/// after every day), so a section's "ended" is always the flow figure's "avslutade". Persons are numbered on first
/// use, so stays no figure asks about never look their participant up; an anonymous stay is a person of its own (it
/// can't be matched to any other), as <see cref="StayCount"/> states. A person's gender as it now stands is looked
/// up once, when first asked for. Rows are in the order of the stay book.
/// </remarks>
internal sealed class StayTable
{
    /// <summary>The end day of a stay still running: after every period.</summary>
    private const int Running = int.MaxValue;

    /// <summary>The insats number of a counted stay that names none (never so for a stay with a start; kept out of every insats).</summary>
    public const int NoInsats = -1;

    private readonly PersonBook _persons;
    private readonly ReportPeriod _period;
    private readonly Stay[] _stays;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool[] _anonymous;
    private readonly int[] _insats;
    private readonly TextNumbers _insatsNumbers = new();
    private readonly int[] _person; // the row's person number + 1; 0 while not yet asked about
    private readonly Dictionary<string, int> _personNumbers;

    // Per person number: the participant id (null for an anonymous stay), and the corrected gender once looked up.
    private readonly List<string?> _participants;
    private readonly List<(bool Known, string? Gender)> _corrected;

    private int[]? _active;
    private int[]? _ended;
    private int[]? _endedInStatistics;
    private int[]? _byInsats;
    private int[]? _insatsStarts;

    /// <summary>Works the table out for the input's scope, in one pass over the stay book.</summary>
    /// <remarks>
    /// The arrays are made for every stay of the book, so the one pass needn't count the scope first: a walk over the
    /// stays costs a cache miss or two per stay, and a second walk would cost them again.
    /// </remarks>
    private StayTable(ReportInput input)
    {
        _persons = input.Model.Persons;
        _period = input.Period;
        var book = input.Model.Stays.Stays;
        _stays = new Stay[book.Count];
        _start = new int[book.Count];
        _end = new int[book.Count];
        _anonymous = new bool[book.Count];
        _insats = new int[book.Count];
        _person = new int[book.Count];
        var row = 0;
        foreach (var stay in book)
        {
            var insatsId = stay.InsatsId;
            if (!input.InScope(insatsId))
            {
                continue;
            }

            if (stay.IsParked)
            {
                Parked++;
                continue;
            }

            _stays[row] = stay;
            _start[row] = stay.StartDate!.Value.DayNumber;
            _end[row] = stay.EndDate is { } end ? end.DayNumber : Running;
            _anonymous[row] = stay.Anonymous;
            _insats[row] = insatsId is null ? NoInsats : _insatsNumbers.NumberOf(insatsId);
            row++;
        }

        Count = row;

        // Made at their largest (a person per row) once: growing a dictionary of 100,000 ids rehashes them all again.
        _personNumbers = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        _participants = new List<string?>(Count);
        _corrected = new List<(bool Known, string? Gender)>(Count);
    }

    /// <summary>How many counted stays (rows) the scope has.</summary>
    public int Count { get; }

    /// <summary>The scope's stays whose start hasn't arrived: in no figure, counted so the report can say so.</summary>
    public int Parked { get; }

    /// <summary>The insatser the counted stays name, by insats number (in the order first named).</summary>
    public IReadOnlyList<string> InsatsIds => _insatsNumbers.Texts;

    /// <summary>The scope's counted stays in row order.</summary>
    public IReadOnlyList<Stay> Stays => new ArraySegment<Stay>(_stays, 0, Count);

    /// <summary>The counted stays active in the report's period (<see cref="IsActiveIn"/>), anonymous ones included.</summary>
    public int[] Active => _active ??= RowsWhere(row => IsActiveIn(row, _period));

    /// <summary>The counted stays ended in the report's period (<see cref="EndedIn"/>), anonymous ones included.</summary>
    public int[] Ended => _ended ??= RowsWhere(row => EndedIn(row, _period));

    /// <summary><see cref="Ended"/> without the anonymous stays: the individual-level sections' stays.</summary>
    public int[] EndedInStatistics => _endedInStatistics ??= [.. Ended.Where(row => !_anonymous[row])];

    /// <summary>Works the table out for the input's scope.</summary>
    public static StayTable Of(ReportInput input) => new(input);

    public Stay this[int row] => _stays[row];

    /// <summary>The stays of <paramref name="rows"/>, in their order.</summary>
    public IReadOnlyList<Stay> StaysOf(IReadOnlyList<int> rows) => [.. rows.Select(row => _stays[row])];

    public bool IsAnonymous(int row) => _anonymous[row];

    /// <summary>The insats number of <paramref name="insatsId"/>; <see cref="NoInsats"/> when no counted stay names it.</summary>
    public int InsatsNumberOf(string insatsId) => _insatsNumbers.Find(insatsId) ?? NoInsats;

    /// <summary>Some insatser by id, as a set of the table's insats numbers (ids no counted stay names are in no row).</summary>
    public InsatsSelection Select(IEnumerable<string> insatsIds)
    {
        var selected = new bool[InsatsIds.Count];
        foreach (var insatsId in insatsIds)
        {
            if (InsatsNumberOf(insatsId) is var number and not NoInsats)
            {
                selected[number] = true;
            }
        }

        return new InsatsSelection(selected);
    }

    /// <summary>The row's insats number (an index into <see cref="InsatsIds"/>), or <see cref="NoInsats"/>.</summary>
    public int InsatsOf(int row) => _insats[row];

    /// <summary>Aktuella: start ≤ to and (no end or end ≥ from).</summary>
    public bool IsActiveIn(int row, ReportPeriod period) => _start[row] <= period.To.DayNumber && _end[row] >= period.From.DayNumber;

    /// <summary>Nya: start date in the period.</summary>
    public bool StartedIn(int row, ReportPeriod period) => _start[row] >= period.From.DayNumber && _start[row] <= period.To.DayNumber;

    /// <summary>Avslutade: end date in the period.</summary>
    public bool EndedIn(int row, ReportPeriod period) => _end[row] >= period.From.DayNumber && _end[row] <= period.To.DayNumber;

    /// <summary>Still enrolled on the period's last day: an end ON that day is an ending, not "pågående".</summary>
    public bool IsActiveAtEndOf(int row, ReportPeriod period) => _start[row] <= period.To.DayNumber && _end[row] > period.To.DayNumber;

    /// <summary>
    /// Who the row is about, as a number from 0 to <see cref="Count"/> − 1: rows of one participant share it, an
    /// anonymous row has one of its own.
    /// </summary>
    public int PersonOf(int row)
    {
        var person = _person[row] - 1;
        if (person < 0)
        {
            person = _anonymous[row] ? NewPerson(null) : NumberOf(_stays[row].ParticipantId!);
            _person[row] = person + 1;
        }

        return person;
    }

    /// <summary>
    /// The gender as it now stands: the person's corrected gender when reporting knows the person, else the one the
    /// stay's start carried (always so for anonymous stays, which name no person), else "other".
    /// </summary>
    public string GenderOf(int row) =>
        (_anonymous[row] ? null : CorrectedGenderOf(PersonOf(row))) ?? _stays[row].Gender ?? ParticipantGenders.Other;

    /// <summary>The person's gender from the person book (null when it doesn't know them, and for an anonymous stay).</summary>
    public string? CorrectedGenderOf(int person)
    {
        var (known, gender) = _corrected[person];
        if (!known)
        {
            gender = _persons.GenderOf(_participants[person]);
            _corrected[person] = (true, gender);
        }

        return gender;
    }

    /// <summary>True when the row starts after <paramref name="other"/>, or on the same day with a greater enrolment id.</summary>
    public bool StartsLater(int row, int other) =>
        _start[row] > _start[other]
        || (_start[row] == _start[other] && string.CompareOrdinal(_stays[row].EnrolmentId, _stays[other].EnrolmentId) > 0);

    /// <summary>Every row, grouped by insats number (rows naming no insats last); within an insats in row order.</summary>
    public ReadOnlySpan<int> All
    {
        get
        {
            GroupByInsats();
            return _byInsats;
        }
    }

    /// <summary>The rows of one insats number, in row order.</summary>
    public ReadOnlySpan<int> RowsOf(int insats)
    {
        GroupByInsats();
        return _byInsats.AsSpan(_insatsStarts[insats], _insatsStarts[insats + 1] - _insatsStarts[insats]);
    }

    /// <summary>
    /// The four flow figures of <paramref name="rows"/> for the period, per enrolment and as unique persons, as
    /// <see cref="PeriodCounts"/> states them, in one pass. <paramref name="marks"/> is scratch, reused between calls.
    /// </summary>
    public PeriodCounts CountPeriod(ReadOnlySpan<int> rows, ReportPeriod period, FlowMarks marks)
    {
        marks.Clear();
        foreach (var row in rows)
        {
            if (IsActiveIn(row, period))
            {
                marks.Active.Add(PersonOf(row));
            }

            if (StartedIn(row, period))
            {
                marks.Started.Add(PersonOf(row));
            }

            if (EndedIn(row, period))
            {
                marks.Ended.Add(PersonOf(row));
            }

            if (IsActiveAtEndOf(row, period))
            {
                marks.ActiveAtEnd.Add(PersonOf(row));
            }
        }

        return new PeriodCounts(period, marks.Active.Count(), marks.Started.Count(), marks.Ended.Count(), marks.ActiveAtEnd.Count());
    }

    /// <summary>
    /// Each person among <paramref name="rows"/> once, in the order first met, with their latest-starting row
    /// (<see cref="StartsLater"/>) in <paramref name="latest"/>, in one pass: no group and sort per person.
    /// <paramref name="latest"/> is scratch, emptied first.
    /// </summary>
    public List<int> LatestRows(IEnumerable<int> rows, PersonSlots latest)
    {
        latest.Clear();
        var persons = new List<int>();
        foreach (var row in rows)
        {
            var person = PersonOf(row);
            if (!latest.TryGet(person, out var held))
            {
                latest.Set(person, row);
                persons.Add(person);
            }
            else if (StartsLater(row, held))
            {
                latest.Set(person, row);
            }
        }

        return persons;
    }

    private int NumberOf(string participantId)
    {
        ref var person = ref CollectionsMarshal.GetValueRefOrAddDefault(_personNumbers, participantId, out var known);
        if (!known)
        {
            person = NewPerson(participantId);
        }

        return person;
    }

    private int NewPerson(string? participantId)
    {
        _participants.Add(participantId);
        _corrected.Add((participantId is null, null));
        return _participants.Count - 1;
    }

    private int[] RowsWhere(Func<int, bool> predicate)
    {
        var rows = new List<int>();
        for (var row = 0; row < Count; row++)
        {
            if (predicate(row))
            {
                rows.Add(row);
            }
        }

        return [.. rows];
    }

    /// <summary>A counting sort of the rows by insats number: one array, each insats' rows a slice of it.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_byInsats), nameof(_insatsStarts))]
    private void GroupByInsats()
    {
        if (_byInsats is not null && _insatsStarts is not null)
        {
            return;
        }

        // Slot n + 1 of starts is where insats n's rows begin; the last slot takes the rows naming no insats.
        var groups = InsatsIds.Count + 1;
        var starts = new int[groups + 1];
        for (var row = 0; row < Count; row++)
        {
            starts[Slot(_insats[row]) + 1]++;
        }

        for (var g = 0; g < groups; g++)
        {
            starts[g + 1] += starts[g];
        }

        var next = starts[..groups];
        var byInsats = new int[Count];
        for (var row = 0; row < Count; row++)
        {
            byInsats[next[Slot(_insats[row])]++] = row;
        }

        _byInsats = byInsats;
        _insatsStarts = starts;

        int Slot(int insats) => insats == NoInsats ? groups - 1 : insats;
    }
}

/// <summary>Some of a <see cref="StayTable"/>'s insatser by number: whether a row is of one of them, without comparing ids per row.</summary>
internal sealed class InsatsSelection(bool[] selected)
{
    public bool Contains(int insats) => insats != StayTable.NoInsats && selected[insats];
}

/// <summary>
/// Which person numbers have been counted, for a unique-person figure: a mark per number instead of a hash set of
/// participant ids. Emptied in constant time (a new round), so one set serves many figures.
/// </summary>
internal sealed class PersonSet(int capacity)
{
    private readonly int[] _round = new int[capacity];
    private int _current = 1;
    private int _enrolments;
    private int _persons;

    /// <summary>Counts one enrolment of <paramref name="person"/>, and the person the first time: then true.</summary>
    public bool Add(int person)
    {
        _enrolments++;
        if (_round[person] == _current)
        {
            return false;
        }

        _round[person] = _current;
        _persons++;
        return true;
    }

    public StayCount Count() => new(_enrolments, _persons);

    public void Clear()
    {
        _current++;
        _enrolments = 0;
        _persons = 0;
    }
}

/// <summary>One value per person number (a row), for "each person's latest stay": emptied in constant time.</summary>
internal sealed class PersonSlots(int capacity)
{
    private readonly int[] _round = new int[capacity];
    private readonly int[] _values = new int[capacity];
    private int _current = 1;

    public bool TryGet(int person, out int value)
    {
        value = _values[person];
        return _round[person] == _current;
    }

    public int Get(int person) => _values[person];

    public void Set(int person, int value)
    {
        _round[person] = _current;
        _values[person] = value;
    }

    public void Clear() => _current++;
}

/// <summary>The four unique-person tallies of <see cref="StayTable.CountPeriod"/>, kept to be reused between periods and insatser.</summary>
internal sealed class FlowMarks(StayTable table)
{
    public PersonSet Active { get; } = new(table.Count);
    public PersonSet Started { get; } = new(table.Count);
    public PersonSet Ended { get; } = new(table.Count);
    public PersonSet ActiveAtEnd { get; } = new(table.Count);

    public void Clear()
    {
        Active.Clear();
        Started.Clear();
        Ended.Clear();
        ActiveAtEnd.Clear();
    }
}
