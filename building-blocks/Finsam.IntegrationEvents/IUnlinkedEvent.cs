namespace Finsam.IntegrationEvents;

/// <summary>
/// An event about something deliberately kept apart from people: an anonymous survey answer, a course evaluation
/// form. It carries no participant, and its time is only the month (<see cref="IIntegrationEvent.OccurredAt"/> is
/// the first instant of it). Whoever stores one must not add what it leaves out: not the moment it arrived, and not
/// its place among other events (an answer stored right after a person's ending would point at that person).
/// </summary>
public interface IUnlinkedEvent : IIntegrationEvent;
